package io.dukan.provisioning;

import io.dukan.core.account.PasswordHasher;
import io.dukan.core.tenant.ProvisioningQueue;
import io.dukan.core.tenant.ProvisioningService;
import io.dukan.core.tenant.StoreRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Wires the signup use case to the adapters: only the provisioning function holds it, so it needs no flag. */
@Factory
class ProvisioningServices {

    /**
     * Signup: records the store and hands it to the fleet worker's queue, then waits up to
     * {@code dukan.signup.settle-wait-seconds} (DUKAN_SIGNUP_SETTLE_WAIT_SECONDS, default 10) for it to settle.
     */
    @Singleton
    ProvisioningService provisioningService(
            StoreRegistry registry,
            ProvisioningQueue queue,
            PasswordHasher hasher,
            Clock clock,
            @Value("${dukan.signup.settle-wait-seconds:10}") int settleWaitSeconds) {
        return new ProvisioningService(registry, queue, hasher, clock, Duration.ofSeconds(settleWaitSeconds));
    }
}
