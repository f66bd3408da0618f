package io.dukan.shop.web;

import io.dukan.aws.logging.StoreMetricsLog;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One EMF line per request ({@link StoreMetricsLog}): requests, server errors, cold starts (the instance's first
 * request) and duration, for this store's tenant id. Runs first in and last out, so refused requests count too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Integer.MIN_VALUE)
class RequestMetrics {

    private static final String STARTED = "dukan.metrics.started";
    private final AtomicBoolean cold = new AtomicBoolean(true);
    private final ThisStore store;

    RequestMetrics(ThisStore store) {
        this.store = store;
    }

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        StoreMetricsLog.write(
                System.out,
                StoreMetricsLog.line(
                        store.id().value(),
                        store.slug().value(),
                        System.currentTimeMillis(),
                        response.getStatus().getCode(),
                        (System.nanoTime() - started) / 1_000_000.0,
                        cold.getAndSet(false),
                        request.getHeaders().get("X-Amzn-Trace-Id")));
    }
}
