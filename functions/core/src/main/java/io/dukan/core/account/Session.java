package io.dukan.core.account;

import io.dukan.core.tenant.TenantId;
import java.time.Instant;

/** A signed-in user of one store. The token is the cookie value; it means nothing in another store. */
public record Session(TenantId tenantId, String token, String email, Role role, Instant expiresAt) {

    @Override
    public String toString() {
        return "Session[tenantId=" + tenantId + ", email=" + email + ", expiresAt=" + expiresAt + "]";
    }
}
