package io.dukan.fleet;

import static io.dukan.fleet.FleetFixture.ACCOUNT;
import static io.dukan.fleet.FleetFixture.BUCKET_ARN;
import static io.dukan.fleet.FleetFixture.NAME;
import static io.dukan.fleet.FleetFixture.STORE;
import static io.dukan.fleet.FleetFixture.TABLE_ARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.dukan.aws.testing.ScriptedAws;
import io.dukan.core.tenant.TenantId;
import io.dukan.fleet.PolicyEvaluator.Decision;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The IAM wall between tenants: the store role reaches its own keys, media and logs, and nothing else. */
class StorePoliciesTest {

    private static final TenantId OWN = STORE.id();
    private static final String OWN_ID = OWN.value();
    private static final String OTHER_ID = "otherotherother2";
    private static final String INDEX = TABLE_ARN + "/index/gsi1";
    private static final String OWN_LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/" + NAME;

    private final StorePolicies policies = new StorePolicies(TABLE_ARN, BUCKET_ARN, "us-east-1", ACCOUNT);
    private final PolicyEvaluator storePolicy = new PolicyEvaluator(policies.storePolicy(OWN, NAME));

    private static Map<String, List<String>> leadingKeys(List<String> keys) {
        return keys.isEmpty() ? Map.of() : Map.of("dynamodb:LeadingKeys", keys);
    }

    static Stream<Arguments> ownItemRequests() {
        return Stream.of(
                arguments("dynamodb:GetItem", TABLE_ARN, List.of(OWN_ID + "#SETTINGS")),
                arguments("dynamodb:PutItem", TABLE_ARN, List.of(OWN_ID + "#PRODUCT#p1")),
                arguments("dynamodb:UpdateItem", TABLE_ARN, List.of(OWN_ID + "#PRODUCT#p1")),
                arguments("dynamodb:DeleteItem", TABLE_ARN, List.of(OWN_ID + "#PRODUCT#p1")),
                arguments("dynamodb:ConditionCheckItem", TABLE_ARN, List.of(OWN_ID + "#PRODUCT#p1")),
                arguments("dynamodb:Query", TABLE_ARN, List.of(OWN_ID + "#CATALOG")),
                arguments("dynamodb:Query", INDEX, List.of(OWN_ID + "#ORDERS")),
                arguments("dynamodb:BatchGetItem", TABLE_ARN, List.of(OWN_ID + "#PRODUCT#p1", OWN_ID + "#PRODUCT#p2")),
                arguments("dynamodb:BatchWriteItem", TABLE_ARN, List.of(OWN_ID + "#CART#c1", OWN_ID + "#CART#c2")));
    }

    @ParameterizedTest(name = "{0} on {1} with keys {2}")
    @MethodSource("ownItemRequests")
    void storeRole_allows_itsOwnItems(String action, String resource, List<String> keys) {
        assertThat(storePolicy.evaluate(action, resource, leadingKeys(keys))).isEqualTo(Decision.ALLOW);
    }

