package io.dukan.core.operator;

import java.time.Instant;

/** A signed-in operator; the token is the console's cookie value (only its SHA-256 is stored). */
public record OperatorSession(String token, String email, Instant expiresAt) {

    @Override
    public String toString() {
        return "OperatorSession[email=" + email + ", expiresAt=" + expiresAt + "]";
    }
}
