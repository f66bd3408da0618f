package io.dukan.core.tenant;

import java.util.Optional;

/**
 * Out-port: the e-mail address the store's owner signs in with, kept on the store's settings item (written at
 * provisioning; remembered at the owner's sign-in for stores made before it was kept). Alerts go there when the
 * store has no contact e-mail.
 */
public interface OwnerAddress {

    Optional<String> ownerEmail(TenantId tenant);

    /** Keeps {@code email} unless an address is kept already. */
    void remember(TenantId tenant, String email);
}
