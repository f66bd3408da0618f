package io.dukan.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Work a function does once before Lambda SnapStart takes its snapshot, so that the restored instances start with
 * the classes loaded and initialised, the SDK's request path warmed and the first page already rendered once.
 * Registered with CRaC's global context ({@code org.crac}), which Lambda's Java runtime calls before the snapshot;
 * on a JVM without CRaC (everywhere but SnapStart) the registration does nothing and the hook is never called.
 *
 * <p>CRaC holds resources weakly: the function keeps its {@code Priming} in a field.
 */
public final class Priming<T> implements Resource {

    private static final System.Logger LOG = System.getLogger(Priming.class.getName());

    private final String name;
    private final Supplier<T> work;
    private volatile T last;

    private Priming(String name, Supplier<T> work) {
        this.name = name;
        this.work = work;
    }

    /** A hook that runs {@code work} before each checkpoint, registered with CRaC's global context. */
    public static <T> Priming<T> register(String name, Supplier<T> work) {
        Priming<T> priming = new Priming<>(name, work);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /**
     * Runs the work. A failure is logged, not thrown: a snapshot without priming is still a correct one (its first
     * request is slower), whereas a failed checkpoint would fail the version's publication.
     */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            last = work.get();
            LOG.log(System.Logger.Level.INFO, "primed {0} before the snapshot: {1}", name, last);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "priming " + name + " failed; the snapshot is taken unprimed", e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing: the SDK re-opens stale connections itself (retried), credentials are re-read when they expire
    }

    /** What the last priming returned; null before the first or after a failed one. */
    public T last() {
        return last;
    }

    /** A GET of {@code path} as API Gateway (REST, payload 1.0) would send it, marked as priming. */
    public static APIGatewayProxyRequestEvent get(String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "priming.invalid");
        headers.put("Accept", "text/html");
        headers.put("User-Agent", "dukan-priming");
        headers.put("X-Forwarded-Proto", "https");
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((header, value) -> multi.put(header, List.of(value)));
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setSourceIp("127.0.0.1");
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setStage("priming");
        context.setPath(path);
        context.setHttpMethod("GET");
        context.setRequestId("priming");
        context.setIdentity(identity);
        return new APIGatewayProxyRequestEvent()
                .withPath(path)
                .withHttpMethod("GET")
                .withHeaders(headers)
                .withMultiValueHeaders(multi)
                .withIsBase64Encoded(false)
                .withRequestContext(context);
    }
}
