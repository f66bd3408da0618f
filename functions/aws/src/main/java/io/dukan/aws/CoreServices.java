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
import io.dukan.core.tenant.ProvisioningQueue;
import io.dukan.core.tenant.StoreRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

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
    OrderService orderService(ProductRepository products, OrderRepository orders, Clock clock) {
        return new OrderService(products, orders, clock);
    }

    /**
     * Signup: records the store and hands it to the fleet worker's queue, then waits up to
     * {@code dukan.signup.settle-wait-seconds} (DUKAN_SIGNUP_SETTLE_WAIT_SECONDS, default 10) for it to settle.
     */
    @Singleton
    @Requires(env = "provisioning")
    ProvisioningService provisioningService(StoreRegistry registry, ProvisioningQueue queue, PasswordHasher hasher,
            Clock clock, @Value("${dukan.signup.settle-wait-seconds:10}") int settleWaitSeconds) {
        return new ProvisioningService(registry, queue, hasher, clock, Duration.ofSeconds(settleWaitSeconds));
    }
}
