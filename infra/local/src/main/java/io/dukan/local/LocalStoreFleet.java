package io.dukan.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dukan.core.tenant.StoreFleet;
import io.dukan.core.tenant.StoreRef;
import io.dukan.core.upgrade.ShopVersion;
import io.dukan.core.upgrade.ShopVersions;
import io.dukan.core.upgrade.StoreCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for the AWS fleet (a Lambda function and an API Gateway route per store). createFunction only
 * records the store's function configuration, as CreateFunction does; the instance starts on the store's first
 * request. The registry is kept in a JSON file, so a restarted local cloud serves the same stores.
 *
 * <p>Shop-code versions ({@link StoreCode}): a function's environment names the version it runs
 * ({@value #VERSION_VARIABLE}, as on AWS) and the code it is started from ({@value #CODE_VARIABLE}: absent for the
 * shop on this JVM's classpath, version {@value #BUILTIN_VERSION}; else a jar and handler the local cloud loads in a
 * class loader of its own, {@link IsolatedCode}). Deploying a version changes the function's configuration and
 * retires its instance, as UpdateFunctionConfiguration does: the next request cold-starts the other code. A function
 * created runs the fleet's version (the one the last finished upgrade moved every store to, {@link
 * ShopVersions#forNewStores}), else {@value #BUILTIN_VERSION}, as CreateFunction on AWS takes that version's layer.
 *
 * <p>Deliberately not AutoCloseable: the provisioning function holds this as a Micronaut singleton, and its context
 * must not close the fleet when an idle provisioning instance is reclaimed.
 */
public final class LocalStoreFleet implements StoreFleet, StoreCode {

    /** The version of the shop on the local cloud's own classpath, which new store functions run until an upgrade. */
    public static final String BUILTIN_VERSION = "local-1";

    public static final String BUILTIN_ARTIFACT = "builtin";
    static final String VERSION_VARIABLE = "DUKAN_SHOP_VERSION";
    static final String CODE_VARIABLE = "LOCAL_SHOP_CODE";

    private static final Logger LOG = LoggerFactory.getLogger(LocalStoreFleet.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A store's function as CreateFunction would record it: its name and environment. */
    public record StoreFunction(String tenantId, String slug, String functionName, Map<String, String> environment) {
        public StoreFunction {
            environment = Collections.unmodifiableMap(new TreeMap<>(environment));
        }
    }

    /** What fleet.json holds: functions by tenant id, routes by slug (→ tenant id). */
    record Registry(Map<String, StoreFunction> functions, Map<String, String> routes) {}

    /** Starts an instance of a store's function (a cold start). */
    @FunctionalInterface
    interface InstanceFactory {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> start(StoreFunction function)
                throws Exception;
    }

    /** Where a store's requests go: the store function's slot (both null when the route outlived its function). */
    record Target(String slug, StoreFunction function, FunctionSlot slot) {}

    private final Path registryFile;
    private final String table;
    private final String bucket;
    private final InstanceFactory instances;
    /** Where the fleet's version is read (null: every new function runs {@value #BUILTIN_VERSION}). */
    private volatile ShopVersions registry;

    // guarded by this
    private final Map<String, StoreFunction> functions = new TreeMap<>();
    private final Map<String, String> routes = new TreeMap<>();
    private final Map<String, FunctionSlot> slots = new HashMap<>();

    LocalStoreFleet(Path registryFile, String table, String bucket, InstanceFactory instances) {
        this.registryFile = registryFile;
        this.table = table;
        this.bucket = bucket;
        this.instances = instances;
        load();
    }

    @Override
    public synchronized void createFunction(StoreRef store) {
        String tenantId = store.id().value();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DUKAN_TENANT_ID", tenantId);
        environment.put("DUKAN_STORE_SLUG", store.slug().value());
        environment.put("DUKAN_TABLE", table);
        environment.put("DUKAN_BUCKET", bucket);
        environment.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        StoreFunction existing = functions.get(tenantId);
        // a function made again keeps the code it was moved to (CreateFunction of an existing one changes nothing)
        if (existing != null && existing.environment().containsKey(VERSION_VARIABLE)) {
            environment.put(VERSION_VARIABLE, existing.environment().get(VERSION_VARIABLE));
            if (existing.environment().containsKey(CODE_VARIABLE)) {
                environment.put(CODE_VARIABLE, existing.environment().get(CODE_VARIABLE));
            }
        } else {
            ShopVersion version = newStoreVersion();
            environment.put(VERSION_VARIABLE, version.id());
            if (!BUILTIN_ARTIFACT.equals(version.artifact())) {
                environment.put(CODE_VARIABLE, version.artifact());
            }
        }
        StoreFunction function =
                new StoreFunction(tenantId, store.slug().value(), LocalNames.storeFunctionName(tenantId), environment);
        if (function.equals(existing)) {
            return;
        }
        if (existing != null) {
            retire(tenantId); // new configuration: the next request starts a fresh instance, as on Lambda
        }
        functions.put(tenantId, function);
        save();
        LOG.info("fleet: function {} created for store {}", function.functionName(), function.slug());
    }

    /** New functions run the fleet's version from now on, read from {@code versions} at each creation. */
    void newStoresFrom(ShopVersions versions) {
        this.registry = versions;
    }

    /** The fleet's version while its code is there, else {@value #BUILTIN_VERSION}. */
    private ShopVersion newStoreVersion() {
        ShopVersions versions = registry;
        if (versions == null) {
            return defaultVersion();
        }
        ShopVersion version = versions.forNewStores(this::defaultVersion);
        if (!BUILTIN_ARTIFACT.equals(version.artifact())) {
            try {
                IsolatedCode.check(version.artifact());
            } catch (IllegalArgumentException gone) {
                LOG.warn(
                        "fleet: the fleet's version {} has no code ({}); new store runs {}",
                        version.id(),
                        gone.getMessage(),
                        BUILTIN_VERSION);
                return defaultVersion();
            }
        }
        return version;
    }

    @Override
    public ShopVersion defaultVersion() {
        return new ShopVersion(
                BUILTIN_VERSION,
                BUILTIN_ARTIFACT,
                Instant.EPOCH,
                "local cloud",
                "the shop on the local cloud's own classpath, in-process");
    }

    /**
     * Moves the store's function to the version's code: "builtin", or a jar (with its handler class) that must exist
     * and be readable, else nothing changes and the deploy fails (as Lambda refuses a layer that is not there).
     */
    @Override
    public synchronized void deploy(StoreRef store, ShopVersion version) {
        String tenantId = store.id().value();
        StoreFunction existing = functions.get(tenantId);
        if (existing == null) {
            throw new IllegalStateException("function " + LocalNames.storeFunctionName(tenantId) + " does not exist");
        }
        Map<String, String> environment = new LinkedHashMap<>(existing.environment());
        environment.put(VERSION_VARIABLE, version.id());
        if (BUILTIN_ARTIFACT.equals(version.artifact())) {
            environment.remove(CODE_VARIABLE);
        } else {
            IsolatedCode.check(version.artifact());
            environment.put(CODE_VARIABLE, version.artifact());
        }
        StoreFunction moved =
                new StoreFunction(existing.tenantId(), existing.slug(), existing.functionName(), environment);
        if (moved.equals(existing)) {
            return;
        }
        retire(tenantId); // the next request starts an instance of the new code
        functions.put(tenantId, moved);
        save();
        LOG.info("fleet: function {} now runs shop version {}", existing.functionName(), version.id());
    }

    /** How long a check request may take (a cold start of the new code included) before it counts as unanswered. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The check after a deploy: the storefront home page's request, GET /s/{slug}/, handed to the store function's
     * slot as the gateway hands it (so the new code cold-starts on it), marked {@value StoreCode#CHECK_HEADER}:
     * {@value StoreCode#CHECK_VALUE}. It is not one of the store's counted requests (the gateway counts those).
     */
    @Override
    public int check(StoreRef store) {
        String slug = store.slug().value();
        Target target = target(slug)
                .orElseThrow(() -> new IllegalStateException("store " + slug + " has no route to check it through"));
        if (target.slot() == null
                || !target.function().tenantId().equals(store.id().value())) {
            throw new IllegalStateException("the route /s/" + slug + " leads to no function of store " + slug);
        }
        String requestId = java.util.UUID.randomUUID().toString();
        ProxyEvents.Request request = new ProxyEvents.Request(
                "GET",
                "/s/" + slug + "/",
                "/s/" + slug + "/",
                null,
                List.of(
                        Map.entry("Host", "localhost"),
                        Map.entry("Accept", "text/html"),
                        Map.entry("User-Agent", "dukan-upgrade-check"),
                        Map.entry(CHECK_HEADER, CHECK_VALUE)),
                new byte[0],
                "127.0.0.1");
        APIGatewayProxyRequestEvent event = ProxyEvents.toEvent(request, "/s/" + slug, null, requestId, Instant.now());
        FunctionSlot slot = target.slot();
        java.util.concurrent.FutureTask<APIGatewayProxyResponseEvent> call = new java.util.concurrent.FutureTask<>(
                () -> slot.invoke(event, new LocalLambdaContext(slot.name(), requestId)));
        Thread thread = new Thread(call, "upgrade-check-" + slug);
        thread.setDaemon(true);
        thread.start();
        APIGatewayProxyResponseEvent answer;
        try {
            answer = call.get(CHECK_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException late) {
            call.cancel(true);
            throw new IllegalStateException(
                    slot.name() + " did not answer its check request in " + CHECK_TIMEOUT.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            throw new IllegalStateException(slot.name() + " failed on its check request: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + slot.name(), e);
        }
        if (answer == null || answer.getStatusCode() == null) {
            throw new IllegalStateException(slot.name() + " answered its check request without a status code");
        }
        LOG.info("fleet: {} answered its check request with {}", slot.name(), answer.getStatusCode());
        return answer.getStatusCode();
    }

    /** The shop-code version the store's function runs (empty: no such function). */
    public synchronized Optional<String> version(String tenantId) {
        StoreFunction function = functions.get(tenantId);
        return function == null
                ? Optional.empty()
                : Optional.of(function.environment().getOrDefault(VERSION_VARIABLE, BUILTIN_VERSION));
    }

    @Override
    public synchronized void deleteFunction(StoreRef store) {
        String tenantId = store.id().value();
        if (functions.remove(tenantId) != null) {
            retire(tenantId);
            save();
            LOG.info("fleet: function {} deleted", LocalNames.storeFunctionName(tenantId));
        }
    }

    @Override
    public synchronized void createRoute(StoreRef store) {
        String slug = store.slug().value();
        String previous = routes.put(slug, store.id().value());
        if (!store.id().value().equals(previous)) {
            if (previous != null) {
                LOG.warn(
                        "fleet: route /s/{} moved from tenant {} to {}",
                        slug,
                        previous,
                        store.id().value());
            }
            save();
            LOG.info("fleet: route /s/{} created", slug);
        }
    }

    @Override
    public synchronized void deleteRoute(StoreRef store) {
        String slug = store.slug().value();
        if (store.id().value().equals(routes.get(slug))) {
            routes.remove(slug);
            save();
            LOG.info("fleet: route /s/{} deleted", slug);
        }
    }

    /** The routes, slug → tenant id. */
    public synchronized Map<String, String> routes() {
        return Map.copyOf(routes);
    }

    /** The functions, by tenant id. */
    public synchronized Map<String, StoreFunction> functions() {
        return Map.copyOf(functions);
    }

    /** How many store function instances are live (started and not yet reclaimed). */
    public synchronized int instanceCount() {
        return (int) slots.values().stream().filter(FunctionSlot::isLive).count();
    }

    /** Whether the store's function has a live instance. */
    public synchronized boolean isLive(String tenantId) {
        FunctionSlot slot = slots.get(tenantId);
        return slot != null && slot.isLive();
    }

    /** The store function serving /s/{slug}, if the slug is routed to a function that exists. */
    synchronized Optional<Target> target(String slug) {
        String tenantId = routes.get(slug);
        if (tenantId == null) {
            return Optional.empty();
        }
        StoreFunction function = functions.get(tenantId);
        if (function == null) {
            return Optional.of(new Target(slug, null, null)); // a route whose function is gone: a 500, as on AWS
        }
        FunctionSlot slot = slots.computeIfAbsent(
                tenantId, id -> new FunctionSlot(function.functionName(), () -> instances.start(function)));
        return Optional.of(new Target(slug, function, slot));
    }

    /** Closes instances idle longer than {@code idle}; their next request cold-starts a new one. */
    void closeIdle(Duration idle) {
        for (FunctionSlot slot : snapshot()) {
            slot.closeIfIdle(idle);
        }
    }

    /** Closes every live instance (shutdown). */
    void closeAll() {
        for (FunctionSlot slot : snapshot()) {
            slot.close();
        }
        synchronized (this) {
            slots.clear();
        }
    }

    private synchronized List<FunctionSlot> snapshot() {
        return List.copyOf(slots.values());
    }

    private void retire(String tenantId) {
        FunctionSlot slot = slots.remove(tenantId);
        if (slot != null) {
            slot.retire();
        }
    }

    private void load() {
        if (!Files.exists(registryFile)) {
            return;
        }
        try {
            Registry registry = JSON.readValue(registryFile.toFile(), Registry.class);
            if (registry.functions() != null) {
                functions.putAll(registry.functions());
            }
            if (registry.routes() != null) {
                routes.putAll(registry.routes());
            }
            LOG.info(
                    "fleet: {} store function(s) and {} route(s) loaded from {}",
                    functions.size(),
                    routes.size(),
                    registryFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local fleet registry " + registryFile, e);
        }
    }

    /** Writes the registry to a temporary file and moves it into place, so a crash never leaves half a file. */
    private void save() {
        try {
            Files.createDirectories(registryFile.toAbsolutePath().getParent());
            Path temporary = registryFile.resolveSibling(registryFile.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), new Registry(new TreeMap<>(functions), new TreeMap<>(routes)));
            try {
                Files.move(
                        temporary, registryFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, registryFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local fleet registry " + registryFile, e);
        }
    }
}
