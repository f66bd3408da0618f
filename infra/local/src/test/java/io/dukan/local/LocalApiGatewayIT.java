package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreRef;
import io.dukan.core.tenant.TenantId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local API Gateway against real emulators, with echo functions in place of the real handlers. */
class LocalApiGatewayIT {

    @TempDir
    static Path temp;

    static final Map<String, AtomicInteger> STARTS = new ConcurrentHashMap<>();
    static LocalCloud cloud;
    static HttpClient http;

    /** Counts cold starts per function and makes them take a while, as real ones do. */
    static final FunctionFactory ECHO = definition -> {
        STARTS.computeIfAbsent(definition.name(), n -> new AtomicInteger()).incrementAndGet();
        Thread.sleep(300);
        return new EchoHandler(definition);
    };

    @BeforeAll
    static void startCloud() throws Exception {
        Path project = temp.resolve("project");
        TestTemplate.write(project);
        cloud = LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(project)
                .dataDir(temp.resolve("data"))
                .port(0)
                .inMemoryDynamoDb(true)
                .functionFactory(ECHO));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void request_becomesProxyEvent_withDecodedMultiValueQueryHeadersAndTextBody() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/signup?tag=a&tag=b%20c&q=x+y&flag"))
                        .header("X-Multi", "one")
                        .header("X-Multi", "two")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ünïcode shop\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Echo")).hasValue("yes");
        JsonNode answer = EchoHandler.JSON.readTree(response.body());
        assertThat(answer.get("function").asText()).isEqualTo("ProvisioningFunction");
        JsonNode event = answer.get("event");
        assertThat(event.get("httpMethod").asText()).isEqualTo("POST");
        assertThat(event.get("path").asText()).isEqualTo("/signup");
        assertThat(event.get("resource").asText()).isEqualTo("/signup");
        assertThat(event.get("pathParameters").isNull()).isTrue();
        assertThat(event.get("multiValueQueryStringParameters").get("tag"))
                .extracting(JsonNode::asText)
                .containsExactly("a", "b c");
        assertThat(event.get("queryStringParameters").get("tag").asText()).isEqualTo("b c");
        assertThat(event.get("queryStringParameters").get("q").asText()).isEqualTo("x y");
        assertThat(event.get("queryStringParameters").get("flag").asText()).isEmpty();
        assertThat(event.get("multiValueHeaders").get("X-Multi"))
                .extracting(JsonNode::asText)
                .containsExactly("one", "two");
        assertThat(event.get("headers").get("X-Multi").asText()).isEqualTo("two");
        assertThat(event.get("headers").get("Host").asText()).isEqualTo("localhost:" + port());
        assertThat(event.get("headers").get("X-Forwarded-Proto").asText()).isEqualTo("http");
        assertThat(event.get("headers").get("X-Forwarded-Port").asText()).isEqualTo(String.valueOf(port()));
        assertThat(event.get("body").asText()).isEqualTo("{\"name\":\"Ünïcode shop\"}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        JsonNode context = event.get("requestContext");
        assertThat(context.get("stage").asText()).isEqualTo("local");
        assertThat(context.get("requestId").asText()).isNotBlank();
        assertThat(context.get("resourcePath").asText()).isEqualTo("/signup");
        assertThat(context.get("path").asText()).isEqualTo("/signup");
        assertThat(context.get("httpMethod").asText()).isEqualTo("POST");
        assertThat(context.get("identity").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(answer.get("remainingMillis").asInt()).isBetween(20_000, 29_000);
    }

    @Test
    void requestWithoutQuery_hasNullQueryMaps_andNullBody() throws Exception {
        JsonNode event = echo(http.send(
                        HttpRequest.newBuilder(uri("/signup")).build(), HttpResponse.BodyHandlers.ofString()))
                .get("event");

        assertThat(event.get("queryStringParameters").isNull()).isTrue();
        assertThat(event.get("multiValueQueryStringParameters").isNull()).isTrue();
        assertThat(event.get("body").isNull()).isTrue();
    }

    @Test
    void binaryBody_arrivesBase64Encoded() throws Exception {
        JsonNode event = echo(http.send(
                        HttpRequest.newBuilder(uri("/signup"))
                                .header("Content-Type", "image/png")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(EchoHandler.allBytes()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .get("event");

        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(EchoHandler.allBytes());
    }

    @Test
    void base64Response_isDecoded_evenWithLineBreaks() throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(uri("/signup?binary=1")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(response.body()).isEqualTo(EchoHandler.allBytes());
    }

    @Test
    void severalSetCookies_allReachTheBrowser() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/signup?cookies=session,csrf&status=303"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().allValues("Set-Cookie"))
                .containsExactly("session=v-session; Path=/; HttpOnly", "csrf=v-csrf; Path=/; HttpOnly");
    }

    @Test
    void templateRoutes_matchParametersAndGreedyProxy() throws Exception {
        JsonNode store = echo(get("/api/stores/acme%20co")).get("event");
        assertThat(store.get("resource").asText()).isEqualTo("/api/stores/{slug}");
        assertThat(store.get("path").asText()).isEqualTo("/api/stores/acme%20co");
        assertThat(store.get("pathParameters").get("slug").asText()).isEqualTo("acme co");

        JsonNode page = echo(get("/s/nobody/products/42")).get("event");
        assertThat(page.get("resource").asText()).isEqualTo("/s/{store}/{proxy+}");
        assertThat(page.get("pathParameters").get("store").asText()).isEqualTo("nobody");
        assertThat(page.get("pathParameters").get("proxy").asText()).isEqualTo("products/42");

        JsonNode root = echo(get("/s/nobody")).get("event");
        assertThat(root.get("resource").asText()).isEqualTo("/s/{store}");
    }

    @Test
    void unknownPathOrMethod_isMissingAuthenticationToken_likeApiGateway() throws Exception {
        HttpResponse<String> unknown = get("/nothing/here");
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");

        HttpResponse<String> wrongMethod = http.send(
                HttpRequest.newBuilder(uri("/api/stores/acme")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(403);
    }

    @Test
    void bodyOverTenMegabytes_is413() throws Exception {
        byte[] big = new byte[LocalApiGateway.MAX_BODY_BYTES + 1];

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/signup"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(get("/signup").statusCode()).isEqualTo(200); // and the gateway is fine afterwards
    }

    @Test
    void bodyShorterThanItsContentLength_orBadlyChunked_is400_notAServerError() throws Exception {
        RawHttp.Response shortBody = RawHttp.send(
                port(),
                ("POST /signup HTTP/1.1\r\nHost: localhost:" + port()
                                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"a\":")
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(shortBody.status()).as(shortBody.text()).isEqualTo(400);
        assertThat(EchoHandler.JSON.readTree(shortBody.body()).get("message").asText())
                .startsWith("Bad Request: the request body could not be read");

        RawHttp.Response badChunks = RawHttp.send(
                port(),
                ("POST /signup HTTP/1.1\r\nHost: localhost:" + port()
                                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\nzz\r\nxx\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(badChunks.status()).as(badChunks.text()).isEqualTo(400);
        assertThat(badChunks.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void headToAPathWithoutRoute_is403_withHeadersOnly() throws Exception {
        RawHttp.Response head = RawHttp.head(port(), "localhost:" + port(), "/nothing/here");

        assertThat(head.status()).isEqualTo(403);
        assertThat(head.header("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
        assertThat(head.header("Content-Length"))
                .isEqualTo(String.valueOf("{\"message\":\"Missing Authentication Token\"}".length()));
        assertThat(head.body()).isEmpty();
        assertThat(get("/signup").statusCode()).isEqualTo(200);
    }

    @Test
    void hostWhoseSubdomainIsNoSlug_isServedAsThePlatformHost() throws Exception {
        for (String label : List.of("\u0434\u0443\u043a\u0430\u043d", "%66oo", "api", "x".repeat(300), "-acme")) {
            RawHttp.Response response = RawHttp.send(
                    port(),
                    ("GET /signup HTTP/1.1\r\nHost: " + label + ".localhost:" + port()
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));

            assertThat(response.status()).as(label).isEqualTo(200);
            JsonNode event = EchoHandler.JSON.readTree(response.body()).get("event");
            assertThat(event.get("path").asText()).as(label).isEqualTo("/signup");
            assertThat(event.get("resource").asText()).as(label).isEqualTo("/signup");
        }
        assertThat(LocalApiGateway.storeFromHost("\u0434\u0443\u043a\u0430\u043d.localhost"))
                .isNull();
        assertThat(LocalApiGateway.storeFromHost("ACME.LOCALHOST.:8080")).isEqualTo("acme");
    }

    @Test
    void storeRoute_beatsTheTemplatesCatchAll() throws Exception {
        StoreRef acme = new StoreRef(TenantId.newId(), new Slug("acme"));
        cloud.fleet().createFunction(acme);
        cloud.fleet().createRoute(acme);

        JsonNode deep = echo(get("/s/acme/products/42?page=2"));
        assertThat(deep.get("function").asText())
                .isEqualTo("dukan-store-" + acme.id().value());
        assertThat(deep.get("event").get("resource").asText()).isEqualTo("/s/acme/{proxy+}");
        assertThat(deep.get("event").get("pathParameters").get("proxy").asText())
                .isEqualTo("products/42");
        JsonNode properties = deep.get("properties");
        assertThat(properties.get("dukan.tenant-id").asText())
                .isEqualTo(acme.id().value());
        assertThat(properties.get("dukan.store-slug").asText()).isEqualTo("acme");
        assertThat(properties.get("dukan.table").asText()).isEqualTo("dukantable");
        assertThat(properties.get("dukan.bucket").asText()).isEqualTo("mediabucket");
        assertThat(properties.get("dukan.fleet.mode").asText()).isEqualTo("local");
        assertThat(deep.get("singletons")).isEmpty();

        JsonNode root = echo(get("/s/acme"));
        assertThat(root.get("function").asText())
                .isEqualTo("dukan-store-" + acme.id().value());
        assertThat(root.get("event").get("resource").asText()).isEqualTo("/s/acme");
        assertThat(root.get("event").get("pathParameters").isNull()).isTrue();

        assertThat(echo(get("/s/acme-other/products")).get("function").asText()).isEqualTo("ProvisioningFunction");
    }

    @Test
    void storeHost_isRoutedToTheStorePath_keepingTheHostHeader() throws Exception {
        StoreRef shop = new StoreRef(TenantId.newId(), new Slug("host-shop"));
        cloud.fleet().createFunction(shop);
        cloud.fleet().createRoute(shop);

        RawHttp.Response response = RawHttp.get(port(), "host-shop.localhost:" + port(), "/cart?x=1");

        assertThat(response.status()).isEqualTo(200);
        JsonNode answer = EchoHandler.JSON.readTree(response.body());
        assertThat(answer.get("function").asText())
                .isEqualTo("dukan-store-" + shop.id().value());
        JsonNode event = answer.get("event");
        assertThat(event.get("path").asText()).isEqualTo("/s/host-shop/cart");
        assertThat(event.get("resource").asText()).isEqualTo("/s/host-shop/{proxy+}");
        assertThat(event.get("headers").get("Host").asText()).isEqualTo("host-shop.localhost:" + port());
        assertThat(event.get("requestContext").get("path").asText()).isEqualTo("/cart");

        JsonNode home = EchoHandler.JSON.readTree(
                RawHttp.get(port(), "host-shop.localhost:" + port(), "/").body());
        assertThat(home.get("event").get("path").asText()).isEqualTo("/s/host-shop/");
        assertThat(home.get("event").get("resource").asText()).isEqualTo("/s/host-shop");
    }

    @Test
    void storeFunction_startsOnFirstRequest_once_underConcurrentFirstRequests() throws Exception {
        StoreRef lazy = new StoreRef(TenantId.newId(), new Slug("lazy-shop"));
        String function = "dukan-store-" + lazy.id().value();
        cloud.fleet().createFunction(lazy);
        cloud.fleet().createRoute(lazy);
        assertThat(cloud.fleet().isLive(lazy.id().value())).isFalse();
        assertThat(STARTS.get(function)).isNull();
        int liveBefore = cloud.instanceCount();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> get("/s/lazy-shop/item").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
            assertThat(statuses).hasSize(20).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }

        assertThat(STARTS.get(function).get()).isEqualTo(1);
        assertThat(cloud.fleet().isLive(lazy.id().value())).isTrue();
        assertThat(cloud.instanceCount()).isEqualTo(liveBefore + 1);
    }

    @Test
    void routeWithoutFunction_is500_andDeletedStoreFallsBackToTheTemplate() throws Exception {
        StoreRef gone = new StoreRef(TenantId.newId(), new Slug("gone-shop"));
        cloud.fleet().createFunction(gone);
        cloud.fleet().createRoute(gone);
        assertThat(get("/s/gone-shop/x").statusCode()).isEqualTo(200);
        assertThat(cloud.fleet().isLive(gone.id().value())).isTrue();

        cloud.fleet().deleteFunction(gone);
        assertThat(cloud.fleet().isLive(gone.id().value())).isFalse();
        assertThat(get("/s/gone-shop/x").statusCode()).isEqualTo(500);

        cloud.fleet().deleteRoute(gone);
        assertThat(echo(get("/s/gone-shop/x")).get("function").asText()).isEqualTo("ProvisioningFunction");
    }

    @Test
    void provisioningFunction_getsTheTemplateEnvironmentResolvedLocally_butNeverTheFleet() throws Exception {
        JsonNode answer = echo(get("/signup"));

        assertThat(answer.get("handler").asText()).isEqualTo("io.dukan.local.EchoHandler::handleRequest");
        JsonNode env = answer.get("environment");
        assertThat(env.get("DUKAN_TABLE").asText()).isEqualTo("dukantable");
        assertThat(env.get("DUKAN_BUCKET").asText()).isEqualTo("mediabucket");
        assertThat(env.get("DUKAN_FLEET_TABLE_ARN").asText())
                .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/dukantable");
        assertThat(env.get("DUKAN_FLEET_BUCKET_ARN").asText()).isEqualTo("arn:aws:s3:::mediabucket");
        assertThat(env.get("DUKAN_FLEET_REST_API_ID").asText()).isEqualTo("local-PlatformApi");
        assertThat(env.get("DUKAN_FLEET_STAGE").asText()).isEqualTo("prod");
        assertThat(env.get("DUKAN_FLEET_NAME_PREFIX").asText()).isEqualTo("dukan-local-store");
        assertThat(env.get("DUKAN_FLEET_ACCOUNT_ID").asText()).isEqualTo("000000000000");
        JsonNode properties = answer.get("properties");
        assertThat(properties.get("dukan.endpoints.dynamodb").asText()).isEqualTo(cloud.dynamoEndpoint());
        assertThat(properties.get("dukan.endpoints.s3").asText()).isEqualTo(cloud.s3Endpoint());
        assertThat(properties.get("dukan.s3-public-endpoint").asText()).isEqualTo(cloud.baseUrl() + "/_s3");
        assertThat(properties.get("dukan.region").asText()).isEqualTo("us-east-1");
        assertThat(properties.get("dukan.fleet.mode").asText()).isEqualTo("local");
        // the fleet is the worker's alone; this template has no queue, so nothing is handed over
        assertThat(answer.get("singletons")).extracting(JsonNode::asText).doesNotContain("LocalStoreFleet");
    }

    @Test
    void fleetRegistry_isWrittenToTheDataFolder() throws Exception {
        StoreRef kept = new StoreRef(TenantId.newId(), new Slug("file-shop"));
        cloud.fleet().createFunction(kept);
        cloud.fleet().createRoute(kept);

        String json = Files.readString(cloud.dataDir().resolve("fleet.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"file-shop\"").contains(kept.id().value()).contains("DUKAN_TENANT_ID");
    }

    static int port() {
        return URI.create(cloud.baseUrl()).getPort();
    }

    static URI uri(String pathAndQuery) {
        return URI.create(cloud.baseUrl() + pathAndQuery);
    }

    static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode echo(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EchoHandler.JSON.readTree(response.body());
    }
}
