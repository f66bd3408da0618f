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
    public final Map<TenantId, String> ownerPasswordHashes = new HashMap<>();

    @Override
    public Registration register(Store store, String idempotencyKey, String ownerPasswordHash) {
        if (idempotencyKey != null && idempotencyKeys.containsKey(idempotencyKey)) {
            return new Registration(stores.get(idempotencyKeys.get(idempotencyKey)), false);
        }
        if (slugs.containsKey(store.slug())) {
            throw new StoreSlugTakenException(store.slug());
        }
        slugs.put(store.slug(), store.id());
        stores.put(store.id(), store);
        steps.put(store.id(), EnumSet.noneOf(ProvisioningStep.class));
        steps.get(store.id()).addAll(store.stepsDone());
        ownerPasswordHashes.put(store.id(), ownerPasswordHash);
        if (idempotencyKey != null) {
            idempotencyKeys.put(idempotencyKey, store.id());
        }
        return new Registration(store, true);
    }

    @Override
    public Optional<String> ownerPasswordHash(TenantId id) {
        return Optional.ofNullable(ownerPasswordHashes.get(id));
    }

    @Override
    public void forgetOwnerPasswordHash(TenantId id) {
        ownerPasswordHashes.remove(id);
    }

    /** The store as recorded, with the steps done so far (as the DynamoDB registry reads it back). */
    @Override
    public Optional<Store> findById(TenantId id) {
        Store store = stores.get(id);
        if (store == null) {
            return Optional.empty();
        }
        return Optional.of(new Store(
                store.id(),
                store.slug(),
                store.name(),
                store.ownerEmail(),
                store.currency(),
                store.country(),
                store.language(),
                store.status(),
                store.failureReason(),
                steps.get(id),
                store.createdAt()));
    }

    @Override
    public Optional<Store> findBySlug(Slug slug) {
        return Optional.ofNullable(slugs.get(slug)).flatMap(this::findById);
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
