package io.dukan.core.payment;

import io.dukan.core.tenant.TenantId;
import java.util.Optional;

/** Out-port: a store's provider keys, in the store's own partition. */
public interface ProviderKeysRepository {

    Optional<ProviderKeys> find(TenantId tenant, String provider);

    void save(TenantId tenant, ProviderKeys keys);
}
