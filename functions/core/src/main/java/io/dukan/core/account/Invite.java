package io.dukan.core.account;

import io.dukan.core.tenant.TenantId;
import java.time.Instant;

/**
 * An invitation to join a store's staff, waiting for the invitee. Only the hash of its token is kept.
 *
 * @param id        names the invitation on the staff page (to withdraw it); not a secret
 * @param tokenHash SHA-256 of the token in the e-mailed link ({@link OneTimeTokens#hash})
 */
public record Invite(
        TenantId tenantId,
        String id,
        String email,
        Role role,
        String invitedBy,
        Instant createdAt,
        Instant expiresAt,
        String tokenHash) {

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
