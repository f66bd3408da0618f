package io.dukan.local;

import io.dukan.core.operator.StoreMetrics;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local cloud's own counts of each store function's requests (what CloudWatch holds on AWS, from the shop
 * function's EMF lines): the gateway records every request it hands a store's function, and the operator console
 * reads them through the same {@link StoreMetrics} port. In memory, the last {@value #KEPT} requests per store.
 */
public final class LocalStoreMetrics implements StoreMetrics {

    static final int KEPT = 10_000;

    private record Request(Instant at, int status, double millis, boolean cold) {}

    private final Map<String, Deque<Request>> byTenant = new ConcurrentHashMap<>();
    private final Clock clock;

    public LocalStoreMetrics(Clock clock) {
        this.clock = clock;
    }

    void record(String tenantId, int status, double millis, boolean cold) {
        Deque<Request> requests = byTenant.computeIfAbsent(tenantId, t -> new ArrayDeque<>());
        synchronized (requests) {
            requests.addLast(new Request(clock.instant(), status, millis, cold));
            while (requests.size() > KEPT) {
                requests.removeFirst();
            }
        }
    }

    @Override
    public Optional<Figures> recent(TenantId store, Duration period) {
        Deque<Request> requests = byTenant.get(store.value());
        if (requests == null) {
            return Optional.empty();
        }
        Instant since = clock.instant().minus(period);
        long count = 0;
        long errors = 0;
        long cold = 0;
        double total = 0;
        double max = 0;
        synchronized (requests) {
            for (Request r : requests) {
                if (r.at().isBefore(since)) {
                    continue;
                }
                count++;
                errors += r.status() >= 500 ? 1 : 0;
                cold += r.cold() ? 1 : 0;
                total += r.millis();
                max = Math.max(max, r.millis());
            }
        }
        return count == 0
                ? Optional.empty()
                : Optional.of(new Figures(count, errors, cold, total / count, max, "local cloud counters"));
    }
}
