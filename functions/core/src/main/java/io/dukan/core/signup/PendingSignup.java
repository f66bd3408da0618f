package io.dukan.core.signup;

import io.dukan.core.tenant.SignupCommand;
import io.dukan.core.tenant.Slug;
import java.time.Instant;

/**
 * A signup asked for and not provisioned yet: waiting for its owner to follow the e-mailed link (only the link's
 * SHA-256 is kept) or, in approval mode, for an operator. It holds the password's hash only.
 *
 * @param id the operator's handle for it (not the link's token)
 */
public record PendingSignup(
        String id,
        String tokenHash,
        String storeName,
        Slug slug,
        String ownerEmail,
        String passwordHash,
        String currency,
        String country,
        String language,
        String idempotencyKey,
        String clientAddress,
        Instant requestedAt,
        Instant expiresAt) {

    /** Stands for the password in the command handed to provisioning, which is given the hash alongside. */
    static final String HASHED = "(only its hash is kept)";

    static PendingSignup of(
            String id,
            String tokenHash,
            SignupCommand command,
            String passwordHash,
            String clientAddress,
            Instant now,
            Instant expiresAt) {
        return new PendingSignup(
                id,
                tokenHash,
                command.storeName(),
                command.slug(),
                command.ownerEmail(),
                passwordHash,
                command.currency(),
                command.country(),
                command.language(),
                command.idempotencyKey() == null ? id : command.idempotencyKey(),
                clientAddress,
                now,
                expiresAt);
    }

    /** The command the owner sent, but for the password (see {@link #passwordHash}). */
    SignupCommand command() {
        return new SignupCommand(storeName, slug, ownerEmail, HASHED, currency, country, language, idempotencyKey);
    }

    PendingSignup withExpiry(Instant expiresAt) {
        return new PendingSignup(
                id,
                tokenHash,
                storeName,
                slug,
                ownerEmail,
                passwordHash,
                currency,
                country,
                language,
                idempotencyKey,
                clientAddress,
                requestedAt,
                expiresAt);
    }

    @Override
    public String toString() {
        return "PendingSignup[id=" + id + ", slug=" + slug + ", ownerEmail=" + ownerEmail + "]";
    }
}
