package io.dukan.core.account;

import io.dukan.core.tenant.TenantId;

/** Someone who may sign in to a store's admin. The hash is bcrypt's; the password itself is never kept. */
public record StoreUser(TenantId tenantId, String email, String passwordHash, Role role) {

    @Override
    public String toString() {
        return "StoreUser[tenantId=" + tenantId + ", email=" + email + ", role=" + role + "]";
    }
}
