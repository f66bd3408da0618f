package io.dukan.provisioning;

import io.dukan.aws.AwsClients;
import io.dukan.aws.sqs.SqsQueues;
import io.dukan.core.tenant.ProvisioningQueue;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * On AWS, a recorded signup and an operator's offboarding go to the fleet worker's SQS queue ({@link SqsQueues#fleetQueue};
 * DUKAN_PROVISIONING_QUEUE_URL, which the platform function cannot start without). In the local cloud
 * (dukan.fleet.mode=local) the local cloud hands the function its own queue instead.
 */
@Factory
@Requires(env = "provisioning")
@Requires(property = "dukan.fleet.mode", value = "aws", defaultValue = "aws")
class FleetQueue {

    @Singleton
    @Bean(preDestroy = "close")
    SqsClient sqs(AwsClients clients, SdkHttpClient http) {
        return clients.configure(SqsClient.builder().httpClient(http), null).build();
    }

    @Singleton
    ProvisioningQueue provisioningQueue(SqsClient sqs, @Value("${dukan.provisioning.queue-url}") String queueUrl) {
        return SqsQueues.fleetQueue(sqs, queueUrl);
    }
}
