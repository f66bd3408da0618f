package io.dukan.core.operator;

import io.dukan.core.tenant.TenantId;
import java.time.Duration;
import java.util.Optional;

/**
 * Out-port: a store function's own figures over a recent period: requests, errors (5xx), cold starts, mean and
 * highest duration. On AWS from CloudWatch (the shop function's EMF metrics); in the local cloud from its counters.
 */
public interface StoreMetrics {

    record Figures(long requests, long errors, long coldStarts, double meanMillis, double maxMillis, String source) {}

    Optional<Figures> recent(TenantId store, Duration period);

    StoreMetrics NONE = (store, period) -> Optional.empty();
}
