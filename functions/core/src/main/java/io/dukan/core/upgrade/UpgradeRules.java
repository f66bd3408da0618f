package io.dukan.core.upgrade;

import java.time.Duration;

/**
 * How a campaign judges a wave: after {@code window} it compares the upgraded stores' error rate (5xx answers over
 * requests) with their rate before the upgrade; more than {@code threshold} higher (0.05: five points) rolls the
 * wave back. Fewer than {@code minRequests} requests judge nothing: the wave is watched again, up to
 * {@code maxWatches} windows, then passed on its stores' check requests (each answered below 500 right after its
 * deploy, or the wave would have gone back then), with a note saying so. {@code batch} stores are deployed per worker step.
 */
public record UpgradeRules(Duration window, double threshold, long minRequests, int maxWatches, int batch) {

    /** At most this many stores of a wave are read for its error rate (one metrics read each). */
    public static final int SAMPLE = 200;

    public static final UpgradeRules DEFAULTS = new UpgradeRules(Duration.ofMinutes(10), 0.05, 20, 3, 25);

    public UpgradeRules {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the observation window must be positive");
        }
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("the error-rate threshold is a fraction between 0 and 1");
        }
        if (minRequests < 1 || maxWatches < 1 || batch < 1) {
            throw new IllegalArgumentException("minRequests, maxWatches and batch must be at least 1");
        }
    }
}
