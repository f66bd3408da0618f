package io.dukan.core.shipping;

import io.dukan.core.tenant.TenantId;
import java.util.Optional;

/** Out-port: a store's shipping zones and rates, kept in its partition. Empty until the owner saves some. */
public interface ShippingRepository {

    Optional<ShippingSettings> find(TenantId tenant);

    void save(TenantId tenant, ShippingSettings settings);
}
