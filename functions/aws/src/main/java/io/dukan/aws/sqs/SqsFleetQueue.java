package io.dukan.aws.sqs;

import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.ProvisioningQueue;
import io.dukan.core.tenant.TenantId;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * On AWS, the fleet worker's SQS queue (DUKAN_PROVISIONING_QUEUE_URL): one SendMessage whose body is the store's id
 * and nothing else. The platform function sends a recorded signup or an operator's offboarding; a store function
 * sends its owner's "close my store" (its role may send to this queue only, and the worker acts only on a request it
 * finds in that store's own partition). The worker's event source mapping redelivers a message whose saga did not
 * finish and moves it to the dead-letter queue after the template's maxReceiveCount.
 *
 * <p>The SDK's {@code sqs} module is an optional dependency of this module: a function that wires this adapter (the
 * shop, provisioning) declares it itself, the others do not carry it. In the local cloud (dukan.fleet.mode=local)
 * the local cloud hands each function its own queue instead.
 */
final class SqsFleetQueue implements ProvisioningQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    SqsFleetQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void submit(TenantId store) {
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(store.value()));
        } catch (SdkException e) {
            // The request is recorded; sending it again hands it over again (the worker's sagas are idempotent).
            throw new TryAgainLaterException(
                    "the request is recorded but could not be handed to the platform's worker just now; "
                            + "please send it again",
                    e);
        }
    }
}
