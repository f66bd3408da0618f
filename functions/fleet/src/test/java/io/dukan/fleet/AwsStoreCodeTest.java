package io.dukan.fleet;

import static io.dukan.fleet.FleetFixture.GET_CONFIGURATION;
import static io.dukan.fleet.FleetFixture.NAME;
import static io.dukan.fleet.FleetFixture.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dukan.aws.testing.ScriptedAws;
import io.dukan.aws.testing.ScriptedAws.Reply;
import io.dukan.core.upgrade.ShopVersion;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A store function moved between shop-code versions on AWS: its layer and DUKAN_SHOP_VERSION, then waited for. */
class AwsStoreCodeTest {

    static final String OLD_LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:dukan-store-runtime:4";
    static final String NEW_LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:dukan-store-runtime:5";
    static final Predicate<ScriptedAws.Request> UPDATE_CONFIGURATION =
            r -> r.is("lambda", "PUT", "/2015-03-31/functions/[^/]+/configuration");

    private final FleetFixture fixture = new FleetFixture();
    private final ScriptedAws aws = fixture.aws;
    private final MemoryShopVersions versions = new MemoryShopVersions();
    private final Map<String, ShopVersion> registry = versions.registry;
    private final AwsStoreCode code = new AwsStoreCode(
            FleetFixture.properties(), fixture.lambda, versions, Clock.systemUTC(), fixture.sleeps::add);

    static Reply configuration(String layer, String version, String status) {
        return Reply.json(
                200,
                "{\"FunctionName\":\"" + NAME + "\",\"RevisionId\":\"rev-1\",\"LastUpdateStatus\":\"" + status
                        + "\",\"Layers\":[{\"Arn\":\"" + layer + "\"}],\"Environment\":{\"Variables\":"
                        + "{\"DUKAN_TENANT_ID\":\"" + STORE.id().value() + "\""
                        + (version == null ? "" : ",\"DUKAN_SHOP_VERSION\":\"" + version + "\"") + "}}}");
    }

    static ShopVersion version(String id, String layer) {
        return new ShopVersion(id, layer, Instant.EPOCH, "test", "");
    }

    @Test
    void deploy_putsTheLayerAndTheVersionOnTheFunction_andWaitsForTheUpdate() {
        aws.on(
                GET_CONFIGURATION,
                configuration(OLD_LAYER, null, "Successful"),
                configuration(NEW_LAYER, "runtime-5", "InProgress"),
                configuration(NEW_LAYER, "runtime-5", "Successful"));
        aws.on(UPDATE_CONFIGURATION, configuration(NEW_LAYER, "runtime-5", "InProgress"));

        code.deploy(STORE, version("runtime-5", NEW_LAYER));

        List<ScriptedAws.Request> updates = aws.matching(UPDATE_CONFIGURATION);
        assertThat(updates).hasSize(1);
        JsonNode update = updates.get(0).json();
        assertThat(updates.get(0).path()).contains(NAME);
        assertThat(update.path("Layers")).extracting(JsonNode::asText).containsExactly(NEW_LAYER);
        assertThat(update.at("/Environment/Variables/DUKAN_SHOP_VERSION").asText())
                .isEqualTo("runtime-5");
        assertThat(update.at("/Environment/Variables/DUKAN_TENANT_ID").asText())
                .isEqualTo(STORE.id().value());
        assertThat(update.path("RevisionId").asText()).isEqualTo("rev-1");
        assertThat(aws.matching(GET_CONFIGURATION)).hasSize(3);
        assertThat(fixture.sleeps).hasSize(1);
    }

    @Test
    void deploy_ofTheVersionTheFunctionRuns_changesNothing() {
        aws.on(GET_CONFIGURATION, configuration(NEW_LAYER, "runtime-5", "Successful"));

        code.deploy(STORE, version("runtime-5", NEW_LAYER));

        assertThat(aws.matching(UPDATE_CONFIGURATION)).isEmpty();
    }

    @Test
    void aFailedUpdate_isAFailedDeploy() {
        aws.on(
                GET_CONFIGURATION,
                configuration(OLD_LAYER, null, "Successful"),
                configuration(OLD_LAYER, null, "Failed"));
        aws.on(UPDATE_CONFIGURATION, configuration(NEW_LAYER, "runtime-5", "InProgress"));

        assertThatThrownBy(() -> code.deploy(STORE, version("runtime-5", NEW_LAYER)))
                .isInstanceOf(StoreFleetException.class)
                .hasMessageContaining("failed");
    }