    static Stream<Arguments> foreignItemRequests() {
        return Stream.of(
                arguments("another tenant's item", "dynamodb:GetItem", TABLE_ARN, List.of(OTHER_ID + "#SETTINGS")),
                arguments("another tenant's write", "dynamodb:PutItem", TABLE_ARN, List.of(OTHER_ID + "#ORDER#o1")),
                arguments("another tenant's index entries", "dynamodb:Query", INDEX, List.of(OTHER_ID + "#ORDERS")),
                arguments("a platform record", "dynamodb:GetItem", TABLE_ARN, List.of("PLATFORM#SLUG#bilal-crafts")),
                arguments("platform records through an index", "dynamodb:Query", INDEX, List.of("PLATFORM#STORES")),
                arguments(
                        "a batch that slips in a foreign key",
                        "dynamodb:BatchWriteItem",
                        TABLE_ARN,
                        List.of(OWN_ID + "#CART#c1", OTHER_ID + "#CART#c2")),
                arguments(
                        "a batch that slips in a platform key",
                        "dynamodb:BatchGetItem",
                        TABLE_ARN,
                        List.of(OWN_ID + "#PRODUCT#p1", "PLATFORM#SLUG#x")),
                arguments(
                        "a key that only starts with the tenant id",
                        "dynamodb:GetItem",
                        TABLE_ARN,
                        List.of(OWN_ID + "x#SETTINGS")),
                arguments("the bare tenant id", "dynamodb:GetItem", TABLE_ARN, List.of(OWN_ID)),
                arguments("a request that names no key", "dynamodb:GetItem", TABLE_ARN, List.of()),
                arguments("a scan of the table", "dynamodb:Scan", TABLE_ARN, List.of()),
                arguments("a PartiQL statement", "dynamodb:PartiQLSelect", TABLE_ARN, List.of(OWN_ID + "#SETTINGS")),
                arguments(
                        "a table it was not given",
                        "dynamodb:GetItem",
                        "arn:aws:dynamodb:us-east-1:123456789012:table/other",
                        List.of(OWN_ID + "#SETTINGS")),
                arguments("dropping the table", "dynamodb:DeleteTable", TABLE_ARN, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignItemRequests")
    void storeRole_denies_itemsItDoesNotOwn(String what, String action, String resource, List<String> keys) {
        assertThat(storePolicy.allows(action, resource, leadingKeys(keys))).isFalse();
    }

    @Test
    void storeRole_allows_itsOwnMedia() {
        String key = BUCKET_ARN + "/tenants/" + OWN_ID + "/media/2vq7abc.jpg";
        for (String action : List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject")) {
            assertThat(storePolicy.evaluate(action, key, Map.of())).as(action).isEqualTo(Decision.ALLOW);
        }
    }

    static Stream<Arguments> foreignMediaRequests() {
        return Stream.of(
                arguments(
                        "another tenant's media", "s3:GetObject", BUCKET_ARN + "/tenants/" + OTHER_ID + "/media/x.jpg"),
                arguments(
                        "overwriting another tenant's media",
                        "s3:PutObject",
                        BUCKET_ARN + "/tenants/" + OTHER_ID + "/media/x.jpg"),
                arguments(
                        "a path that climbs out of its prefix",
                        "s3:GetObject",
                        BUCKET_ARN + "/tenants/" + OWN_ID + "/../" + OTHER_ID + "/media/x.jpg"),
                arguments(
                        "a write that climbs out of its prefix",
                        "s3:PutObject",
                        BUCKET_ARN + "/tenants/" + OWN_ID + "/media/../../" + OTHER_ID + "/x.jpg"),
                arguments("a key ending in ..", "s3:DeleteObject", BUCKET_ARN + "/tenants/" + OWN_ID + "/.."),
                arguments("a . segment", "s3:GetObject", BUCKET_ARN + "/tenants/" + OWN_ID + "/./x.jpg"),
                arguments(
                        "a prefix that only starts with the tenant id",
                        "s3:GetObject",
                        BUCKET_ARN + "/tenants/" + OWN_ID + "x/media/x.jpg"),
                arguments("the tenant folder without a slash", "s3:GetObject", BUCKET_ARN + "/tenants/" + OWN_ID),
                arguments("the bucket root", "s3:GetObject", BUCKET_ARN + "/x.jpg"),
                arguments("another bucket", "s3:GetObject", "arn:aws:s3:::other-bucket/tenants/" + OWN_ID + "/x.jpg"),
                arguments("listing the bucket without a prefix", "s3:ListBucket", BUCKET_ARN),
                arguments("changing the bucket policy", "s3:PutBucketPolicy", BUCKET_ARN),
                arguments(
                        "making its own object public",
                        "s3:PutObjectAcl",
                        BUCKET_ARN + "/tenants/" + OWN_ID + "/media/x.jpg"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignMediaRequests")
    void storeRole_denies_mediaItDoesNotOwn(String what, String action, String resource) {
        assertThat(storePolicy.allows(action, resource)).isFalse();
    }

    @Test
    void storeRole_listsOnlyItsOwnPrefix_soAMissingKeyAnswers404() {
        assertThat(storePolicy.allows(
                        "s3:ListBucket",
                        BUCKET_ARN,
                        Map.of("s3:prefix", List.of("tenants/" + OWN_ID + "/media/x.jpg"))))
                .isTrue();
        assertThat(storePolicy.allows(
                        "s3:ListBucket", BUCKET_ARN, Map.of("s3:prefix", List.of("tenants/" + OTHER_ID + "/media/"))))
                .isFalse();
        assertThat(storePolicy.allows(
                        "s3:ListBucket", BUCKET_ARN, Map.of("s3:prefix", List.of("tenants/" + OWN_ID + "x/"))))
                .isFalse();
        assertThat(storePolicy.allows("s3:ListBucket", BUCKET_ARN, Map.of("s3:prefix", List.of(""))))
                .isFalse();
    }

    @Test
    void storeRole_writesOnlyToItsOwnLogGroup() {
        assertThat(storePolicy.allows("logs:CreateLogGroup", OWN_LOG_GROUP)).isTrue();
        assertThat(storePolicy.allows("logs:CreateLogStream", OWN_LOG_GROUP + ":log-stream:2026/01/01/[$LATEST]ab"))
                .isTrue();
        assertThat(storePolicy.allows("logs:PutLogEvents", OWN_LOG_GROUP + ":log-stream:2026/01/01/[$LATEST]ab"))
                .isTrue();

        String otherGroup = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/dukan-store-" + OTHER_ID;
        assertThat(storePolicy.allows("logs:PutLogEvents", otherGroup + ":log-stream:x"))
                .isFalse();
        assertThat(storePolicy.allows("logs:PutLogEvents", OWN_LOG_GROUP + "x:log-stream:x"))
                .isFalse();
        assertThat(storePolicy.allows("logs:GetLogEvents", OWN_LOG_GROUP + ":log-stream:x"))
                .isFalse();
        assertThat(storePolicy.allows("logs:DeleteLogGroup", OWN_LOG_GROUP)).isFalse();
    }

    @Test
    void storePolicy_grantsNoWildcardActions_andNoResourceOutsideTheStoresOwn() {
        for (JsonNode statement : storePolicy.document().path("Statement")) {
            assertThat(PolicyEvaluator.strings(statement.path("Action"))).noneMatch(a -> a.contains("*"));
            if (statement.path("Effect").asText().equals("Allow")) {
                assertThat(PolicyEvaluator.strings(statement.path("Resource")))
                        .allMatch(resource -> resource.equals(TABLE_ARN)
                                || resource.equals(TABLE_ARN + "/index/*")
                                || resource.equals(BUCKET_ARN + "/tenants/" + OWN_ID + "/*")
                                || resource.equals(BUCKET_ARN)
                                        && statement
                                                .at("/Condition/StringLike/s3:prefix")
                                                .toString()
                                                .contains("tenants/" + OWN_ID + "/")
                                || resource.startsWith(OWN_LOG_GROUP));
            }
        }
    }

    @Test
    void storePolicy_takesPartitionFromTheTable_andRegionFromTheFunction() {
        // given
        StorePolicies china = new StorePolicies(
                "arn:aws-cn:dynamodb:cn-north-1:123456789012:table/dukan",
                "arn:aws-cn:s3:::dukan-media",
                "cn-north-1",
                ACCOUNT);

        // when
        PolicyEvaluator policy = new PolicyEvaluator(china.storePolicy(OWN, NAME));

        // then
        assertThat(policy.allows(
                        "logs:CreateLogGroup", "arn:aws-cn:logs:cn-north-1:123456789012:log-group:/aws/lambda/" + NAME))
                .isTrue();
    }

    @Test
    void trustPolicy_letsOnlyLambdaAssumeTheRole() throws Exception {
        // when
        JsonNode trust = ScriptedAws.JSON.readTree(StorePolicies.trustPolicy());

        // then
        assertThat(trust.path("Statement")).hasSize(1);
        JsonNode statement = trust.path("Statement").get(0);
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(PolicyEvaluator.strings(statement.path("Action"))).containsExactly("sts:AssumeRole");
        assertThat(statement.path("Principal").size()).isEqualTo(1);
        assertThat(statement.at("/Principal/Service").asText()).isEqualTo("lambda.amazonaws.com");
    }

    @Test
    void evaluator_treatsForAllValuesAsTrue_whenTheRequestHasNoKeys_whichIsWhyThePolicyAlsoDemandsThem() {
        // given: the same policy without its Null guard
        String guard = ",\"Null\":{\"dynamodb:LeadingKeys\":\"false\"}";
        String unguarded = policies.storePolicy(OWN, NAME).replace(guard, "");
        assertThat(unguarded).isNotEqualTo(policies.storePolicy(OWN, NAME));

        // when / then
        assertThat(new PolicyEvaluator(unguarded).allows("dynamodb:GetItem", TABLE_ARN, Map.of()))
                .isTrue();
        assertThat(storePolicy.allows("dynamodb:GetItem", TABLE_ARN, Map.of())).isFalse();
    }

    @Test
    void storeRole_sendsMail_onlyAsThePlatformsSender_andOnlyWhenSesIsUsed() {
        // given
        String from = "no-reply@shops.example.com";
        PolicyEvaluator withMail = new PolicyEvaluator(
                new StorePolicies(TABLE_ARN, BUCKET_ARN, "us-east-1", ACCOUNT, from).storePolicy(OWN, NAME));
        String identity = "arn:aws:ses:us-east-1:123456789012:identity/shops.example.com";

        // then
        assertThat(withMail.allows("ses:SendEmail", identity, Map.of("ses:FromAddress", List.of(from))))
                .isTrue();
        assertThat(withMail.allows("ses:SendEmail", identity, Map.of("ses:FromAddress", List.of("ceo@bank.example"))))
                .as("another sender address")
                .isFalse();
        assertThat(withMail.allows("ses:SendEmail", identity, Map.of()))
                .as("no sender address")
                .isFalse();
        assertThat(withMail.allows(
                        "ses:SendEmail",
                        "arn:aws:ses:eu-west-1:123456789012:identity/shops.example.com",
                        Map.of("ses:FromAddress", List.of(from))))
                .as("another region")
                .isFalse();
        assertThat(withMail.allows("ses:SendBulkEmail", identity, Map.of("ses:FromAddress", List.of(from))))
                .isFalse();
        assertThat(withMail.allows("ses:CreateEmailIdentity", identity)).isFalse();
        assertThat(storePolicy.allows("ses:SendEmail", identity, Map.of("ses:FromAddress", List.of(from))))
                .as("no mail permission without a sender")
                .isFalse();
    }
}
