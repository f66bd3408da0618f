package io.dukan.core.testing;

import io.dukan.core.shipping.ShippingRepository;
import io.dukan.core.shipping.ShippingSettings;
import io.dukan.core.tenant.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the shipping settings item: empty for a store until the owner saves zones. */
public class InMemoryShipping implements ShippingRepository {

    private final Map<TenantId, ShippingSettings> settings = new ConcurrentHashMap<>();

    @Override
    public Optional<ShippingSettings> find(TenantId tenant) {
        return Optional.ofNullable(settings.get(tenant));
    }

    @Override
    public void save(TenantId tenant, ShippingSettings value) {
        settings.put(tenant, value);
    }
}
