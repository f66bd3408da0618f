package io.dukan.core.upgrade;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Wakes a stalled campaign: run on a schedule (every 5 minutes), it finds the active campaign and, if the step it
 * waits for is overdue by more than {@code grace} ({@link UpgradeCampaign#nextStepDue}: a lost message, the queue's
 * retries spent, a throttled deploy), sends that step again with the campaign's current token. Safe however often it
 * runs: the saga drops a message whose token the campaign no longer waits for and saves each step on the token it
 * ran with, so the original message and the nudge never both move the campaign on. A paused or finished campaign is
 * never nudged.
 */
public class UpgradeNudge {

    private static final System.Logger LOG = System.getLogger(UpgradeNudge.class.getName());

    /** How late a step may be before it is sent again (a slow step, a delayed message, are not stalls). */
    public static final Duration GRACE = Duration.ofMinutes(15);

    private final UpgradeCampaigns campaigns;
    private final UpgradeQueue queue;
    private final Clock clock;
    private final Duration grace;

    public UpgradeNudge(UpgradeCampaigns campaigns, UpgradeQueue queue, Clock clock, Duration grace) {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("the grace before a nudge is zero or more");
        }
        this.campaigns = campaigns;
        this.queue = queue;
        this.clock = clock;
        this.grace = grace;
    }

    /** Whether the campaign's awaited step is overdue by more than {@code grace} at {@code now}. */
    public static boolean stalled(UpgradeCampaign c, Instant now, Duration grace) {
        Optional<Instant> due = c.nextStepDue();
        return due.isPresent() && now.isAfter(due.get().plus(grace));
    }

    /** One run: the campaign nudged (its step sent again), if the active one was stalled. */
    public Optional<UpgradeCampaign> run() {
        Instant now = clock.instant();
        Optional<UpgradeCampaign> active = campaigns.active();
        if (active.isEmpty() || !stalled(active.get(), now, grace)) {
            return Optional.empty();
        }
        UpgradeCampaign c = active.get();
        Instant due = c.nextStepDue().orElseThrow();
        LOG.log(
                Level.WARNING,
                "campaign {0} ({1}, {2}) waits for a step due at {3}, {4} s ago: sending it again",
                c.id(),
                c.version(),
                c.state(),
                due,
                Duration.between(due, now).toSeconds());
        queue.step(c.id(), c.token(), Duration.ZERO);
        return active;
    }
}
