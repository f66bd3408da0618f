package io.dukan.core.tenant;

import java.util.Optional;

/** Out-port: the platform's list of stores and slug claims (platform keys: the signup function and the fleet worker). */
public interface StoreRegistry {

    /** A store just registered, or the one an earlier request with the same idempotency key registered. */
    record Registration(Store store, boolean created) {}

    /**
     * In one atomic write: claims the slug, records the store as PROVISIONING with the owner's password hash (the
     * fleet worker writes the owner's account from it), and remembers the idempotency key.
     *
     * @throws StoreSlugTakenException when another store holds the slug (nothing is written)
     */
    Registration register(Store store, String idempotencyKey, String ownerPasswordHash);

    /** The owner's password hash the signup recorded, until {@link #forgetOwnerPasswordHash} removes it. */
    Optional<String> ownerPasswordHash(TenantId id);

    /** Removes the owner's password hash from the platform record (once the owner's account holds it, or failed). */
    void forgetOwnerPasswordHash(TenantId id);

    Optional<Store> findById(TenantId id);

    Optional<Store> findBySlug(Slug slug);

    void markStepDone(TenantId id, ProvisioningStep step);

    void markStepUndone(TenantId id, ProvisioningStep step);

    void setStatus(TenantId id, StoreStatus status, String reason);

    /** Frees the slug if (and only if) this store still holds it. */
    void releaseSlug(Slug slug, TenantId holder);
}
