package io.dukan.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextProvider;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One function and its (at most one) live instance, as Lambda keeps it: created on the first request (a real cold
 * start), shared by concurrent requests, closed when idle too long or when the function is deleted. Concurrent
 * first requests wait for the one instance being created.
 */
final class FunctionSlot {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionSlot.class);

    private final String name;
    private final Callable<RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> factory;

    // guarded by this
    private RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> instance;
    private int inFlight;
    private long lastUsedNanos;
    private boolean retired;

    FunctionSlot(
            String name, Callable<RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> factory) {
        this.name = name;
        this.factory = factory;
    }

    String name() {
        return name;
    }

    synchronized boolean isLive() {
        return instance != null;
    }

    /** Invokes the instance, cold-starting it first if there is none. */
    APIGatewayProxyResponseEvent invoke(APIGatewayProxyRequestEvent event, LocalLambdaContext context)
            throws Exception {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = acquire();
        try {
            return handler.handleRequest(event, context);
        } finally {
            release();
        }
    }

    private synchronized RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> acquire()
            throws Exception {
        if (retired) {
            throw new IllegalStateException("function " + name + " was deleted");
        }
        if (instance == null) {
            long start = System.nanoTime();
            instance = factory.call();
            LOG.info("cold start of {} took {} ms", name, (System.nanoTime() - start) / 1_000_000);
        }
        inFlight++;
        lastUsedNanos = System.nanoTime();
        return instance;
    }

    private synchronized void release() {
        inFlight--;
        lastUsedNanos = System.nanoTime();
        if (retired && inFlight == 0) {
            closeInstance("deleted");
        }
    }

    /** Closes the instance if no request is in it and none came for {@code idle}; true if it did. */
    synchronized boolean closeIfIdle(Duration idle) {
        if (instance != null && inFlight == 0 && System.nanoTime() - lastUsedNanos > idle.toNanos()) {
            closeInstance("idle for more than " + idle.toMillis() + " ms");
            return true;
        }
        return false;
    }

    /** Deleted function: no new requests; the instance closes now, or when the last request in it ends. */
    synchronized void retire() {
        retired = true;
        if (inFlight == 0) {
            closeInstance("deleted");
        }
    }

    /** Shutdown: close whatever runs. */
    synchronized void close() {
        retired = true;
        closeInstance("shutdown");
    }

    private void closeInstance(String why) {
        if (instance == null) {
            return;
        }
        RequestHandler<?, ?> closing = instance;
        instance = null;
        try {
            if (closing instanceof AutoCloseable closeable) {
                closeable.close();
            }
            if (closing instanceof ApplicationContextProvider provider) {
                ApplicationContext context = provider.getApplicationContext();
                if (context != null && context.isRunning()) {
                    context.close();
                }
            }
            LOG.info("closed instance of {} ({})", name, why);
        } catch (Exception e) {
            LOG.warn("closing instance of {} failed", name, e);
        }
    }
}
