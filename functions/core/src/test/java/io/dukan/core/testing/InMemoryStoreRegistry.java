package io.dukan.core.testing;

import io.dukan.core.tenant.ProvisioningStep;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.core.tenant.StoreSlugTakenException;
import io.dukan.core.tenant.StoreStatus;
import io.dukan.core.tenant.TenantId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

   /** The platform's registry, in memory: slug claims, stores, steps, idempotency keys. */
public final class InMemoryStoreRegistry implements StoreRegistry {
    public final Map<TenantId, Store> stores = new HashMap<>();
    public final Map<TenantId, Set<ProvisioningStep>> steps = new HashMap<>();
    public final Map<TenantId, String> reasons = new HashMap<>();
    public final Map<Slug, TenantId> slugs = new HashMap<>();
    public final Map<String, TenantId> idempotencyKeys = new HashMap<>();

    @Override
    public Registration register(Store store, String idempotencyKey) {
        if (idempotencyKey != null && idempotencyKeys.containsKey(idempotencyKey)) {
            return new Registration(stores.get(idempotencyKeys.get(idempotencyKey)), false);
        }
        if (slugs.containsKey(store.slug())) {
            throw new StoreSlugTakenException(store.slug());
        }
        slugs.put(store.slug(), store.id());
        stores.put(store.id(), store);
        steps.put(store.id(), EnumSet.noneOf(ProvisioningStep.class));
        if (idempotencyKey != null) {
            idempotencyKeys.put(idempotencyKey, store.id());
        }
        return new Registration(store, true);
    }

    @Override
    public Optional<Store> findById(TenantId id) {
        return Optional.ofNullable(stores.get(id));
    }

    @Override
    public Optional<Store> findBySlug(Slug slug) {
        return Optional.ofNullable(slugs.get(slug)).map(stores::get);
    }

    @Override
    public void markStepDone(TenantId id, ProvisioningStep step) {
        steps.get(id).add(step);
    }

    @Override
    public void markStepUndone(TenantId id, ProvisioningStep step) {
        steps.get(id).remove(step);
    }

    @Override
    public void setStatus(TenantId id, StoreStatus status, String reason) {
        stores.put(id, stores.get(id).withStatus(status, reason));
        reasons.put(id, reason);
    }

    @Override
    public void releaseSlug(Slug slug, TenantId holder) {
        slugs.remove(slug, holder);
    }
}
