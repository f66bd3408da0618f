package io.dukan.core.account;

import io.dukan.core.tenant.TenantId;
import java.time.Instant;

/** Out-port: failed sign-ins per store and email, counted within a window that starts at the first failure. */
public interface LoginAttempts {

    /** Failures recorded for this email in this store whose window has not ended by {@code now}. */
    int recentFailures(TenantId tenant, String email, Instant now);

    /** Counts one more failure; a new window (ending at {@code windowEnd}) starts when none is open. */
    void recordFailure(TenantId tenant, String email, Instant now, Instant windowEnd);

    void clear(TenantId tenant, String email);
}
