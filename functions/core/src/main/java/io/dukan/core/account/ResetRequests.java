package io.dukan.core.account;

import io.dukan.core.tenant.TenantId;
import java.time.Instant;

/**
 * Out-port: password-reset requests per store and email, counted within a window that starts at the first request
 * (the same idea as {@link LoginAttempts}), so nobody can flood an inbox with reset mails.
 */
public interface ResetRequests {

    /** Requests recorded for this email in this store whose window has not ended by {@code now}. */
    int recent(TenantId tenant, String email, Instant now);

    /** Counts one more request; a new window (ending at {@code windowEnd}) starts when none is open. */
    void record(TenantId tenant, String email, Instant now, Instant windowEnd);
}
