package io.dukan.core.operator;

import java.time.Instant;

/**
 * A platform operator: an account of the operator console, apart from every store's accounts (its records live
 * under PLATFORM# keys; no store session opens the console, no operator session opens a store's admin).
 */
public record Operator(
        String email, String passwordHash, String totpSecret, long lastTotpStep, Instant createdAt, String createdBy) {

    @Override
    public String toString() {
        return "Operator[email=" + email + "]";
    }
}
