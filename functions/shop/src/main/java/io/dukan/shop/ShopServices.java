package io.dukan.shop;

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
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires core's plain-Java use cases of the shop function (sign-in, catalog, orders) to the adapters; core itself
 * knows nothing of Micronaut. Only the shop function holds this wiring, so it needs no environment flag.
 */
@Factory
class ShopServices {

    @Singleton
    AuthService authService(
            AccountRepository accounts, LoginAttempts attempts, AuditLog audit, PasswordHasher hasher, Clock clock) {
        return new AuthService(accounts, attempts, audit, hasher, clock);
    }

    @Singleton
    CatalogService catalogService(
            ProductRepository products,
            CollectionRepository collections,
            MediaStore media,
            AuditLog audit,
            Clock clock) {
        return new CatalogService(products, collections, media, audit, clock);
    }

    @Singleton
    OrderService orderService(ProductRepository products, OrderRepository orders) {
        return new OrderService(products, orders);
    }
}
