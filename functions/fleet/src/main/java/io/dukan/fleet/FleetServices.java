package io.dukan.fleet;

import io.dukan.aws.AwsClients;
import io.dukan.core.tenant.ProvisioningSaga;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.StoreFleet;
import io.dukan.core.tenant.StoreRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The fleet worker's beans: the saga, and the control-plane clients only this function holds rights for. */
@Factory
@Requires(env = FleetWorker.ENVIRONMENT)
public class FleetServices {

    @Singleton
    ProvisioningSaga provisioningSaga(
            StoreRegistry registry, StoreDataRepository storeData, StoreFleet fleet, Clock clock) {
        return new ProvisioningSaga(registry, storeData, fleet, clock);
    }

    @Singleton
    @Requires(property = "dukan.fleet.mode", value = "aws", defaultValue = "aws")
    @Bean(preDestroy = "close")
    LambdaClient lambda(AwsClients clients, SdkHttpClient http) {
        return clients.configure(LambdaClient.builder().httpClient(http), null).build();
    }

    @Singleton
    @Requires(property = "dukan.fleet.mode", value = "aws", defaultValue = "aws")
    @Bean(preDestroy = "close")
    IamClient iam(AwsClients clients, SdkHttpClient http) {
        // IAM is global: its endpoint is in us-east-1 (aws partition) whatever the function's region.
        return IamClient.builder()
                .httpClient(http)
                .credentialsProvider(clients.credentials())
                .region(Region.AWS_GLOBAL)
                .build();
    }

    @Singleton
    @Requires(property = "dukan.fleet.mode", value = "aws", defaultValue = "aws")
    @Bean(preDestroy = "close")
    CloudWatchLogsClient logs(AwsClients clients, SdkHttpClient http) {
        return clients.configure(CloudWatchLogsClient.builder().httpClient(http), null)
                .build();
    }
}
