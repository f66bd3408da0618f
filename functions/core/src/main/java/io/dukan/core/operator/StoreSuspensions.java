package io.dukan.core.operator;

import io.dukan.core.tenant.TenantId;
import java.util.Optional;

/**
 * Out-port: a store's suspension, written where the store's own function reads it (an item in the store's
 * partition, {tenantId}#SUSPENSION) and on the platform's records (store record, directory).
 */
public interface StoreSuspensions {

    void suspend(TenantId store, Suspension suspension);

    void lift(TenantId store);

    Optional<Suspension> current(TenantId store);
}
