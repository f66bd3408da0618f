package io.dukan.aws.upgrade;

import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.upgrade.UpgradeQueue;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A campaign's next step on the fleet worker's queue (the provisioning queue: the worker tells a step from a store id
 * by its body, {@link UpgradeQueue#message}), delayed with DelaySeconds, at most 900 s: a longer wait is taken by the
 * saga in several steps. Used by the operator console (start, resume) and by the fleet worker (each next step).
 */
final class SqsUpgradeQueue implements UpgradeQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    SqsUpgradeQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    static int delaySeconds(Duration delay) {
        long seconds = (delay.toMillis() + 999) / 1000;
        return (int) Math.max(0, Math.min(MAX_DELAY.toSeconds(), seconds));
    }

    @Override
    public void step(String campaignId, String token, Duration delay) {
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalStateException("the fleet worker's queue URL is not set (DUKAN_PROVISIONING_QUEUE_URL"
                    + " on the provisioning function, DUKAN_FLEET_QUEUE_URL on the fleet worker)");
        }
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl)
                    .messageBody(UpgradeQueue.message(campaignId, token))
                    .delaySeconds(delaySeconds(delay)));
        } catch (SdkException e) {
            throw new TryAgainLaterException("the upgrade's next step could not be handed to the fleet worker", e);
        }
    }
}
