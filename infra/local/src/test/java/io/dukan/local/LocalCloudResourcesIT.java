package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The template's table and bucket in the emulators, and the browser-facing S3 endpoint with its CORS. */
class LocalCloudResourcesIT {

    @TempDir
    static Path temp;

    static LocalCloud cloud;
    static SdkHttpClient sdkHttp;
    static DynamoDbClient dynamo;
    static S3Client s3;
    static S3Presigner browserPresigner;
    static HttpClient http;

    @BeforeAll
    static void startCloud() throws Exception {
        Path project = temp.resolve("project");
        TestTemplate.write(project);
        cloud = LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(project)
                .dataDir(temp.resolve("data"))
                .port(0)
                .inMemoryDynamoDb(true)
                .functionFactory(EchoHandler::new));
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        sdkHttp = UrlConnectionHttpClient.builder().build();
        dynamo = DynamoDbClient.builder()
                .httpClient(sdkHttp)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .endpointOverride(URI.create(cloud.dynamoEndpoint()))
                .build();
        s3 = S3Client.builder()
                .httpClient(sdkHttp)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .endpointOverride(URI.create(cloud.s3Endpoint()))
                .forcePathStyle(true)
                .build();
        browserPresigner = S3Presigner.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .endpointOverride(URI.create(cloud.s3PublicEndpoint()))
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopCloud() {
        if (browserPresigner != null) {
            browserPresigner.close();
            s3.close();
            dynamo.close();
            sdkHttp.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void table_isCreatedAsTheTemplateDeclaresIt() {
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
        assertThat(table.attributeDefinitions())
                .containsExactlyInAnyOrder(
                        attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S),
                        attribute("gsi1pk", ScalarAttributeType.S), attribute("gsi1sk", ScalarAttributeType.N));
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.globalSecondaryIndexes()).hasSize(1);
        GlobalSecondaryIndexDescription index = table.globalSecondaryIndexes().get(0);
        assertThat(index.indexName()).isEqualTo("gsi1");
        assertThat(index.keySchema())
                .extracting(KeySchemaElement::attributeName)
                .containsExactly("gsi1pk", "gsi1sk");
        assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        assertThat(dynamo.describeTimeToLive(r -> r.tableName("dukantable"))
                        .timeToLiveDescription()
                        .timeToLiveStatus())
                .isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
    }

    @Test
    void bucket_exists() {
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("mediabucket");
    }

    @Test
    void presignedPut_throughTheBrowserEndpoint_storesTheObject_andPresignedGetServesIt() throws Exception {
        String key = "tenants/abcdefgh23456789/media/photo.jpg";
        byte[] photo = "not really a jpeg \u00e9".getBytes(StandardCharsets.UTF_8);
        URI putUrl = browserPresigner
                .presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                        .putObjectRequest(p -> p.bucket("mediabucket").key(key).contentType("image/jpeg")))
                .url()
                .toURI();
        assertThat(putUrl.toString()).startsWith(cloud.baseUrl() + "/_s3/mediabucket/tenants/");

        HttpResponse<String> put = http.send(
                HttpRequest.newBuilder(putUrl)
                        .header("Content-Type", "image/jpeg")
                        .header("Origin", "http://acme.localhost:" + port())
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(photo))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.headers().firstValue("ETag")).isPresent();
        assertThat(put.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://acme.localhost:" + port());
        assertThat(put.headers().firstValue("Vary"))
                .hasValueSatisfying(v -> assertThat(v).contains("Origin"));
        assertThat(s3.getObjectAsBytes(r -> r.bucket("mediabucket").key(key)).asByteArray())
                .isEqualTo(photo);

        URI getUrl = browserPresigner
                .presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                        .getObjectRequest(g -> g.bucket("mediabucket").key(key)))
                .url()
                .toURI();
        HttpResponse<byte[]> get =
                http.send(HttpRequest.newBuilder(getUrl).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(photo);
        assertThat(get.headers().firstValue("Content-Type")).hasValue("image/jpeg");

        HttpResponse<Void> head = http.send(
                HttpRequest.newBuilder(getUrl)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(photo.length);
    }

    @Test
    void missingObject_isS3s404() throws Exception {
        URI getUrl = browserPresigner
                .presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                        .getObjectRequest(g -> g.bucket("mediabucket").key("no/such/key")))
                .url()
                .toURI();
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(getUrl).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("NoSuchKey");
    }

    @Test
    void corsPreflight_fromAStoreHost_isAnsweredAsTheBucketDeclares() throws Exception {
        String origin = "http://acme.localhost:" + port();

        HttpResponse<String> preflight = preflight(origin, "PUT", "content-type");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(origin);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("GET, PUT, HEAD");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("content-type");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("3000");
        assertThat(preflight(cloud.baseUrl(), "GET", null).statusCode()).isEqualTo(200);
    }

    @Test
    void corsPreflight_fromAnotherOriginOrMethod_isRefused() throws Exception {
        assertThat(preflight("http://evil.example", "PUT", null).statusCode()).isEqualTo(403);
        assertThat(preflight("http://acme.localhost:" + port(), "DELETE", null).statusCode())
                .isEqualTo(403);
    }

    private static HttpResponse<String> preflight(String origin, String method, String headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(cloud.s3PublicEndpoint() + "/mediabucket/tenants/x/media/y.jpg"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method);
        if (headers != null) {
            request.header("Access-Control-Request-Headers", headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    private static int port() {
        return URI.create(cloud.baseUrl()).getPort();
    }
}
