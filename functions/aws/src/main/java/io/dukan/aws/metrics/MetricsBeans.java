package io.dukan.aws.metrics;

import io.dukan.aws.AwsClients;
import io.dukan.core.operator.StoreMetrics;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Store functions' metrics from CloudWatch (their EMF metrics, namespace {@code dukan.metrics.namespace}), for the
 * operator console (a store's page) and the fleet worker (an upgrade wave's error rate). The local cloud puts its
 * own counters in their place ({@code dukan.metrics.source=local}). Only these two functions carry the CloudWatch
 * client (an optional dependency of this module).
 */
@Factory
class MetricsBeans {

    @Singleton
    @Requires(env = {"provisioning", "fleet"})
    @Requires(classes = CloudWatchClient.class)
    @Requires(property = "dukan.metrics.source", value = "cloudwatch", defaultValue = "cloudwatch")
    StoreMetrics cloudWatchStoreMetrics(
            AwsClients clients,
            SdkHttpClient http,
            Clock clock,
            @Value("${dukan.metrics.namespace:Dukan/Stores}") String namespace) {
        CloudWatchClient cloudWatch = clients.configure(
                        CloudWatchClient.builder().httpClient(http), null)
                .build();
        return new CloudWatchStoreMetrics(cloudWatch, namespace, clock);
    }
}
