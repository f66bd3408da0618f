package io.dukan.core.signup;

import java.time.Instant;

/** Out-port: named counts within a window that starts at the first one; each increment is atomic. */
public interface RateCounters {

    /** How many were counted in the open window, this one included, and when that window ends. */
    record Count(int count, Instant windowEnd) {}

    /** Counts one more under {@code name}; a window ending at {@code windowEnd} opens when none is open. */
    Count increment(String name, Instant now, Instant windowEnd);
}
