package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreRef;
import io.dukan.core.tenant.TenantId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** Store functions' lifecycle: idle instances are reclaimed, and a restart serves the same stores and data. */
class LocalStoreFleetIT {

    @TempDir
    static Path temp;

    static final List<EchoHandler> INSTANCES = new CopyOnWriteArrayList<>();
    static LocalCloud cloud;
    static HttpClient http;

    @BeforeAll
    static void startCloud() throws Exception {
        TestTemplate.write(temp.resolve("project"));
        cloud = start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    /** Persistent DynamoDB (not in memory) and a short idle time. */
    static LocalCloud start() throws Exception {
        return LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(temp.resolve("project"))
                .dataDir(temp.resolve("data"))
                .port(0)
                .idleTimeout(Duration.ofMillis(600))
                .functionFactory(definition -> {
                    EchoHandler handler = new EchoHandler(definition);
                    INSTANCES.add(handler);
                    return handler;
                }));
    }

    @Test
    void idleInstance_isClosed_andTheNextRequestColdStartsANewOne() throws Exception {
        StoreRef store = new StoreRef(TenantId.newId(), new Slug("idle-shop"));
        cloud.fleet().createFunction(store);
        cloud.fleet().createRoute(store);
        assertThat(cloud.fleet().isLive(store.id().value())).isFalse();

        assertThat(get("/s/idle-shop/").statusCode()).isEqualTo(200);
        EchoHandler first = instanceOf(store);
        assertThat(cloud.fleet().isLive(store.id().value())).isTrue();

        awaitUntil(() -> !cloud.fleet().isLive(store.id().value()), Duration.ofSeconds(10));
        assertThat(first.closed).isTrue();

        assertThat(get("/s/idle-shop/").statusCode()).isEqualTo(200);
        assertThat(INSTANCES.stream().filter(i -> functionOf(i).equals(functionName(store))))
                .hasSize(2);
        assertThat(cloud.fleet().isLive(store.id().value())).isTrue();
    }

    @Test
    void restart_withTheSameDataFolder_keepsRoutesItemsAndObjects() throws Exception {
        StoreRef store = new StoreRef(TenantId.newId(), new Slug("kept-shop"));
        cloud.fleet().createFunction(store);
        cloud.fleet().createRoute(store);
        String pk = store.id().value() + "#PRODUCT#1";
        String key = "tenants/" + store.id().value() + "/media/kept.txt";
        withClients(cloud, (dynamo, s3) -> {
            dynamo.putItem(r -> r.tableName("dukantable")
                    .item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("A"))));
            s3.putObject(r -> r.bucket("mediabucket").key(key), RequestBody.fromString("kept"));
            return null;
        });

        cloud.close();
        cloud = start();

        assertThat(cloud.fleet().routes()).containsEntry("kept-shop", store.id().value());
        assertThat(cloud.fleet().functions()).containsKey(store.id().value());
        assertThat(cloud.fleet().isLive(store.id().value())).isFalse();
        HttpResponse<String> page = get("/s/kept-shop/products");
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode answer = EchoHandler.JSON.readTree(page.body());
        assertThat(answer.get("function").asText()).isEqualTo(functionName(store));
        withClients(cloud, (dynamo, s3) -> {
            assertThat(dynamo.getItem(r -> r.tableName("dukantable")
                                    .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("A"))))
                            .hasItem())
                    .isTrue();
            assertThat(s3.getObjectAsBytes(r -> r.bucket("mediabucket").key(key))
                            .asUtf8String())
                    .isEqualTo("kept");
            return null;
        });
    }

    private interface ClientWork {
        Void run(DynamoDbClient dynamo, S3Client s3);
    }

    private static void withClients(LocalCloud cloud, ClientWork work) {
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        try (SdkHttpClient sdkHttp = UrlConnectionHttpClient.builder().build();
                DynamoDbClient dynamo = DynamoDbClient.builder()
                        .httpClient(sdkHttp)
                        .region(Region.US_EAST_1)
                        .credentialsProvider(credentials)
                        .endpointOverride(URI.create(cloud.dynamoEndpoint()))
                        .build();
                S3Client s3 = S3Client.builder()
                        .httpClient(sdkHttp)
                        .region(Region.US_EAST_1)
                        .credentialsProvider(credentials)
                        .endpointOverride(URI.create(cloud.s3Endpoint()))
                        .forcePathStyle(true)
                        .build()) {
            work.run(dynamo, s3);
        }
    }

    private static EchoHandler instanceOf(StoreRef store) {
        return INSTANCES.stream()
                .filter(i -> functionOf(i).equals(functionName(store)))
                .findFirst()
                .orElseThrow();
    }

    private static String functionOf(EchoHandler handler) {
        return handler.definition().name();
    }

    private static String functionName(StoreRef store) {
        return "dukan-store-" + store.id().value();
    }

    private static void awaitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + timeout).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
