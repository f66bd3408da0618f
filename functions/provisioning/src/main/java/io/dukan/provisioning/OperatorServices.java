package io.dukan.provisioning;

import io.dukan.core.account.PasswordHasher;
import io.dukan.core.offboard.OffboardingService;
import io.dukan.core.operator.OperatorAuth;
import io.dukan.core.operator.OperatorRepository;
import io.dukan.core.operator.PlatformAudit;
import io.dukan.core.operator.StoreFigures;
import io.dukan.core.operator.StoreMetrics;
import io.dukan.core.operator.StoreOperations;
import io.dukan.core.operator.StoreSuspensions;
import io.dukan.core.tenant.StoreRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The operator console's use cases and ports. */
@Factory
class OperatorServices {

    @Singleton
    OperatorAuth operatorAuth(OperatorRepository operators, PlatformAudit audit, PasswordHasher hasher, Clock clock) {
        return new OperatorAuth(operators, audit, hasher, clock);
    }

    @Singleton
    StoreOperations storeOperations(
            StoreRegistry registry,
            StoreSuspensions suspensions,
            PlatformAudit audit,
            OffboardingService offboarding,
            Clock clock) {
        return new StoreOperations(registry, suspensions, audit, offboarding, clock);
    }

    /**
     * The hook for per-store 30-day figures when no aggregate store is wired (the DynamoDB one, reading insight's
     * per-store day items, replaces this one).
     */
    @Singleton
    @Secondary
    StoreFigures noFiguresYet() {
        return StoreFigures.NONE;
    }

    // A store function's metrics from CloudWatch: io.dukan.aws.metrics (dukan.metrics.source=cloudwatch, the default).

    /** Where no metrics source is configured (tests): the store page says there are no figures. */
    @Singleton
    @Secondary
    StoreMetrics noMetrics() {
        return StoreMetrics.NONE;
    }
}
