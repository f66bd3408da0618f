package io.dukan.shop.settings;

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
 * On AWS, the owner's "close my store" reaches the fleet worker as the signup does: the store's id on the fleet's
 * queue ({@link SqsQueues#fleetQueue}; DUKAN_PROVISIONING_QUEUE_URL, passed to every store function by the fleet). A store
 * can close itself, no other: the worker acts only on a request it finds in that store's own partition, which only the
 * store's function can write. Made on first use (the SQS client is not loaded by a cold start). In the local cloud
 * the local cloud hands the function its queue instead.
 */
@Factory
@Requires(env = "shop")
@Requires(property = "dukan.fleet.mode", value = "aws", defaultValue = "aws")
class CloseRequestsQueue {

    @Singleton
    @Bean(preDestroy = "close")
    SqsClient closeRequestsSqs(AwsClients clients, SdkHttpClient http) {
        return clients.configure(SqsClient.builder().httpClient(http), null).build();
    }

    @Singleton
    ProvisioningQueue closeRequests(SqsClient sqs, @Value("${dukan.provisioning.queue-url:}") String queueUrl) {
        return SqsQueues.fleetQueue(sqs, queueUrl);
    }
}