    @Test
    void onlyALayerVersion_isDeployed() {
        assertThatThrownBy(() -> code.deploy(STORE, version("odd", "s3://bucket/shop.jar")))
                .isInstanceOf(StoreFleetException.class);
        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void theStacksLayer_isRegisteredAsTheDefaultVersion() {
        ShopVersion deployed = code.defaultVersion();

        assertThat(deployed.id()).isEqualTo("dukan-store-runtime-4");
        assertThat(deployed.artifact()).isEqualTo(FleetFixture.RUNTIME_LAYER_ARN);
        assertThat(registry).containsKey("dukan-store-runtime-4");
        assertThat(AwsStoreCode.versionId("arn:aws:lambda:eu-west-1:1:layer:prod-shop-code:12"))
                .isEqualTo("prod-shop-code-12");
    }

    static final Predicate<ScriptedAws.Request> INVOKE =
            r -> r.is("lambda", "POST", "/2015-03-31/functions/[^/]+/invocations");

    @Test
    void check_invokesTheStoresFunction_withItsHomePagesEvent_markedAsACheck() throws Exception {
        aws.on(INVOKE, Reply.json(200, "{\"statusCode\":200,\"headers\":{},\"body\":\"<html>\"}"));

        assertThat(code.check(STORE)).isEqualTo(200);

        List<ScriptedAws.Request> invokes = aws.matching(INVOKE);
        assertThat(invokes).hasSize(1);
        assertThat(invokes.get(0).path()).isEqualTo("/2015-03-31/functions/" + NAME + "/invocations");
        assertThat(invokes.get(0).queryParameter("Qualifier"))
                .as("no SnapStart: the function itself")
                .isEmpty();
        JsonNode event = invokes.get(0).json();
        assertThat(event.path("httpMethod").asText()).isEqualTo("GET");
        assertThat(event.path("path").asText()).isEqualTo("/s/bilal-crafts/");
        assertThat(event.path("resource").asText()).isEqualTo("/s/{store}");
        assertThat(event.at("/pathParameters/store").asText()).isEqualTo("bilal-crafts");
        assertThat(event.at("/headers/x-dukan-check").asText()).isEqualTo("upgrade");
        assertThat(event.at("/multiValueHeaders/x-dukan-check/0").asText()).isEqualTo("upgrade");
        assertThat(event.at("/headers/Host").asText()).isEqualTo("api123.execute-api.us-east-1.amazonaws.com");
        assertThat(event.at("/requestContext/stage").asText()).isEqualTo("prod");
        assertThat(event.at("/requestContext/path").asText()).isEqualTo("/prod/s/bilal-crafts/");
        assertThat(event.path("isBase64Encoded").asBoolean(true)).isFalse();
    }

    @Test
    void check_withSnapStart_invokesTheAliasTheRouteInvokes_andReturnsA500AsItCame() {
        AwsFleetProperties snap = FleetFixture.properties();
        snap.setRuntime(AwsFleetProperties.RUNTIME_JAVA25);
        snap.setSnapStart(true);
        AwsStoreCode snapCode =
                new AwsStoreCode(snap, fixture.lambda, versions, Clock.systemUTC(), fixture.sleeps::add);
        aws.on(INVOKE, Reply.json(200, "{\"statusCode\": 500, \"body\": \"broken\"}"));

        assertThat(snapCode.check(STORE)).isEqualTo(500);
        assertThat(aws.matching(INVOKE).get(0).queryParameter("Qualifier")).hasValue("live");
    }

    @Test
    void check_ofAFunctionThatCrashedOrTimedOut_isNoAnswer() {
        aws.on(
                INVOKE,
                new Reply(
                        200,
                        Map.of("Content-Type", "application/json", "X-Amz-Function-Error", "Unhandled"),
                        "{\"errorMessage\":\"Task timed out after 29.00 seconds\"}"));

        assertThatThrownBy(() -> code.check(STORE))
                .isInstanceOf(StoreFleetException.class)
                .hasMessageContaining("Unhandled")
                .hasMessageContaining("Task timed out");
    }

    @Test
    void check_answeredWithoutAStatus_isNoAnswer() {
        aws.on(INVOKE, Reply.json(200, "null"));

        assertThatThrownBy(() -> code.check(STORE)).isInstanceOf(StoreFleetException.class);
    }
}
