package io.dukan.core.catalog;

import io.dukan.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** Out-port: a store's collections (a store has a handful to a few hundred; they are read in one Query). */
public interface CollectionRepository {

    int MAX_COLLECTIONS = 200;

    void add(TenantId tenant, Collection collection);

    /** Replaces an existing collection's title and description; NotFound when it is not the store's. */
    void update(TenantId tenant, Collection collection);

    void delete(TenantId tenant, CollectionId id);

    Optional<Collection> find(TenantId tenant, CollectionId id);

    /** All of the store's collections, by title. */
    List<Collection> all(TenantId tenant);
}
