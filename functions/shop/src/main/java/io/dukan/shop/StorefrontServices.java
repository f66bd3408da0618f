package io.dukan.shop;

import io.dukan.core.account.AuditLog;
import io.dukan.core.catalog.CollectionRepository;
import io.dukan.core.catalog.MediaStore;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.catalog.ShopCatalog;
import io.dukan.core.tenant.SettingsService;
import io.dukan.core.tenant.StoreDataRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the storefront's and the settings page's use cases. */
@Factory
class StorefrontServices {

    @Singleton
    ShopCatalog shopCatalog(ProductRepository products, CollectionRepository collections, MediaStore media) {
        return new ShopCatalog(products, collections, media);
    }

    @Singleton
    SettingsService settingsService(
            StoreDataRepository storeData, ProductRepository products, MediaStore media, AuditLog audit, Clock clock) {
        return new SettingsService(storeData, products, media, audit, clock);
    }
}
