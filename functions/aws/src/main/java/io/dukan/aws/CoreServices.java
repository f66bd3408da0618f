package io.dukan.aws;

import io.dukan.core.account.AccountRepository;
import io.dukan.core.account.AuditLog;
import io.dukan.core.account.AuthService;
import io.dukan.core.account.LoginAttempts;
import io.dukan.core.account.PasswordHasher;
import io.dukan.core.catalog.CatalogService;
import io.dukan.core.catalog.CollectionRepository;
import io.dukan.core.catalog.MediaStore;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.order.OrderRepository;
import io.dukan.core.order.OrderService;
import io.dukan.core.tenant.ProvisioningService;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.StoreFleet;
import io.dukan.core.tenant.StoreRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires core's plain-Java use cases to the adapters; core itself knows nothing of Micronaut. */
@Factory
public class CoreServices {

    @Singleton
    @Requires(env = "shop")
    AuthService authService(AccountRepository accounts, LoginAttempts attempts, AuditLog audit, PasswordHasher hasher,
            Clock clock) {
        return new AuthService(accounts, attempts, audit, hasher, clock);
    }

    @Singleton
    @Requires(env = "shop")
    CatalogService catalogService(ProductRepository products, CollectionRepository collections, MediaStore media,
            AuditLog audit, Clock clock) {
        return new CatalogService(products, collections, media, audit, clock);
    }

    @Singleton
    @Requires(env = "shop")
    OrderService orderService(ProductRepository products, OrderRepository orders) {
        return new OrderService(products, orders);
    }

    @Singleton
    @Requires(env = "provisioning")
    ProvisioningService provisioningService(StoreRegistry registry, StoreDataRepository storeData, StoreFleet fleet,
            PasswordHasher hasher, Clock clock) {
        return new ProvisioningService(registry, storeData, fleet, hasher, clock);
    }
}
