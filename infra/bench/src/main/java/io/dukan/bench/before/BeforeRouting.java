package io.dukan.bench.before;

import io.dukan.core.tenant.StoreFleet;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The old adapter, made as its test made it (a sleeper that only records). */
public final class BeforeRouting {

    private BeforeRouting() {}

    public static StoreFleet fleet(
            AwsFleetProperties properties, IamClient iam, LambdaClient lambda, ApiGatewayClient apiGateway) {
        return new AwsStoreFleet(properties, iam, lambda, apiGateway, duration -> {});
    }
}
