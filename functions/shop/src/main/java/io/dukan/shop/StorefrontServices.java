package io.dukan.shop;

import io.dukan.core.account.AuditLog;
import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.CollectionRepository;
import io.dukan.core.catalog.MediaStore;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.catalog.ShopCatalog;
import io.dukan.core.tenant.SettingsService;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.TenantId;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Wires the storefront's and the settings page's use cases. */
@Factory
class StorefrontServices {

    /**
     * Until a collection repository is wired (the catalog work adds the DynamoDB one), the store simply has no
     * collections: the home page lists none and every collection page is "not found".
     */
    static final CollectionRepository NO_COLLECTIONS = new CollectionRepository() {
        @Override
        public void add(TenantId tenant, Collection collection) {
            throw new UnsupportedOperationException("collections are not stored in this build");
        }

        @Override
        public Optional<Collection> find(TenantId tenant, CollectionId id) {
            return Optional.empty();
        }

        @Override
        public List<Collection> all(TenantId tenant) {
            return List.of();
        }
    };

    @Singleton
    ShopCatalog shopCatalog(ProductRepository products, Optional<CollectionRepository> collections, MediaStore media) {
        return new ShopCatalog(products, collections.orElse(NO_COLLECTIONS), media);
    }

    @Singleton
    SettingsService settingsService(StoreDataRepository storeData, ProductRepository products, MediaStore media,
            AuditLog audit, Clock clock) {
        return new SettingsService(storeData, products, media, audit, clock);
    }
}
