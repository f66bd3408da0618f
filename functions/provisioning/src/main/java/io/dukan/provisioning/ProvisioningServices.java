package io.dukan.provisioning;

import io.dukan.core.account.PasswordHasher;
import io.dukan.core.tenant.ProvisioningService;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.StoreFleet;
import io.dukan.core.tenant.StoreRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the signup use case to the adapters: only the provisioning function holds it, so it needs no flag. */
@Factory
class ProvisioningServices {

    @Singleton
    ProvisioningService provisioningService(StoreRegistry registry, StoreDataRepository storeData, StoreFleet fleet,
            PasswordHasher hasher, Clock clock) {
        return new ProvisioningService(registry, storeData, fleet, hasher, clock);
    }
}
