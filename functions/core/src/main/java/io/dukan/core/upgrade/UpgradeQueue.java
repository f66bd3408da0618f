package io.dukan.core.upgrade;

import java.time.Duration;

/**
 * Out-port: hands the next step of a campaign to the fleet worker, after a delay (SQS DelaySeconds, at most 15
 * minutes): the worker never sleeps through an observation window, it is woken when the window ends.
 */
public interface UpgradeQueue {

    /** The most a message can be delayed (SQS: 900 s); longer waits are taken in several steps. */
    Duration MAX_DELAY = Duration.ofMinutes(15);

    /** The message body of a campaign step: told apart from a store id (never contains ':'). */
    static String message(String campaignId, String token) {
        return "upgrade:" + campaignId + ":" + token;
    }

    void step(String campaignId, String token, Duration delay);
}
