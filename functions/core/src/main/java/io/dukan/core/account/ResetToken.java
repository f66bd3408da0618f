package io.dukan.core.account;

import io.dukan.core.tenant.TenantId;
import java.time.Instant;

/** A pending password reset for one user of one store; only the hash of the e-mailed token is kept. */
public record ResetToken(TenantId tenantId, String tokenHash, String email, Instant expiresAt) {

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
