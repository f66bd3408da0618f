package io.dukan.fleet;

import io.dukan.aws.testing.ScriptedAws;
import io.dukan.aws.testing.ScriptedAws.Request;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreRef;
import io.dukan.core.tenant.TenantId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Real SDK clients over a {@link ScriptedAws}, the fleet's settings, and a sleeper that only records. */
final class FleetFixture {

    static final String ACCOUNT = "123456789012";
    static final String API = "api123";
    static final String STORES_RESOURCE = "sres";
    static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/dukan-Table-1ABC";
    static final String BUCKET_ARN = "arn:aws:s3:::dukan-media-1abc";
    static final String LAYER_ARN = "arn:aws:lambda:us-east-1:123456789012:layer:dukan-shop:7";
    static final String RUNTIME_LAYER_ARN = "arn:aws:lambda:us-east-1:123456789012:layer:dukan-store-runtime:4";
    static final String BOUNDARY_ARN = "arn:aws:iam::123456789012:policy/dukan-store-boundary";
    static final String EMAIL_FROM = "no-reply@shops.example.com";
    static final String PUBLIC_URL = "https://api123.execute-api.us-east-1.amazonaws.com/prod";
    static final String MEDIA_URL = "https://d111111abcdef8.cloudfront.net";
    static final String HANDLER = "io.dukan.shop.ShopFunction::handleRequest";
    static final StoreRef STORE = new StoreRef(new TenantId("ownownownownown2"), new Slug("bilal-crafts"));
    static final String NAME = "dukan-store-ownownownownown2";

    static final Predicate<Request> CREATE_FUNCTION = r -> r.is("lambda", "POST", "/2015-03-31/functions");
    static final Predicate<Request> DELETE_FUNCTION = r -> r.is("lambda", "DELETE", "/2015-03-31/functions/[^/]+");
    static final Predicate<Request> ADD_PERMISSION = r -> r.is("lambda", "POST", "/2015-03-31/functions/[^/]+/policy");
    static final Predicate<Request> REMOVE_PERMISSION =
            r -> r.is("lambda", "DELETE", "/2015-03-31/functions/[^/]+/policy/[^/]+");
    static final Predicate<Request> GET_CONFIGURATION =
            r -> r.is("lambda", "GET", "/2015-03-31/functions/[^/]+/configuration");
    static final Predicate<Request> PUBLISH_VERSION =
            r -> r.is("lambda", "POST", "/2015-03-31/functions/[^/]+/versions");
    static final Predicate<Request> CREATE_ALIAS = r -> r.is("lambda", "POST", "/2015-03-31/functions/[^/]+/aliases");
    static final Predicate<Request> UPDATE_ALIAS =
            r -> r.is("lambda", "PUT", "/2015-03-31/functions/[^/]+/aliases/[^/]+");
    static final Predicate<Request> GET_RESOURCES = r -> r.is("apigateway", "GET", "/restapis/[^/]+/resources");
    static final Predicate<Request> CREATE_RESOURCE =
            r -> r.is("apigateway", "POST", "/restapis/[^/]+/resources/[^/]+");
    static final Predicate<Request> DELETE_RESOURCE =
            r -> r.is("apigateway", "DELETE", "/restapis/[^/]+/resources/[^/]+");
    static final Predicate<Request> PUT_METHOD =
            r -> r.is("apigateway", "PUT", "/restapis/[^/]+/resources/[^/]+/methods/ANY");
    static final Predicate<Request> PUT_INTEGRATION =
            r -> r.is("apigateway", "PUT", "/restapis/[^/]+/resources/[^/]+/methods/ANY/integration");
    static final Predicate<Request> CREATE_DEPLOYMENT = r -> r.is("apigateway", "POST", "/restapis/[^/]+/deployments");

    static Predicate<Request> iam(String action) {
        return r -> r.isIam(action);
    }

    final ScriptedAws aws = new ScriptedAws();
    final MemoryShopVersions versions = new MemoryShopVersions();
    final List<Duration> sleeps = new ArrayList<>();
    final IamClient iam = build(IamClient.builder());
    final LambdaClient lambda = build(LambdaClient.builder());
    final DynamoDbClient dynamo = build(DynamoDbClient.builder());
    final CloudWatchLogsClient logs = build(CloudWatchLogsClient.builder());

    static AwsFleetProperties properties() {
        AwsFleetProperties properties = new AwsFleetProperties();
        properties.setShopLayerArn(LAYER_ARN);
        properties.setRuntimeLayerArn(RUNTIME_LAYER_ARN);
        properties.setShopHandler(HANDLER);
        properties.setTableArn(TABLE_ARN);
        properties.setBucketArn(BUCKET_ARN);
        properties.setPermissionsBoundaryArn(BOUNDARY_ARN);
        properties.setNamePrefix("dukan-store");
        properties.setAccountId(ACCOUNT);
        properties.setEmailFrom(EMAIL_FROM);
        properties.setPublicUrl(PUBLIC_URL);
        properties.setMediaUrl(MEDIA_URL);
        return properties;
    }

    AwsStoreFleet fleet() {
        return new AwsStoreFleet(properties(), versions, iam, lambda, dynamo, logs, sleeps::add);
    }

    /** The fleet on the managed java25 runtime, SnapStart off (DUKAN_FLEET_RUNTIME=java25). */
    AwsStoreFleet managedRuntimeFleet() {
        AwsFleetProperties properties = properties();
        properties.setRuntime(AwsFleetProperties.RUNTIME_JAVA25);
        return new AwsStoreFleet(properties, versions, iam, lambda, dynamo, logs, sleeps::add);
    }

    /** The fleet with SnapStart on for store functions (DUKAN_FLEET_RUNTIME=java25, DUKAN_FLEET_SNAP_START=true). */
    AwsStoreFleet snapStartFleet() {
        AwsFleetProperties properties = properties();
        properties.setRuntime(AwsFleetProperties.RUNTIME_JAVA25);
        properties.setSnapStart(true);
        return new AwsStoreFleet(properties, versions, iam, lambda, dynamo, logs, sleeps::add);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        return builder.httpClient(aws)
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://localhost"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                // Retries are the fleet's business in these tests, not the SDK's.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
