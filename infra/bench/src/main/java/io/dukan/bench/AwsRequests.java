package io.dukan.bench;

import io.dukan.aws.testing.ScriptedAws;
import io.dukan.bench.before.BeforeRouting;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreFleet;
import io.dukan.core.tenant.StoreRef;
import io.dukan.core.tenant.TenantId;
import io.dukan.fleet.AwsFleetProperties;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The AWS requests the store fleet adapter sends for one new store (its function, then its route, as the saga calls
 * them), counted on the wire: the real SDK clients over {@link ScriptedAws} (the adapters' tests' stand-in for AWS,
 * which records every request and answers success), once with today's adapter ({@code io.dukan.fleet.AwsStoreFleet}:
 * the routing entry) and once with the adapter of commit 66d7fa3 before the routing change ({@code
 * io.dukan.bench.before}: API resources, methods, integrations, permissions and a deployment per store), each
 * configured as its own test configured it.
 */
final class AwsRequests {

    static final String ACCOUNT = "123456789012";
    private static final StoreRef STORE = new StoreRef(new TenantId("ownownownownown2"), new Slug("bilal-crafts"));

    /** One adapter's requests for one store: the operations in order, and how many of each service. */
    record Count(List<String> operations, List<String> services) {
        int total() {
            return operations.size();
        }
    }

    private AwsRequests() {}

    /** Today's adapter: createFunction + createRoute for one store, SnapStart off (the default). */
    static Count afterRouting() throws Exception {
        ScriptedAws aws = new ScriptedAws();
        AwsFleetProperties properties = new AwsFleetProperties();
        properties.setShopLayerArn("arn:aws:lambda:us-east-1:123456789012:layer:dukan-shop:7");
        properties.setShopHandler("io.dukan.shop.ShopFunction::handleRequest");
        properties.setTableArn("arn:aws:dynamodb:us-east-1:123456789012:table/dukan-Table-1ABC");
        properties.setBucketArn("arn:aws:s3:::dukan-media-1abc");
        properties.setPermissionsBoundaryArn("arn:aws:iam::123456789012:policy/dukan-store-boundary");
        properties.setNamePrefix("dukan-store");
        properties.setAccountId(ACCOUNT);
        properties.setEmailFrom("no-reply@shops.example.com");
        properties.setPublicUrl("https://api123.execute-api.us-east-1.amazonaws.com/prod");
        properties.setMediaUrl("https://d111111abcdef8.cloudfront.net");
        // the adapter and its constructor are package-private (the worker's wiring makes it); the bench is no bean
        // context
        Constructor<?> constructor = Class.forName("io.dukan.fleet.AwsStoreFleet")
                .getDeclaredConstructor(
                        AwsFleetProperties.class,
                        IamClient.class,
                        LambdaClient.class,
                        DynamoDbClient.class,
                        CloudWatchLogsClient.class);
        constructor.setAccessible(true);
        StoreFleet fleet = (StoreFleet) constructor.newInstance(
                properties,
                build(IamClient.builder(), aws),
                build(LambdaClient.builder(), aws),
                build(DynamoDbClient.builder(), aws),
                build(CloudWatchLogsClient.builder(), aws));
        return provision(fleet, aws);
    }

    /** The adapter of commit 66d7fa3, configured as its FleetFixture configured it (API api123, /s resource sres). */
    static Count beforeRouting() {
        ScriptedAws aws = new ScriptedAws();
        // the API's resources as its test scripted them: the root and /s
        aws.on(r -> r.is("apigateway", "GET", "/restapis/[^/]+/resources"), ScriptedAws.Reply.json(200, """
                {"item":[{"id":"root","path":"/"},
                         {"id":"sres","parentId":"root","pathPart":"s","path":"/s"}]}"""));
        io.dukan.bench.before.AwsFleetProperties properties = new io.dukan.bench.before.AwsFleetProperties();
        properties.setRestApiId("api123");
        properties.setStoresResourceId("sres");
        properties.setStage("prod");
        properties.setShopLayerArn("arn:aws:lambda:us-east-1:123456789012:layer:dukan-shop:7");
        properties.setShopHandler("io.dukan.shop.ShopFunction::handleRequest");
        properties.setTableArn("arn:aws:dynamodb:us-east-1:123456789012:table/dukan-Table-1ABC");
        properties.setBucketArn("arn:aws:s3:::dukan-media-1abc");
        properties.setPermissionsBoundaryArn("arn:aws:iam::123456789012:policy/dukan-store-boundary");
        properties.setNamePrefix("dukan-store");
        properties.setAccountId(ACCOUNT);
        properties.setEmailFrom("no-reply@shops.example.com");
        properties.setPublicUrl("https://api123.execute-api.us-east-1.amazonaws.com/prod");
        properties.setMediaUrl("https://d111111abcdef8.cloudfront.net");
        StoreFleet fleet = BeforeRouting.fleet(
                properties,
                build(IamClient.builder(), aws),
                build(LambdaClient.builder(), aws),
                build(ApiGatewayClient.builder(), aws));
        return provision(fleet, aws);
    }

    private static Count provision(StoreFleet fleet, ScriptedAws aws) {
        fleet.createFunction(STORE);
        fleet.createRoute(STORE);
        List<ScriptedAws.Request> requests = aws.requests();
        return new Count(
                requests.stream().map(ScriptedAws.Request::operation).toList(),
                requests.stream().map(ScriptedAws.Request::service).toList());
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, ScriptedAws aws) {
        return builder.httpClient(aws)
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://localhost"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                // a request the SDK retried would be counted twice; ScriptedAws answers success, so none is
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
