package io.dukan.provisioning;

import io.dukan.aws.AwsClients;
import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.ProvisioningQueue;
import io.dukan.core.tenant.TenantId;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * On AWS, a recorded signup goes to the fleet worker's SQS queue (DUKAN_PROVISIONING_QUEUE_URL): one SendMessage,
 * the body the store's id. The worker's event source mapping redelivers a message whose saga did not finish, and
 * moves it to the dead-letter queue after the template's maxReceiveCount. In the local cloud
 * (dukan.fleet.mode=local) the local cloud hands the function its own queue instead.
 */
final class SqsProvisioningQueue implements ProvisioningQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    SqsProvisioningQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void submit(TenantId store) {
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(store.value()));
        } catch (SdkException e) {
            // The store is recorded; a retry with the same idempotency key hands it over again.
            throw new TryAgainLaterException(
                    "the store is recorded but could not be queued for provisioning; "
                            + "please send the same signup again",
                    e);
        }
    }

    @Factory
    @Requires(env = "provisioning")
    @Requires(property = "dukan.fleet.mode", value = "aws", defaultValue = "aws")
    static class Wiring {

        @Singleton
        @Bean(preDestroy = "close")
        SqsClient sqs(AwsClients clients, SdkHttpClient http) {
            return clients.configure(SqsClient.builder().httpClient(http), null).build();
        }

        @Singleton
        ProvisioningQueue provisioningQueue(SqsClient sqs, @Value("${dukan.provisioning.queue-url}") String queueUrl) {
            return new SqsProvisioningQueue(sqs, queueUrl);
        }
    }
}
