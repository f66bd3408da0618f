package io.dukan.aws.testing;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local and s3mock on loopback ports, in this JVM, with the platform's table (pk/sk, as template.yaml
 * declares it) and bucket. For adapter and function ITs; the local cloud starts its own from template.yaml.
 */
public final class Emulators implements AutoCloseable {

    public static final String TABLE = "dukan-test";
    public static final String BUCKET = "dukan-media-test";
    /** The platform address function instances put into e-mailed links. */
    public static final String PUBLIC_URL = "http://localhost:3000";

    private final DynamoDBProxyServer dynamoServer;
    private final S3MockApplication s3mock;
    private final String dynamoEndpoint;
    private final String s3Endpoint;
    private final DynamoDbClient dynamo;
    private final S3Client s3;

    private Emulators() throws Exception {
        int dynamoPort = freePort();
        dynamoServer = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", Integer.toString(dynamoPort)});
        dynamoServer.start();
        dynamoEndpoint = "http://127.0.0.1:" + dynamoPort;
        Map<String, Object> s3Properties = new HashMap<>(Map.of(
                "com.adobe.testing.s3mock.http-port",
                0,
                "com.adobe.testing.s3mock.store.region",
                "us-east-1",
                "com.adobe.testing.s3mock.store.initial-buckets",
                BUCKET,
                "spring.main.lazy-initialization",
                true,
                "spring.jmx.enabled",
                false,
                "server.port",
                0));
        s3mock = S3MockApplication.start(s3Properties);
        s3Endpoint = "http://127.0.0.1:" + s3mock.getHttpPort();
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        dynamo = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .endpointOverride(URI.create(dynamoEndpoint))
                .build();
        s3 = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .endpointOverride(URI.create(s3Endpoint))
                .forcePathStyle(true)
                .build();
        dynamo.createTable(r -> r.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("sk")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("payInbox")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("shipInbox")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("payDue")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("payDueAt")
                                .attributeType(ScalarAttributeType.N)
                                .build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("sk")
                                .keyType(KeyType.RANGE)
                                .build())
                .globalSecondaryIndexes(inboxIndex("payInbox"), inboxIndex("shipInbox"), payDueIndex())
                // as template.yaml: the insight aggregator reads the table's stream
                .streamSpecification(s -> s.streamEnabled(true)
                        .streamViewType(
                                software.amazon.awssdk.services.dynamodb.model.StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    /** The payment sweep's due index, as template.yaml declares it (keys only, by due time). */
    private static software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex payDueIndex() {
        return software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex.builder()
                .indexName("payDue")
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("payDue")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("payDueAt")
                                .keyType(KeyType.RANGE)
                                .build())
                .projection(software.amazon.awssdk.services.dynamodb.model.Projection.builder()
                        .projectionType(software.amazon.awssdk.services.dynamodb.model.ProjectionType.KEYS_ONLY)
                        .build())
                .build();
    }

    /** The order inbox's GSIs, as template.yaml declares them. */
    private static software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex inboxIndex(String name) {
        return software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName(name)
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("sk")
                                .keyType(KeyType.RANGE)
                                .build())
                .projection(software.amazon.awssdk.services.dynamodb.model.Projection.builder()
                        .projectionType(software.amazon.awssdk.services.dynamodb.model.ProjectionType.ALL)
                        .build())
                .build();
    }

    public static Emulators start() {
        try {
            return new Emulators();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the emulators", e);
        }
    }

    /** The properties a function instance needs to use these emulators (as the local cloud sets them). */
    public Map<String, Object> functionProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put("dukan.table", TABLE);
        p.put("dukan.bucket", BUCKET);
        p.put("dukan.region", "us-east-1");
        p.put("dukan.endpoints.dynamodb", dynamoEndpoint);
        p.put("dukan.endpoints.s3", s3Endpoint);
        p.put("dukan.access-key-id", "test");
        p.put("dukan.secret-access-key", "test");
        p.put("dukan.email.mode", "outbox"); // mail is kept in the store's partition, readable by tests
        p.put("dukan.public-url", PUBLIC_URL);
        // signup straight to a store, with limits out of the way: the signup gate's own ITs put the defaults back
        p.put("dukan.signup.email-verification", "false");
        p.put("dukan.signup.per-address", "1000000");
        p.put("dukan.signup.per-email", "1000000");
        p.put("dukan.signup.platform-rate", "1000000");
        return p;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public S3Client s3() {
        return s3;
    }

    public String dynamoEndpoint() {
        return dynamoEndpoint;
    }

    public String s3Endpoint() {
        return s3Endpoint;
    }

    @Override
    public void close() throws Exception {
        dynamo.close();
        s3.close();
        s3mock.stop();
        dynamoServer.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
