package io.dukan.aws.sqs;

import io.dukan.core.tenant.ProvisioningQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SQS adapters, reached through core's ports (the adapters themselves stay package-private). */
public final class SqsQueues {

    private SqsQueues() {}

    /** The fleet worker's queue at {@code queueUrl}: each message's body is a store's id ({@link SqsFleetQueue}). */
    public static ProvisioningQueue fleetQueue(SqsClient sqs, String queueUrl) {
        return new SqsFleetQueue(sqs, queueUrl);
    }
}
