package io.dukan.core.testing;

import io.dukan.core.account.StoreUser;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A store's own records, in memory. */
public final class InMemoryStoreData implements StoreDataRepository {
    public final Set<TenantId> stores = new HashSet<>();
    private final Map<TenantId, StoreSettings> settings = new ConcurrentHashMap<>();

    @Override
    public void createStoreData(StoreSettings settings, StoreUser owner) {
        stores.add(settings.tenantId());
        this.settings.put(settings.tenantId(), settings);
    }

    @Override
    public void deleteStoreData(TenantId id, String ownerEmail) {
        stores.remove(id);
        settings.remove(id);
    }

    @Override
    public Optional<StoreSettings> settings(TenantId id) {
        return Optional.ofNullable(settings.get(id));
    }

    @Override
    public void saveSettings(StoreSettings updated) {
        if (!stores.contains(updated.tenantId())) {
            throw new IllegalStateException("no such store: " + updated.tenantId());
        }
        settings.put(updated.tenantId(), updated);
    }
}
