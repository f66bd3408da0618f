package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The local cloud as developers run it: the project's template.yaml and the real handlers, in-process. A smoke
 * test of the seams (template environment, Micronaut builder, fleet singleton, one classpath for all functions),
 * not of the functions' behaviour, which their own tests cover.
 */
class RealFunctionsIT {

    @TempDir
    static Path temp;

    static LocalCloud cloud;
    static HttpClient http;

    @BeforeAll
    static void startCloud() throws Exception {
        Path projectRoot = Path.of(System.getProperty("dukan.project.root", "../.."))
                .toAbsolutePath()
                .normalize();
        assertThat(projectRoot.resolve("template.yaml")).exists();
        cloud = LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(projectRoot)
                .dataDir(temp.resolve("data"))
                .port(0)
                .inMemoryDynamoDb(true));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void theTemplatesTable_isCreatedAsDeclared() {
        try (SdkHttpClient sdkHttp = UrlConnectionHttpClient.builder().build();
                DynamoDbClient dynamo = DynamoDbClient.builder()
                        .httpClient(sdkHttp)
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .endpointOverride(URI.create(cloud.dynamoEndpoint()))
                        .build()) {
            TableDescription table =
                    dynamo.describeTable(r -> r.tableName("dukantable")).table();

            assertThat(table.keySchema())
                    .containsExactly(
                            KeySchemaElement.builder()
                                    .attributeName("pk")
                                    .keyType(KeyType.HASH)
                                    .build(),
                            KeySchemaElement.builder()
                                    .attributeName("sk")
                                    .keyType(KeyType.RANGE)
                                    .build());
            assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
            assertThat(dynamo.describeTimeToLive(r -> r.tableName("dukantable"))
                            .timeToLiveDescription()
                            .attributeName())
                    .isEqualTo("expiresAt");
        }
    }

    @Test
    void signup_createsAStore_whoseOwnFunctionStartsOnItsFirstRequest() throws Exception {
        HttpResponse<String> page = get("/signup");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("html"));

        String body = EchoHandler.JSON.writeValueAsString(Map.of(
                "storeName",
                "Smoke Shop",
                "slug",
                "smoke-shop",
                "ownerEmail",
                "owner@example.com",
                "password",
                "a-long-password-1",
                "currency",
                "USD",
                "country",
                "PK",
                "language",
                "en",
                "idempotencyKey",
                "smoke-shop-signup"));
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/api/stores"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        VerificationMail.verify(cloud.baseUrl(), "owner@example.com");
        JsonNode store = EchoHandler.JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/api/stores/smoke-shop"))
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(store.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(cloud.fleet().routes())
                .containsEntry("smoke-shop", store.get("id").asText());
        assertThat(cloud.fleet().isLive(store.get("id").asText())).isFalse();

        HttpResponse<String> storefront = get("/s/smoke-shop/");
        assertThat(storefront.statusCode()).as(storefront.body()).isEqualTo(200);
        assertThat(cloud.fleet().isLive(store.get("id").asText())).isTrue();

        RawHttp.Response byHost = RawHttp.get(
                URI.create(cloud.baseUrl()).getPort(),
                "smoke-shop.localhost:" + URI.create(cloud.baseUrl()).getPort(),
                "/");
        assertThat(byHost.status()).isEqualTo(200);
        assertThat(byHost.text()).contains("Smoke Shop");
    }

    @Test
    void anUnknownStore_isAnsweredByTheProvisioningFunction() throws Exception {
        assertThat(get("/s/no-such-shop/").statusCode()).isEqualTo(404);
    }

    @Test
    void theDataFolder_holdsTheEmulatorsData() {
        assertThat(Files.isDirectory(cloud.dataDir().resolve("s3"))).isTrue();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
