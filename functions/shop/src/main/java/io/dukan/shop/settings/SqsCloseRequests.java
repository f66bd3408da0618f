package io.dukan.shop.settings;

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
 * On AWS, the owner's "close my store" reaches the fleet worker as the signup does: the store's id on the
 * provisioning queue (DUKAN_PROVISIONING_QUEUE_URL, passed to every store function by the fleet). The store role may
 * send to that queue only; a message carries nothing but the store's id, and the worker acts only on a request it
 * finds in that store's own partition, which only the store's function can write: a store can close itself, no
 * other. Made on first use (the SQS client is not loaded by a cold start). In the local cloud the local cloud hands
 * the function its queue instead.
 */
final class SqsCloseRequests implements ProvisioningQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    SqsCloseRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void submit(TenantId store) {
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(store.value()));
        } catch (SdkException e) {
            throw new TryAgainLaterException(
                    "the request to close the store is recorded but could not be handed over; please send it again", e);
        }
    }

    @Factory
    @Requires(env = "shop")
    @Requires(property = "dukan.fleet.mode", value = "aws", defaultValue = "aws")
    static class Wiring {

        @Singleton
        @Bean(preDestroy = "close")
        SqsClient closeRequestsSqs(AwsClients clients, SdkHttpClient http) {
            return clients.configure(SqsClient.builder().httpClient(http), null).build();
        }

        @Singleton
        ProvisioningQueue closeRequests(SqsClient sqs, @Value("${dukan.provisioning.queue-url:}") String queueUrl) {
            return new SqsCloseRequests(sqs, queueUrl);
        }
    }
}
