package io.dukan.core.account;

import io.dukan.core.tenant.TenantId;
import java.time.Instant;

/**
 * Out-port: sign-in attempts per store and email, counted within a window that starts at the first one. Each attempt
 * is counted atomically <em>before</em> its password is checked, so attempts sent at once each get their own number
 * and at most the limit of them reach the password check.
 */
public interface LoginAttempts {

    /**
     * Counts this attempt and returns how many were counted in the open window, this one included; a new window
     * (ending at {@code windowEnd}) opens when none is.
     */
    int begin(TenantId tenant, String email, Instant now, Instant windowEnd);

    /**
     * The {@code taken}-th attempt signed in: the window is cleared when no attempt was counted after it, else only
     * this attempt is taken off, so failures counted meanwhile (guesses sent beside it) still count.
     */
    void succeeded(TenantId tenant, String email, int taken, Instant now);

    /** Ends the window (a password reset lifts the lockout). */
    void clear(TenantId tenant, String email);
}
