package io.dukan.core.testing;

import io.dukan.core.account.StoreUser;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A store's own records, in memory. */
public final class InMemoryStoreData implements StoreDataRepository {
    public final Set<TenantId> stores = new HashSet<>();

    @Override
    public void createStoreData(StoreSettings settings, StoreUser owner) {
        stores.add(settings.tenantId());
    }

    @Override
    public void deleteStoreData(TenantId id, String ownerEmail) {
        stores.remove(id);
    }

    @Override
    public Optional<StoreSettings> settings(TenantId id) {
        return Optional.empty();
    }
}
