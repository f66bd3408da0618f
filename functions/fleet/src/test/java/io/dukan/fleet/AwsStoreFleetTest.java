package io.dukan.fleet;

import static io.dukan.aws.testing.ScriptedAws.JSON;
import static io.dukan.fleet.FleetFixture.BOUNDARY_ARN;
import static io.dukan.fleet.FleetFixture.CREATE_ALIAS;
import static io.dukan.fleet.FleetFixture.CREATE_FUNCTION;
import static io.dukan.fleet.FleetFixture.DELETE_FUNCTION;
import static io.dukan.fleet.FleetFixture.GET_CONFIGURATION;
import static io.dukan.fleet.FleetFixture.HANDLER;
import static io.dukan.fleet.FleetFixture.LAYER_ARN;
import static io.dukan.fleet.FleetFixture.NAME;
import static io.dukan.fleet.FleetFixture.PUBLISH_VERSION;
import static io.dukan.fleet.FleetFixture.RUNTIME_LAYER_ARN;
import static io.dukan.fleet.FleetFixture.STORE;
import static io.dukan.fleet.FleetFixture.UPDATE_ALIAS;
import static io.dukan.fleet.FleetFixture.iam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.dukan.aws.testing.ScriptedAws;
import io.dukan.aws.testing.ScriptedAws.Reply;
import io.dukan.aws.testing.ScriptedAws.Request;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class AwsStoreFleetTest {

    private static final String ROLE_NOT_ASSUMABLE = "The role defined for the function cannot be assumed by Lambda.";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:" + NAME;

    private final FleetFixture fixture = new FleetFixture();
    private final ScriptedAws aws = fixture.aws;

    @Test
    void createFunction_createsABoundedRole_itsPolicy_andAFunctionOnTheStoreRuntimeLayer() throws Exception {
        // given
        AwsStoreFleet fleet = fixture.fleet();

        // when
        fleet.createFunction(STORE);

        // then
        assertThat(aws.operations())
                .containsExactly(
                        "UpdateItem",
                        "CreateLogGroup",
                        "PutRetentionPolicy",
                        "CreateRole",
                        "PutRolePolicy",
                        "POST /2015-03-31/functions");
        JsonNode shard = aws.requests().get(0).json();
        assertThat(shard.at("/Key/pk/S").asText()).isEqualTo("PLATFORM#SHARD#" + FleetFixture.ACCOUNT);
        assertThat(shard.path("ConditionExpression").asText()).contains("size(stores) < :cap");
        assertThat(aws.requests().get(1).json().path("logGroupName").asText()).isEqualTo("/aws/lambda/" + NAME);
        assertThat(aws.requests().get(2).json().path("retentionInDays").asInt()).isEqualTo(30);

        Map<String, String> createRole = aws.requests().get(3).form();
        assertThat(createRole)
                .containsEntry("RoleName", NAME)
                .containsEntry("Path", "/dukan-store/")
                .containsEntry("PermissionsBoundary", BOUNDARY_ARN)
                .containsEntry("Tags.member.1.Key", "dukan:tenant-id")
                .containsEntry("Tags.member.1.Value", STORE.id().value());
        JsonNode trust = JSON.readTree(createRole.get("AssumeRolePolicyDocument"));
        assertThat(trust.at("/Statement/0/Principal/Service").asText()).isEqualTo("lambda.amazonaws.com");
        assertThat(trust.at("/Statement/0/Action/0").asText()).isEqualTo("sts:AssumeRole");

        Map<String, String> putPolicy = aws.requests().get(4).form();
        assertThat(putPolicy).containsEntry("RoleName", NAME).containsEntry("PolicyName", "store-access");
        assertThat(putPolicy.get("PolicyDocument"))
                .isEqualTo(new StorePolicies(
                                FleetFixture.TABLE_ARN,
                                FleetFixture.BUCKET_ARN,
                                "us-east-1",
                                FleetFixture.ACCOUNT,
                                FleetFixture.EMAIL_FROM)
                        .storePolicy(STORE.id(), NAME));

        JsonNode function = aws.requests().get(5).json();
        assertThat(function.path("FunctionName").asText()).isEqualTo(NAME);
        // the custom runtime: the store runtime layer's bootstrap, the runtime interface client calling the handler
        assertThat(function.path("Runtime").asText()).isEqualTo("provided.al2023");
        assertThat(function.path("Handler").asText()).isEqualTo(HANDLER);
        assertThat(function.path("Role").asText()).isEqualTo("arn:aws:iam::123456789012:role/dukan-store/" + NAME);
        assertThat(function.path("Layers")).extracting(JsonNode::asText).containsExactly(RUNTIME_LAYER_ARN);
        assertThat(function.has("SnapStart")).isFalse();
        assertThat(function.path("MemorySize").asInt()).isEqualTo(1024);
        assertThat(function.path("Timeout").asInt()).isEqualTo(29);
        assertThat(JSON.convertValue(
                        function.at("/Environment/Variables"), new TypeReference<Map<String, String>>() {}))
                .isEqualTo(Map.of(
                        "DUKAN_TENANT_ID",
                        STORE.id().value(),
                        "DUKAN_STORE_SLUG",
                        "bilal-crafts",
                        "DUKAN_TABLE",
                        "dukan-Table-1ABC",
                        "DUKAN_BUCKET",
                        "dukan-media-1abc",
                        "DUKAN_PUBLIC_URL",
                        FleetFixture.PUBLIC_URL,
                        "DUKAN_MEDIA_URL",
                        FleetFixture.MEDIA_URL,
                        "DUKAN_EMAIL_MODE",
                        "ses",
                        "DUKAN_EMAIL_FROM",
                        FleetFixture.EMAIL_FROM,
                        // no upgrade has finished yet: the stack's layer, under the version id it registers as
                        "DUKAN_SHOP_VERSION",
                        "dukan-store-runtime-4"));
        assertThat(function.at("/Tags/dukan:tenant-id").asText())
                .isEqualTo(STORE.id().value());

        byte[] zip = Base64.getDecoder().decode(function.at("/Code/ZipFile").asText());
        assertThat(zip.length).as("placeholder package size").isLessThan(1024);
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            assertThat(entries.getNextEntry()).as("a valid zip with an entry").isNotNull();
        }
    }

    @Test
    void createFunction_onTheManagedRuntime_usesJava25_theShopCodeLayer_andTheC1Flags() {
        // given
        AwsStoreFleet fleet = fixture.managedRuntimeFleet();

        // when
        fleet.createFunction(STORE);

        // then
        JsonNode function = aws.requests().stream()
                .filter(CREATE_FUNCTION)
                .findFirst()
                .orElseThrow()
                .json();
        assertThat(function.path("Runtime").asText()).isEqualTo("java25");
        assertThat(function.path("Handler").asText()).isEqualTo(HANDLER);
        assertThat(function.path("Layers")).extracting(JsonNode::asText).containsExactly(LAYER_ARN);
        assertThat(function.at("/Environment/Variables/JAVA_TOOL_OPTIONS").asText())
                .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        assertThat(function.has("SnapStart")).isFalse();
        assertThat(aws.requests()).noneMatch(PUBLISH_VERSION);
    }

    @Test
    void createFunction_afterAFinishedUpgrade_runsTheFleetsVersion_notTheStacksLayer() {
        // given: an upgrade moved every store to runtime-5 (its layer), after the stack deployed runtime-4
        String upgraded = "arn:aws:lambda:us-east-1:123456789012:layer:dukan-store-runtime:5";
        fixture.versions.publish(
                new io.dukan.core.upgrade.ShopVersion("runtime-5", upgraded, java.time.Instant.EPOCH, "op", ""));
        fixture.versions.setFleetVersion("runtime-5");

        // when
        fixture.fleet().createFunction(STORE);

        // then
        JsonNode function = aws.requests().stream()
                .filter(CREATE_FUNCTION)
                .findFirst()
                .orElseThrow()
                .json();
        assertThat(function.path("Layers")).extracting(JsonNode::asText).containsExactly(upgraded);
        assertThat(function.at("/Environment/Variables/DUKAN_SHOP_VERSION").asText())
                .isEqualTo("runtime-5");
    }

    @Test
    void createFunction_ofAVersionOnlyPublished_keepsTheFleetsVersion() {
        // given: a new stack registered its layer (published), and no upgrade has moved the fleet to it
        String previous = "arn:aws:lambda:us-east-1:123456789012:layer:dukan-store-runtime:3";
        fixture.versions.publish(
                new io.dukan.core.upgrade.ShopVersion("runtime-3", previous, java.time.Instant.EPOCH, "op", ""));
        fixture.versions.publish(new io.dukan.core.upgrade.ShopVersion(
                "dukan-store-runtime-4", RUNTIME_LAYER_ARN, java.time.Instant.EPOCH, "fleet", ""));
        fixture.versions.setFleetVersion("runtime-3");

        // when
        fixture.fleet().createFunction(STORE);

        // then
        JsonNode function = aws.requests().stream()
                .filter(CREATE_FUNCTION)
                .findFirst()
                .orElseThrow()
                .json();
        assertThat(function.path("Layers")).extracting(JsonNode::asText).containsExactly(previous);
        assertThat(function.at("/Environment/Variables/DUKAN_SHOP_VERSION").asText())
                .isEqualTo("runtime-3");
    }

    @Test
    void createFunction_whenTheFleetsVersionIsNoLayer_usesTheStacksLayer() {
        fixture.versions.publish(new io.dukan.core.upgrade.ShopVersion(
                "odd", "s3://bucket/shop.jar", java.time.Instant.EPOCH, "op", ""));
        fixture.versions.setFleetVersion("odd");

        fixture.fleet().createFunction(STORE);

        JsonNode function = aws.requests().stream()
                .filter(CREATE_FUNCTION)
                .findFirst()
                .orElseThrow()
                .json();
        assertThat(function.path("Layers")).extracting(JsonNode::asText).containsExactly(RUNTIME_LAYER_ARN);
        assertThat(function.at("/Environment/Variables/DUKAN_SHOP_VERSION").asText())
                .isEqualTo("dukan-store-runtime-4");
    }

    @Test
    void construction_refusesSnapStart_onTheCustomRuntime() {
        // given: SnapStart is for managed runtimes; the custom runtime starts from its AOT cache
        AwsFleetProperties properties = FleetFixture.properties();
        properties.setSnapStart(true);

        // when / then
        assertThatThrownBy(() -> new AwsStoreFleet(
                        properties,
                        fixture.versions,
                        fixture.iam,
                        fixture.lambda,
                        fixture.dynamo,
                        fixture.logs,
                        fixture.sleeps::add))
                .isInstanceOf(StoreFleetException.class)
                .hasMessageContaining("DUKAN_FLEET_RUNTIME=java25");
    }

    @Test
    void construction_fails_namingTheRuntimeLayer_whenTheCustomRuntimeHasNone() {
        // given
        AwsFleetProperties properties = FleetFixture.properties();
        properties.setRuntimeLayerArn(null);

        // when / then
        assertThatThrownBy(() -> new AwsStoreFleet(
                        properties,
                        fixture.versions,
                        fixture.iam,
                        fixture.lambda,
                        fixture.dynamo,
                        fixture.logs,
                        fixture.sleeps::add))
                .isInstanceOf(StoreFleetException.class)
                .hasMessageContaining("DUKAN_FLEET_RUNTIME_LAYER_ARN");
    }

    @Test
    void createFunction_succeeds_whenRoleAndFunctionAlreadyExist() {
        // given
        aws.on(iam("CreateRole"), Reply.iamError(409, "EntityAlreadyExists", "Role " + NAME + " already exists."))
                .on(CREATE_FUNCTION, Reply.restError(409, "ResourceConflictException", "Function already exist"));
        AwsStoreFleet fleet = fixture.fleet();

        // when
        fleet.createFunction(STORE);

        // then
        assertThat(aws.operations())
                .containsExactly(
                        "UpdateItem",
                        "CreateLogGroup",
                        "PutRetentionPolicy",
                        "CreateRole",
                        "PutRolePolicy",
                        "POST /2015-03-31/functions");
        assertThat(fixture.sleeps).isEmpty();
    }

    @Test
    void createFunction_retries_whileRoleIsNotYetAssumable() {
        // given
        aws.onFirst(2, CREATE_FUNCTION, Reply.restError(400, "InvalidParameterValueException", ROLE_NOT_ASSUMABLE));
        AwsStoreFleet fleet = fixture.fleet();

        // when
        fleet.createFunction(STORE);

        // then
        assertThat(aws.matching(CREATE_FUNCTION)).hasSize(3);
        assertThat(fixture.sleeps).containsExactlyElementsOf(AwsStoreFleet.ROLE_PROPAGATION_DELAYS.subList(0, 2));
        assertThat(aws.matching(DELETE_FUNCTION)).isEmpty();
    }

    @Test
    void createFunction_givesUpAfterBoundedRetries_andRemovesTheRole_whenRoleNeverBecomesAssumable() {
        // given
        aws.on(CREATE_FUNCTION, Reply.restError(400, "InvalidParameterValueException", ROLE_NOT_ASSUMABLE));
        AwsStoreFleet fleet = fixture.fleet();

        // when / then
        assertThatThrownBy(() -> fleet.createFunction(STORE))
                .isInstanceOf(StoreFleetException.class)
                .hasMessageContaining("could not create function " + NAME)
                .hasMessageContaining("InvalidParameterValueException")
                .hasMessageContaining(ROLE_NOT_ASSUMABLE);
        assertThat(aws.matching(CREATE_FUNCTION)).hasSize(AwsStoreFleet.ROLE_PROPAGATION_DELAYS.size() + 1);
        assertThat(fixture.sleeps).containsExactlyElementsOf(AwsStoreFleet.ROLE_PROPAGATION_DELAYS);
        assertThat(aws.operations())
                .endsWith(
                        "DELETE /2015-03-31/functions/" + NAME,
                        "DeleteRolePolicy",
                        "DeleteRole",
                        "DeleteLogGroup",
                        "UpdateItem");
    }

    @Test
    void createFunction_doesNotRetry_otherInvalidParameters() {
        // given
        aws.on(
                CREATE_FUNCTION,
                Reply.restError(400, "InvalidParameterValueException", "Unzipped size must be smaller"));
        AwsStoreFleet fleet = fixture.fleet();

        // when / then
        assertThatThrownBy(() -> fleet.createFunction(STORE)).isInstanceOf(StoreFleetException.class);
        assertThat(aws.matching(CREATE_FUNCTION)).hasSize(1);
        assertThat(fixture.sleeps).isEmpty();
    }

    @Test
    void createFunction_saysWhichPermissionIsMissing_whenAccessIsDenied() {
        // given
        aws.on(
                iam("CreateRole"),
                Reply.iamError(403, "AccessDenied", "User: provisioning is not authorized to perform: iam:CreateRole"));
        AwsStoreFleet fleet = fixture.fleet();

        // when / then
        assertThatThrownBy(() -> fleet.createFunction(STORE))
                .isInstanceOf(StoreFleetException.class)
                .hasMessageContaining("could not create role " + NAME)
                .hasMessageContaining("AccessDenied")
                .hasMessageContaining("iam:CreateRole")
                .hasMessageContaining("lacks this permission");
        assertThat(aws.matching(CREATE_FUNCTION)).isEmpty();
    }

    @Test
    void deleteFunction_deletesFunction_policy_andRole() {
        // given
        AwsStoreFleet fleet = fixture.fleet();

        // when
        fleet.deleteFunction(STORE);

        // then
        assertThat(aws.operations())
                .containsExactly(
                        "DELETE /2015-03-31/functions/" + NAME,
                        "DeleteRolePolicy",
                        "DeleteRole",
                        "DeleteLogGroup",
                        "UpdateItem");
        assertThat(aws.requests().get(1).form())
                .containsEntry("RoleName", NAME)
                .containsEntry("PolicyName", "store-access");
        assertThat(aws.requests().get(2).form()).containsEntry("RoleName", NAME);
        assertThat(aws.requests().get(4).json().path("UpdateExpression").asText())
                .isEqualTo("DELETE stores :me");
    }

    @Test
    void deleteFunction_succeeds_whenFunctionAndRoleAreAlreadyGone() {
        // given
        aws.on(DELETE_FUNCTION, Reply.restError(404, "ResourceNotFoundException", "Function not found: " + NAME))
                .on(iam("DeleteRolePolicy"), Reply.iamError(404, "NoSuchEntity", "The role policy was not found."))
                .on(iam("DeleteRole"), Reply.iamError(404, "NoSuchEntity", "The role cannot be found."));
        AwsStoreFleet fleet = fixture.fleet();

        // when
        fleet.deleteFunction(STORE);

        // then
        assertThat(aws.operations())
                .containsExactly(
                        "DELETE /2015-03-31/functions/" + NAME,
                        "DeleteRolePolicy",
                        "DeleteRole",
                        "DeleteLogGroup",
                        "UpdateItem");
    }

    @Test
    void deleteFunction_fails_whenAwsFailsOtherwise() {
        // given
        aws.on(
                iam("DeleteRole"),
                Reply.iamError(409, "DeleteConflict", "Cannot delete entity, must detach all policies first."));
        AwsStoreFleet fleet = fixture.fleet();

        // when / then
        assertThatThrownBy(() -> fleet.deleteFunction(STORE))
                .isInstanceOf(StoreFleetException.class)
                .hasMessageContaining("could not delete role " + NAME)
                .hasMessageContaining("DeleteConflict");
    }

    @Test
    void construction_fails_namingTheMissingSettings() {
        // given
        AwsFleetProperties properties = FleetFixture.properties();
        properties.setRuntime(AwsFleetProperties.RUNTIME_JAVA25);
        properties.setPermissionsBoundaryArn(null);
        properties.setShopLayerArn(" ");

        // when / then
        assertThatThrownBy(() -> new AwsStoreFleet(
                        properties,
                        fixture.versions,
                        fixture.iam,
                        fixture.lambda,
                        fixture.dynamo,
                        fixture.logs,
                        fixture.sleeps::add))
                .isInstanceOf(StoreFleetException.class)
                .hasMessageContaining("DUKAN_FLEET_SHOP_LAYER_ARN, DUKAN_FLEET_PERMISSIONS_BOUNDARY_ARN");
    }

    // --- SnapStart ------------------------------------------------------------------------------------------------

    private static Reply state(String state) {
        return Reply.json(200, "{\"FunctionName\":\"" + NAME + "\",\"State\":\"" + state + "\"}");
    }

    @Test
    void createFunction_withSnapStart_publishesAVersion_andPointsTheAliasAtIt_onceTheFunctionIsActive() {
        // given: Pending once after creation, then Active; the new version's snapshot ready on the second look
        aws.onFirst(
                        1,
                        r -> GET_CONFIGURATION.test(r)
                                && r.queryParameter("Qualifier").isEmpty(),
                        state("Pending"))
                .on(
                        r -> GET_CONFIGURATION.test(r)
                                && r.queryParameter("Qualifier").isEmpty(),
                        state("Active"))
                .on(PUBLISH_VERSION, Reply.json(201, "{\"Version\":\"3\",\"State\":\"Pending\"}"))
                .onFirst(
                        1,
                        r -> GET_CONFIGURATION.test(r)
                                && r.queryParameter("Qualifier").equals(Optional.of("3")),
                        state("Pending"))
                .on(
                        r -> GET_CONFIGURATION.test(r)
                                && r.queryParameter("Qualifier").equals(Optional.of("3")),
                        state("Active"));
        AwsStoreFleet fleet = fixture.snapStartFleet();

        // when
        fleet.createFunction(STORE);

        // then
        assertThat(aws.matching(CREATE_FUNCTION)
                        .get(0)
                        .json()
                        .at("/SnapStart/ApplyOn")
                        .asText())
                .isEqualTo("PublishedVersions");
        assertThat(aws.operations())
                .containsExactly(
                        "UpdateItem",
                        "CreateLogGroup",
                        "PutRetentionPolicy",
                        "CreateRole",
                        "PutRolePolicy",
                        "POST /2015-03-31/functions",
                        "GET /2015-03-31/functions/" + NAME + "/configuration",
                        "GET /2015-03-31/functions/" + NAME + "/configuration",
                        "POST /2015-03-31/functions/" + NAME + "/versions",
                        "POST /2015-03-31/functions/" + NAME + "/aliases",
                        "GET /2015-03-31/functions/" + NAME + "/configuration",
                        "GET /2015-03-31/functions/" + NAME + "/configuration");
        Request alias = aws.matching(CREATE_ALIAS).get(0);
        assertThat(alias.json().path("Name").asText()).isEqualTo("live");
        assertThat(alias.json().path("FunctionVersion").asText()).isEqualTo("3");
        assertThat(fixture.sleeps).hasSize(2);
    }

    @Test
    void createFunction_withSnapStart_movesAnExistingAlias_toTheNewVersion() {
        // given
        aws.on(GET_CONFIGURATION, state("Active"))
                .on(PUBLISH_VERSION, Reply.json(201, "{\"Version\":\"4\"}"))
                .on(CREATE_ALIAS, Reply.restError(409, "ResourceConflictException", "Alias already exists"));
        AwsStoreFleet fleet = fixture.snapStartFleet();

        // when
        fleet.createFunction(STORE);

        // then
        List<Request> updates = aws.matching(UPDATE_ALIAS);
        assertThat(updates)
                .extracting(Request::path)
                .containsExactly("/2015-03-31/functions/" + NAME + "/aliases/live");
        assertThat(updates.get(0).json().path("FunctionVersion").asText()).isEqualTo("4");
    }

    @Test
    void createFunction_withSnapStart_failsClearly_whenTheVersionFailsToInitialise() {
        // given: the priming or the init of the new version failed
        aws.on(r -> GET_CONFIGURATION.test(r) && r.queryParameter("Qualifier").isEmpty(), state("Active"))
                .on(PUBLISH_VERSION, Reply.json(201, "{\"Version\":\"5\"}"))
                .on(
                        r -> GET_CONFIGURATION.test(r)
                                && r.queryParameter("Qualifier").isPresent(),
                        state("Failed"));
        AwsStoreFleet fleet = fixture.snapStartFleet();

        // when / then: and what was made is removed
        assertThatThrownBy(() -> fleet.createFunction(STORE))
                .isInstanceOf(StoreFleetException.class)
                .hasMessageContaining("version 5 failed to initialise");
        assertThat(aws.operations()).contains("DELETE /2015-03-31/functions/" + NAME, "DeleteRole");
    }

    @Test
    void createFunction_withSnapStart_givesUpWaiting_withinOneBudget_andPublishesNothing_whenTheFunctionStaysPending() {
        // given
        aws.on(GET_CONFIGURATION, state("Pending"));
        AwsStoreFleet fleet = fixture.snapStartFleet();

        // when
        fleet.createFunction(STORE);

        // then: 15 one-second polls at most (the budget), no version, no alias; the route will use the function
        assertThat(fixture.sleeps).hasSize(15);
        assertThat(aws.matching(PUBLISH_VERSION)).isEmpty();
        assertThat(aws.matching(CREATE_ALIAS)).isEmpty();
    }

    @Test
    void createRoute_writesOneRoutingEntry_andTouchesNoApiAndNoDeployment() {
        // given
        AwsStoreFleet fleet = fixture.fleet();

        // when
        fleet.createRoute(STORE);

        // then: one request, a conditional PutItem of the routing entry; nothing else about the platform changes
        assertThat(aws.operations()).containsExactly("PutItem");
        JsonNode put = aws.requests().get(0).json();
        assertThat(put.path("TableName").asText()).isEqualTo("dukan-Table-1ABC");
        assertThat(put.at("/Item/pk/S").asText()).isEqualTo("PLATFORM#ROUTE#bilal-crafts");
        assertThat(put.at("/Item/sk/S").asText()).isEqualTo("ROUTE");
        assertThat(put.at("/Item/tenantId/S").asText()).isEqualTo(STORE.id().value());
        assertThat(put.at("/Item/functionArn/S").asText()).isEqualTo(FUNCTION_ARN);
        assertThat(put.at("/Item/account/S").asText()).isEqualTo(FleetFixture.ACCOUNT);
        assertThat(put.path("ConditionExpression").asText()).isEqualTo("attribute_not_exists(pk) OR tenantId = :t");
        assertThat(aws.requests()).noneMatch(r -> r.service().equals("apigateway"));
    }

    @Test
    void createRoute_refuses_toTakeOverAnotherStoresEntry() {
        // given
        aws.on(r -> r.isTarget("dynamodb", "PutItem"), Reply.json(400, """
                {"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
                 "message":"The conditional request failed"}"""));
        AwsStoreFleet fleet = fixture.fleet();

        // when / then
        assertThatThrownBy(() -> fleet.createRoute(STORE))
                .isInstanceOf(StoreFleetException.class)
                .hasMessageContaining("routed to another store");
    }

    @Test
    void deleteRoute_deletesOnlyThisStoresEntry_andSucceedsWhenItIsGone() {
        // given
        aws.on(r -> r.isTarget("dynamodb", "DeleteItem"), Reply.json(400, """
                {"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
                 "message":"The conditional request failed"}"""));
        AwsStoreFleet fleet = fixture.fleet();

        // when
        fleet.deleteRoute(STORE);

        // then
        JsonNode delete = aws.requests().get(0).json();
        assertThat(delete.at("/Key/pk/S").asText()).isEqualTo("PLATFORM#ROUTE#bilal-crafts");
        assertThat(delete.path("ConditionExpression").asText()).isEqualTo("tenantId = :t");
    }

    @Test
    void createRoute_withSnapStart_namesTheAlias_whenItsSnapshotIsReady() {
        // given
        aws.on(GET_CONFIGURATION, Reply.json(200, "{\"State\":\"Active\"}"));
        AwsStoreFleet fleet = fixture.snapStartFleet();

        // when
        fleet.createRoute(STORE);

        // then
        JsonNode put =
                aws.matching(r -> r.isTarget("dynamodb", "PutItem")).get(0).json();
        assertThat(put.at("/Item/functionArn/S").asText()).isEqualTo(FUNCTION_ARN + ":live");
    }

    @Test
    void deleteFunction_removesTheStoresLogGroup_too() {
        // given
        AwsStoreFleet fleet = fixture.fleet();

        // when
        fleet.deleteFunction(STORE);

        // then
        assertThat(aws.operations()).endsWith("DeleteLogGroup", "UpdateItem");
        assertThat(aws.requests()
                        .get(aws.requests().size() - 2)
                        .json()
                        .path("logGroupName")
                        .asText())
                .isEqualTo("/aws/lambda/" + NAME);
    }

    @Test
    void createFunction_refusesAStore_whenEveryShardAccountIsFull_andCreatesNothing() {
        // given: the shard's conditional join fails (it holds its capacity already)
        aws.on(r -> r.isTarget("dynamodb", "UpdateItem"), Reply.json(400, """
                {"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
                 "message":"The conditional request failed"}"""));
        AwsStoreFleet fleet = fixture.fleet();

        // when / then
        assertThatThrownBy(() -> fleet.createFunction(STORE))
                .isInstanceOf(StoreFleetException.class)
                .hasMessageContaining("every shard account is full");
        assertThat(aws.operations()).containsOnly("UpdateItem");
    }

    @Test
    void createFunction_joinsTheFirstShardWithRoom_andRefusesToBuildInAnotherAccount() {
        // given two shards; the first is full
        AwsFleetProperties properties = FleetFixture.properties();
        properties.setShardAccounts(List.of(FleetFixture.ACCOUNT, "210987654321"));
        aws.onFirst(1, r -> r.isTarget("dynamodb", "UpdateItem"), Reply.json(400, """
                {"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
                 "message":"The conditional request failed"}"""));
        AwsStoreFleet fleet = new AwsStoreFleet(
                properties,
                fixture.versions,
                fixture.iam,
                fixture.lambda,
                fixture.dynamo,
                fixture.logs,
                fixture.sleeps::add);

        // when / then: the second account is chosen, and this worker cannot build there yet
        assertThatThrownBy(() -> fleet.createFunction(STORE))
                .isInstanceOf(StoreFleetException.class)
                .hasMessageContaining("shard account 210987654321");
        assertThat(aws.matching(CREATE_FUNCTION)).isEmpty();
        assertThat(aws.matching(r -> r.isTarget("dynamodb", "UpdateItem"))
                        .get(1)
                        .json()
                        .at("/Key/pk/S")
                        .asText())
                .isEqualTo("PLATFORM#SHARD#210987654321");
    }
}
