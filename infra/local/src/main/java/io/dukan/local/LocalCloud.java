package io.dukan.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.dukan.aws.dynamodb.OutboxMessages;
import io.dukan.aws.dynamodb.UpgradeRecords;
import io.dukan.local.template.BucketSpec;
import io.dukan.local.template.FunctionSpec;
import io.dukan.local.template.QueueEvent;
import io.dukan.local.template.QueueSpec;
import io.dukan.local.template.SamTemplate;
import io.dukan.local.template.TableSpec;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local cloud: one process with DynamoDB Local, s3mock, the template's table and bucket, and a local API
 * Gateway invoking the real handlers in-process (the provisioning function from template.yaml, and a shop function
 * instance per store, started on the store's first request). Data lives under the data folder, so a restart keeps
 * the stores, their items and their media. Dev only, never deployed.
 *
 * <p>{@code java io.dukan.local.LocalCloud --project-root=DIR --data=DIR --port=3000 --idle-seconds=600}, or from
 * tests {@code LocalCloud.start(Options.defaults().port(0).dataDir(tmp))}.
 */
public final class LocalCloud implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCloud.class);
    static final String DEFAULT_SHOP_HANDLER = "io.dukan.shop.ShopFunction::handleRequest";
    static final String LOCAL_CREDENTIAL = "local";
    static final String LOCAL_SENDER = "no-reply@dukan.localhost";
    /** template.yaml's store router, whose routing the gateway does itself (see {@link #routerRoutes}). */
    static final String ROUTER_HANDLER = "io.dukan.router.StoreRouter::handleRequest";

    /** How to run. Mutable setters returning this; {@link #defaults()} to begin. */
    public static final class Options {
        private Path projectRoot = Path.of(".");
        private Path dataDir;
        private Path template;
        private int port = 3000;
        private Duration idleTimeout = Duration.ofSeconds(600);
        private boolean inMemoryDynamoDb;
        private FunctionFactory functionFactory = new MicronautFunctions();
        private Duration queueRedeliveryDelay = Duration.ofMillis(500);
        private PackagedRuntime packagedRuntime;
        private Duration streamPollInterval = Duration.ofMillis(250);
        private Duration upgradeWindow = Duration.ofSeconds(30);
        private Duration scheduleInterval = Duration.ofSeconds(30);

        public static Options defaults() {
            return new Options();
        }

        /** From the command line: --project-root=DIR --data=DIR --port=N --idle-seconds=N [--in-memory]. */
        public static Options fromArgs(String... args) {
            Options options = new Options();
            for (String arg : args) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                switch (name) {
                    case "--project-root" -> options.projectRoot(Path.of(value));
                    case "--data" -> options.dataDir(Path.of(value));
                    case "--template" -> options.template(Path.of(value));
                    case "--port" -> options.port(Integer.parseInt(value));
                    case "--idle-seconds" -> options.idleTimeout(Duration.ofSeconds(Long.parseLong(value)));
                    case "--in-memory" -> options.inMemoryDynamoDb(true);
                    case "--upgrade-window-seconds" -> options.upgradeWindow(Duration.ofSeconds(Long.parseLong(value)));
                    case "--schedule-seconds" -> options.scheduleInterval(Duration.ofSeconds(Long.parseLong(value)));
                    default ->
                        throw new IllegalArgumentException("unknown option " + arg + "; expected"
                                + " --project-root=DIR --data=DIR --port=N --idle-seconds=N [--template=FILE]"
                                + " [--in-memory] [--upgrade-window-seconds=N] [--schedule-seconds=N]");
                }
            }
            return options;
        }

        public Options projectRoot(Path projectRoot) {
            this.projectRoot = projectRoot;
            return this;
        }

        /** Where the emulators and the fleet keep their data; default {projectRoot}/.local-cloud. */
        public Options dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The SAM template; default {projectRoot}/template.yaml. */
        public Options template(Path template) {
            this.template = template;
            return this;
        }

        /** The API port on 127.0.0.1; 0 picks a free one (tests). */
        public Options port(int port) {
            this.port = port;
            return this;
        }

        /** How long a function instance may sit unused before it is closed (Lambda reclaims idle instances). */
        public Options idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** Keep DynamoDB in memory (faster tests; nothing persists). S3 always uses the data folder. */
        public Options inMemoryDynamoDb(boolean inMemoryDynamoDb) {
            this.inMemoryDynamoDb = inMemoryDynamoDb;
            return this;
        }

        /** How soon a message the consumer failed on is delivered again (SQS: the queue's VisibilityTimeout). */
        public Options queueRedeliveryDelay(Duration queueRedeliveryDelay) {
            this.queueRedeliveryDelay = queueRedeliveryDelay;
            return this;
        }

        /**
         * Store functions as child processes on the packaged store runtime (the layer's bootstrap against a local
         * Runtime API) instead of in this JVM; also {@code -Dlocal.runtime=packaged}.
         */
        public Options packagedRuntime(PackagedRuntime packagedRuntime) {
            this.packagedRuntime = packagedRuntime;
            return this;
        }

        /** How often table streams are read for their consumers (Lambda polls a stream shard about 4 times a second). */
        public Options streamPollInterval(Duration streamPollInterval) {
            this.streamPollInterval = streamPollInterval;
            return this;
        }

        /**
         * How long each wave of a fleet upgrade is watched before it is judged (AWS default: 10 minutes; here 30 s,
         * so an upgrade is seen through while one waits).
         */
        public Options upgradeWindow(Duration upgradeWindow) {
            this.upgradeWindow = upgradeWindow;
            return this;
        }

        /**
         * How often the template's scheduled functions run here (the payment sweep; on AWS its Schedule, every few
         * minutes): short, so a pending payment is seen settling locally; tests trigger them with
         * {@link LocalCloud#runScheduled} instead of waiting.
         */
        public Options scheduleInterval(Duration scheduleInterval) {
            this.scheduleInterval = scheduleInterval;
            return this;
        }

        /** Test hook: how function instances are made (default: the real Micronaut handlers). */
        Options functionFactory(FunctionFactory functionFactory) {
            this.functionFactory = functionFactory;
            return this;
        }

        Path dataDirOrDefault() {
            return (dataDir != null ? dataDir : projectRoot.resolve(".local-cloud"))
                    .toAbsolutePath()
                    .normalize();
        }

        Path templateOrDefault() {
            return (template != null ? template : projectRoot.resolve("template.yaml"))
                    .toAbsolutePath()
                    .normalize();
        }
    }

    private final Options options;
    private final Path dataDir;
    private final CountDownLatch closed = new CountDownLatch(1);
    private DynamoDbLocalServer dynamo;
    private S3MockServer s3mock;
    private LocalStoreFleet fleet;
    private LocalApiGateway gateway;
    private ScheduledExecutorService sweeper;
    private DynamoDbClient outboxClient;
    private LocalPaymentSandbox paymentSandbox;
    private volatile String sandboxTable;
    private final List<FunctionSlot> templateFunctions = new ArrayList<>();
    private final List<LocalQueue> queues = new ArrayList<>();
    private final List<AutoCloseable> queueConsumers = new ArrayList<>();
    private final List<LocalStreams> streams = new ArrayList<>();
    /** The template's functions with a Schedule event, by logical id: each one instance, made on its first run. */
    private final Map<String, ScheduledFunction> scheduled = new LinkedHashMap<>();

    private ScheduledExecutorService scheduler;
    private final Set<String> functionPackages = new TreeSet<>();
    private volatile String baseUrl;
    private boolean isClosed;
    /** Each store function's requests, as the gateway saw them: the operator console's figures locally. */
    private final LocalStoreMetrics storeMetrics = new LocalStoreMetrics(java.time.Clock.systemUTC());
    /** The first operator, created at the first start (its sign-in details are kept in the data folder). */
    private LocalOperator.SignIn firstOperator;
    /** The shop-code versions this local cloud can run (registered at each start). */
    private List<String> shopVersions = List.of();

    private LocalCloud(Options options) {
        this.options = options;
        this.dataDir = options.dataDirOrDefault();
    }

    /** Starts everything; the returned cloud serves requests until {@link #close()}. */
    public static LocalCloud start(Options options) throws Exception {
        LocalCloud cloud = new LocalCloud(options);
        try {
            cloud.boot();
            return cloud;
        } catch (Exception | Error e) {
            cloud.close();
            throw e;
        }
    }

    public static void main(String[] args) {
        LocalCloud cloud;
        try {
            cloud = start(Options.fromArgs(args));
        } catch (Exception e) {
            LOG.error("the local cloud did not start: {}", e.getMessage(), e);
            System.exit(1); // DynamoDB Local and Tomcat leave non-daemon threads behind
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "local-cloud-shutdown"));
        cloud.printBanner(System.out);
        cloud.awaitClose();
    }

    private void boot() throws Exception {
        long start = System.nanoTime();
        Files.createDirectories(dataDir);
        Path templateFile = options.templateOrDefault();
        if (!Files.isRegularFile(templateFile)) {
            throw new IllegalStateException("no template at " + templateFile + " (set --project-root or --template)");
        }
        SamTemplate template = SamTemplate.load(templateFile);
        startEmulators();
        createResources(template);

        Map<String, Map<String, Object>> environments = resolvedEnvironments(template);
        String table = setting(
                environments,
                "DUKAN_TABLE",
                template.tables().isEmpty()
                        ? ""
                        : LocalNames.resourceName(template.tables().get(0).logicalId()));
        String bucket = setting(
                environments,
                "DUKAN_BUCKET",
                template.buckets().isEmpty()
                        ? ""
                        : LocalNames.resourceName(template.buckets().get(0).logicalId()));
        String shopHandler = setting(environments, "DUKAN_FLEET_SHOP_HANDLER", DEFAULT_SHOP_HANDLER);
        functionPackages.add(FunctionFactory.Definition.packageOf(shopHandler));
        template.functions().stream()
                .filter(f -> f.handler() != null)
                .forEach(f -> functionPackages.add(FunctionFactory.Definition.packageOf(f.handler())));
        PackagedRuntime packaged = options.packagedRuntime != null
                ? options.packagedRuntime
                : PackagedRuntime.fromSystemProperties(options.projectRoot.toAbsolutePath(), dataDir);
        if (packaged != null) {
            LOG.info("store functions run on the packaged runtime at {}", packaged.layer());
        }
        fleet = new LocalStoreFleet(dataDir.resolve("fleet.json"), table, bucket, function -> {
            String code = function.environment().get(LocalStoreFleet.CODE_VARIABLE);
            if (code != null) {
                // another shop-code version: its own jar in its own class loader (the queue it cannot be
                // handed: its owner's "close my store" is refused there)
                Map<String, Object> properties = storeProperties(function);
                properties.put("dukan.fleet.mode", "aws");
                return IsolatedCode.start(code, properties);
            }
            return packaged != null
                    ? packaged.start(
                            function.functionName(), shopHandler, function.environment(), storeProperties(function))
                    : options.functionFactory.create(storeDefinition(function, shopHandler));
        });
        ApiRouteTable<FunctionSlot> routes = templateFunctions(template, environments);

        gateway = new LocalApiGateway(options.port);
        gateway.countStoreRequests(storeMetrics);
        template.minimumCompressionSize().ifPresent(gateway::compressAtLeast);
        baseUrl = "http://localhost:" + gateway.port();
        // the template names the deployed origins (execute-api, *.{ShopDomain}); locally those are these
        List<String> localOrigins =
                List.of(baseUrl, "http://*.localhost:" + gateway.port(), "http://127.0.0.1:" + gateway.port());
        Map<String, S3Cors> cors = new LinkedHashMap<>();
        template.buckets()
                .forEach(b -> cors.put(LocalNames.resourceName(b.logicalId()), new S3Cors(b.cors(), localOrigins)));
        outboxClient = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .endpointOverride(dynamo.endpoint())
                .region(Region.of(LocalNames.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCAL_CREDENTIAL, LOCAL_CREDENTIAL)))
                .build();
        LocalOutbox outbox = new LocalOutbox(new OutboxMessages(outboxClient, table), () -> {
            Map<String, String> slugs = new LinkedHashMap<>();
            fleet.functions().values().forEach(f -> slugs.put(f.tenantId(), f.slug()));
            return slugs;
        });
        sandboxTable = table;
        paymentSandbox = new LocalPaymentSandbox(this::walletKeys);
        gateway.paymentSandbox(paymentSandbox);
        gateway.start(
                routes,
                fleet,
                new S3Proxy(s3mock.endpoint(), cors),
                outbox,
                new LocalMediaCdn(s3mock.endpoint(), bucket));

        firstOperator = LocalOperator.ensure(outboxClient, table, dataDir.resolve("operator.properties"));
        shopVersions = LocalShopVersions.register(
                outboxClient, table, fleet, options.projectRoot.toAbsolutePath(), dataDir.resolve("shop-code"));
        fleet.newStoresFrom(UpgradeRecords.versions(outboxClient, table));
        long periodMillis = Math.max(100, Math.min(30_000, options.idleTimeout.toMillis() / 4));
        sweeper = Executors.newSingleThreadScheduledExecutor(LocalApiGateway.daemonThreads("idle-sweeper-"));
        sweeper.scheduleWithFixedDelay(this::closeIdleInstances, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        if (!scheduled.isEmpty()) {
            long every = Math.max(1, options.scheduleInterval.toMillis());
            scheduler = Executors.newSingleThreadScheduledExecutor(LocalApiGateway.daemonThreads("schedule-"));
            scheduler.scheduleWithFixedDelay(this::runSchedules, every, every, TimeUnit.MILLISECONDS);
        }
        LOG.info(
                "local cloud up in {} ms: {} route(s) from the template, {} store route(s)",
                millisSince(start),
                routes.routes().size(),
                fleet.routes().size());
    }

    /** DynamoDB Local and s3mock, started side by side (s3mock, a Spring Boot app, is the slower). */
    private void startEmulators() throws Exception {
        CompletableFuture<S3MockServer> s3Starting = CompletableFuture.supplyAsync(() -> {
            try {
                long start = System.nanoTime();
                S3MockServer server = S3MockServer.start(dataDir.resolve("s3"));
                LOG.info("s3mock up at {} in {} ms", server.endpoint(), millisSince(start));
                return server;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        try {
            long start = System.nanoTime();
            dynamo = DynamoDbLocalServer.start(options.inMemoryDynamoDb ? null : dataDir.resolve("dynamodb"));
            LOG.info("DynamoDB Local up at {} in {} ms", dynamo.endpoint(), millisSince(start));
        } catch (Exception e) {
            try {
                s3mock = s3Starting.join(); // so close() stops it
            } catch (CompletionException ignored) {
                // it failed too; the DynamoDB failure is the one reported
            }
            throw e;
        }
        try {
            s3mock = s3Starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Each function's Environment.Variables with intrinsic functions resolved to local names. */
    private static Map<String, Map<String, Object>> resolvedEnvironments(SamTemplate template) {
        Set<String> tables =
                template.tables().stream().map(TableSpec::logicalId).collect(Collectors.toSet());
        Set<String> buckets =
                template.buckets().stream().map(BucketSpec::logicalId).collect(Collectors.toSet());
        TemplateValues values = new TemplateValues(tables, buckets, TemplateValues.parameterDefaults(template.raw()));
        Map<String, Map<String, Object>> environments = new LinkedHashMap<>();
        for (FunctionSpec function : template.functions()) {
            environments.put(function.logicalId(), values.resolveAll(function.environment()));
        }
        return environments;
    }

    /**
     * A lazily started slot per template function, and its Api events as routes; a function with an SQS event
     * (the fleet worker) consumes a {@link LocalQueue} of that queue instead, and holds the local fleet. The other
     * functions get the queue as their ProvisioningQueue (the signup function hands signups to the worker).
     */
    private ApiRouteTable<FunctionSlot> templateFunctions(
            SamTemplate template, Map<String, Map<String, Object>> environments) {
        Map<String, QueueSpec> queueSpecs = new LinkedHashMap<>();
        template.queues().forEach(q -> queueSpecs.put(q.logicalId(), q));
        for (FunctionSpec function : template.functions()) {
            if (function.handler() == null || function.queueEvents().isEmpty()) {
                continue;
            }
            // the fleet worker gets the local fleet, the stores' counters (an upgrade's error rates) and its own
            // queue (an upgrade's delayed next steps)
            List<Object> handOver = new ArrayList<>(List.of(fleet, storeMetrics));
            Map<String, Object> environment = environments.get(function.logicalId());
            LocalQueue.Consumer consumer = lazyConsumer(() -> new FunctionFactory.Definition(
                    function.logicalId(),
                    function.handler(),
                    environment,
                    Map.of(),
                    handOver,
                    foreignPackages(function.handler())));
            for (QueueEvent event : function.queueEvents()) {
                QueueSpec spec = queueSpecs.get(event.queue());
                if (spec == null) {
                    throw new IllegalStateException("function " + function.logicalId() + " consumes " + event.queue()
                            + ", which is not an AWS::SQS::Queue of the template");
                }
                LocalQueue queue = new LocalQueue(spec, event, consumer, options.queueRedeliveryDelay, 2);
                if (handOver.size() == 2) {
                    handOver.add(queue);
                }
                queues.add(queue);
            }
        }
        List<Object> handOver = queues.isEmpty() ? List.of(storeMetrics) : List.of(queues.get(0), storeMetrics);
        ApiRouteTable<FunctionSlot> routes = new ApiRouteTable<>();
        for (FunctionSpec function : template.functions()) {
            if (function.handler() == null) {
                LOG.warn("function {} has no Handler; the local cloud cannot run it", function.logicalId());
                continue;
            }
            if (!function.queueEvents().isEmpty()
                    || !function.streamEvents().isEmpty()
                    || !function.schedules().isEmpty()
                    || ROUTER_HANDLER.equals(function.handler())) {
                continue;
            }
            FunctionFactory.Definition definition = new FunctionFactory.Definition(
                    function.logicalId(),
                    function.handler(),
                    environments.get(function.logicalId()),
                    Map.of(),
                    handOver,
                    foreignPackages(function.handler()));
            FunctionSlot slot = new FunctionSlot(
                    function.logicalId(),
                    () -> options.functionFactory.create(definition.withProperties(commonProperties())));
            templateFunctions.add(slot);
            function.apiRoutes().forEach(route -> routes.add(route.path(), route.method(), slot));
        }
        routerRoutes(template, routes);
        streamConsumers(template, environments);
        scheduledFunctions(template, environments);
        return routes;
    }

    /** One scheduled function: its instance (made on the first run, with the local cloud's properties). */
    private final class ScheduledFunction implements AutoCloseable {
        private final FunctionFactory.Definition definition;
        private final List<String> schedules;
        private RequestHandler<Map<String, Object>, ?> instance;

        ScheduledFunction(FunctionFactory.Definition definition, List<String> schedules) {
            this.definition = definition;
            this.schedules = schedules;
        }

        private synchronized RequestHandler<Map<String, Object>, ?> instance() throws Exception {
            if (instance == null) {
                instance = options.functionFactory.createScheduled(definition.withProperties(commonProperties()));
            }
            return instance;
        }

        /** One run, as EventBridge's scheduled event invokes it (several may overlap, as on Lambda). */
        Object run() throws Exception {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("version", "0");
            event.put("id", java.util.UUID.randomUUID().toString());
            event.put("detail-type", "Scheduled Event");
            event.put("source", "aws.events");
            event.put("time", java.time.Instant.now().toString());
            event.put("region", LocalNames.REGION);
            event.put("resources", List.of("local-schedule/" + definition.name()));
            event.put("detail", Map.of());
            return instance().handleRequest(event, new LocalLambdaContext(definition.name(), (String) event.get("id")));
        }

        @Override
        public synchronized void close() throws Exception {
            if (instance instanceof AutoCloseable closeable) {
                closeable.close();
            }
            instance = null;
        }
    }

    /** The template's functions with a Schedule event (the payment sweep), run by {@link #runSchedules}. */
    private void scheduledFunctions(SamTemplate template, Map<String, Map<String, Object>> environments) {
        for (FunctionSpec function : template.functions()) {
            if (function.handler() == null || function.schedules().isEmpty()) {
                continue;
            }
            ScheduledFunction fn = new ScheduledFunction(
                    new FunctionFactory.Definition(
                            function.logicalId(),
                            function.handler(),
                            environments.get(function.logicalId()),
                            Map.of(),
                            // the fleet worker's queue (the upgrade nudge sends a stalled campaign's step to it)
                            queues.isEmpty() ? List.of() : List.of(queues.get(0)),
                            foreignPackages(function.handler())),
                    function.schedules());
            scheduled.put(function.logicalId(), fn);
            queueConsumers.add(fn);
        }
    }

    private void runSchedules() {
        for (String name : scheduled.keySet()) {
            try {
                Object result = runScheduled(name);
                LOG.debug("scheduled {}: {}", name, result);
            } catch (Exception | AssertionError e) {
                LOG.warn(
                        "scheduled function {} failed; it runs again in {} s",
                        name,
                        options.scheduleInterval.toSeconds(),
                        e);
            }
        }
    }

    /**
     * Runs a scheduled function of the template now, on the caller's thread, as its schedule would (tests: "the
     * sweep ran"); its answer is returned.
     */
    public Object runScheduled(String logicalId) throws Exception {
        ScheduledFunction fn = scheduled.get(logicalId);
        if (fn == null) {
            throw new IllegalArgumentException(
                    logicalId + " is no scheduled function of the template; these are: " + scheduled.keySet());
        }
        return fn.run();
    }

    /**
     * A function with a DynamoDB stream event (the order aggregator) is fed by a {@link LocalStreams} poller of
     * DynamoDB Local's stream of that table, with the template's batch size, filters and failure reporting.
     */
    private void streamConsumers(SamTemplate template, Map<String, Map<String, Object>> environments) {
        for (FunctionSpec function : template.functions()) {
            if (function.handler() == null || function.streamEvents().isEmpty()) {
                continue;
            }
            FunctionFactory.Definition definition = new FunctionFactory.Definition(
                    function.logicalId(),
                    function.handler(),
                    environments.get(function.logicalId()),
                    Map.of(),
                    List.of(),
                    foreignPackages(function.handler()));
            Object[] instance = new Object[1];
            queueConsumers.add(() -> {
                synchronized (instance) {
                    if (instance[0] instanceof AutoCloseable closeable) {
                        closeable.close();
                    }
                    instance[0] = null;
                }
            });
            LocalStreams.Consumer consumer = () -> {
                synchronized (instance) {
                    if (instance[0] == null) {
                        instance[0] = options.functionFactory.createStreamConsumer(
                                definition.withProperties(commonProperties()));
                    }
                    @SuppressWarnings("unchecked")
                    RequestHandler<
                                    com.amazonaws.services.lambda.runtime.events.DynamodbEvent,
                                    com.amazonaws.services.lambda.runtime.events.StreamsEventResponse>
                            handler = (RequestHandler<
                                            com.amazonaws.services.lambda.runtime.events.DynamodbEvent,
                                            com.amazonaws.services.lambda.runtime.events.StreamsEventResponse>)
                                    instance[0];
                    return handler;
                }
            };
            for (var event : function.streamEvents()) {
                streams.add(new LocalStreams(
                        function.logicalId(),
                        event,
                        LocalNames.resourceName(event.table()),
                        dynamo.endpoint(),
                        consumer,
                        options.streamPollInterval,
                        options.queueRedeliveryDelay));
            }
        }
    }

    /** Stream records handed to the template's stream consumers so far (the order aggregator's). */
    public long streamRecordsDelivered() {
        return streams.stream().mapToLong(LocalStreams::delivered).sum();
    }

    /**
     * The store router (template.yaml's RouterFunction) is emulated by the gateway itself, as AWS's router works:
     * a store whose routing entry exists is served by its function (LocalApiGateway asks the fleet's routing
     * entries first), any other slug by the router's fallback function, named by its DUKAN_ROUTER_FALLBACK_FUNCTION
     * (a Ref to that function or its alias). So the router's Api events are routed to the fallback's slot.
     */
    private void routerRoutes(SamTemplate template, ApiRouteTable<FunctionSlot> routes) {
        for (FunctionSpec router : template.functions()) {
            if (!ROUTER_HANDLER.equals(router.handler())) {
                continue;
            }
            Object fallback = router.environment().get("DUKAN_ROUTER_FALLBACK_FUNCTION");
            String fallbackId = fallback instanceof Map<?, ?> ref && ref.get("Ref") != null
                    ? String.valueOf(ref.get("Ref")).replaceFirst("\\.Alias$", "")
                    : null;
            FunctionSlot slot = templateFunctions.stream()
                    .filter(f -> f.name().equals(fallbackId))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the router's DUKAN_ROUTER_FALLBACK_FUNCTION must be"
                            + " a Ref to a function of the template, not " + fallback));
            router.apiRoutes().forEach(route -> routes.add(route.path(), route.method(), slot));
        }
    }

    /** The queue consumer's one instance, started on the first delivery (with the local cloud's properties). */
    private LocalQueue.Consumer lazyConsumer(java.util.function.Supplier<FunctionFactory.Definition> definition) {
        Object[] instance = new Object[1];
        queueConsumers.add(() -> {
            synchronized (instance) {
                if (instance[0] instanceof AutoCloseable closeable) {
                    closeable.close();
                }
                instance[0] = null;
            }
        });
        return () -> {
            synchronized (instance) {
                if (instance[0] == null) {
                    instance[0] = options.functionFactory.createQueueConsumer(
                            definition.get().withProperties(commonProperties()));
                }
                @SuppressWarnings("unchecked")
                RequestHandler<SQSEvent, SQSBatchResponse> handler =
                        (RequestHandler<SQSEvent, SQSBatchResponse>) instance[0];
                return handler;
            }
        };
    }

    /** The template's queues that a function consumes (the provisioning queue). */
    public List<LocalQueue> queues() {
        return List.copyOf(queues);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void createResources(SamTemplate template) {
        AwsBasicCredentials credentials = AwsBasicCredentials.create(LOCAL_CREDENTIAL, LOCAL_CREDENTIAL);
        try (SdkHttpClient http = UrlConnectionHttpClient.builder().build();
                DynamoDbClient dynamoClient = DynamoDbClient.builder()
                        .httpClient(http)
                        .endpointOverride(dynamo.endpoint())
                        .region(Region.of(LocalNames.REGION))
                        .credentialsProvider(StaticCredentialsProvider.create(credentials))
                        .build();
                S3Client s3Client = S3Client.builder()
                        .httpClient(http)
                        .forcePathStyle(true)
                        .endpointOverride(s3mock.endpoint())
                        .region(Region.of(LocalNames.REGION))
                        .credentialsProvider(StaticCredentialsProvider.create(credentials))
                        .build()) {
            template.tables().forEach(t -> TemplateResources.ensureTable(dynamoClient, t));
            template.buckets().forEach(b -> TemplateResources.ensureBucket(s3Client, b));
        }
    }

    /** What every function instance is told about the local cloud (on top of its own environment). */
    private Map<String, Object> commonProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("dukan.endpoints.dynamodb", dynamoEndpoint());
        properties.put("dukan.endpoints.s3", s3Endpoint());
        properties.put("dukan.s3-public-endpoint", baseUrl + S3Proxy.PREFIX);
        properties.put("dukan.region", LocalNames.REGION);
        properties.put("dukan.access-key-id", LOCAL_CREDENTIAL);
        properties.put("dukan.secret-access-key", LOCAL_CREDENTIAL);
        properties.put("dukan.fleet.mode", "local");
        // mail (the platform's signup verification too) lands in /_outbox; its links point at this local cloud
        properties.put("dukan.email.mode", "outbox");
        properties.put("dukan.email.from", LOCAL_SENDER);
        properties.put("dukan.public-url", baseUrl);
        // the operator console's store metrics: the gateway's counts (LocalStoreMetrics), not CloudWatch
        properties.put("dukan.metrics.source", "local");
        // upgrades in waves: a short watch per wave, judged from a few requests (a person clicking through a store)
        properties.put("dukan.upgrade.window", options.upgradeWindow.toMillis() + "ms");
        properties.put("dukan.upgrade.min-requests", "3");
        properties.put("dukan.upgrade.max-watches", "3");
        // a campaign whose step is late by more than a window here is nudged (AWS: 15 minutes)
        properties.put("dukan.upgrade.nudge-grace", options.upgradeWindow.toMillis() + "ms");
        // wallet payments go to the sandbox stand-ins on this local cloud, never to the real providers
        properties.put("dukan.jazzcash.base-url", baseUrl + LocalPaymentSandbox.PREFIX + "/jazzcash");
        properties.put("dukan.easypaisa.base-url", baseUrl + LocalPaymentSandbox.PREFIX + "/easypaisa");
        properties.put("dukan.alipay.gateway", baseUrl + LocalPaymentSandbox.PREFIX + "/alipay/gateway.do");
        return properties;
    }

    /** The wallet credentials a store's owner entered ({t}#STORE / PAYKEYS#{provider}), for the sandbox stand-ins. */
    private Map<String, String> walletKeys(String slug, String provider) {
        String tenant = fleet.functions().values().stream()
                .filter(f -> f.slug().equals(slug))
                .map(LocalStoreFleet.StoreFunction::tenantId)
                .findFirst()
                .orElse(null);
        if (tenant == null) {
            return null;
        }
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = outboxClient
                .getItem(r -> r.tableName(sandboxTable)
                        .key(Map.of(
                                "pk",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(tenant + "#STORE"),
                                "sk",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                        "PAYKEYS#" + provider)))
                        .consistentRead(true))
                .item();
        if (item == null || !item.containsKey("fields") || !item.get("fields").hasM()) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        item.get("fields").m().forEach((k, v) -> fields.put(k, v.s()));
        return fields;
    }

    /** The wallet sandbox (its Alipay public key is what the owner pastes into the admin locally). */
    LocalPaymentSandbox paymentSandbox() {
        return paymentSandbox;
    }

    private FunctionFactory.Definition storeDefinition(LocalStoreFleet.StoreFunction function, String handler) {
        return new FunctionFactory.Definition(
                function.functionName(),
                handler,
                Map.copyOf(function.environment()),
                storeProperties(function),
                // the owner's "close my store" hands the store's id to the fleet worker's queue, as on AWS
                queues.isEmpty() ? List.of() : List.of(queues.get(0)),
                foreignPackages(handler));
    }

    /** The properties a store's function instance gets here, on top of its environment (the bench's children too). */
    public Map<String, Object> storeProperties(LocalStoreFleet.StoreFunction function) {
        Map<String, Object> properties = commonProperties();
        properties.put("dukan.tenant-id", function.tenantId());
        properties.put("dukan.store-slug", function.slug());
        // the version it runs, which the shop answers in X-Dukan-Shop-Version (DUKAN_SHOP_VERSION on AWS)
        properties.put(
                "dukan.shop-version",
                function.environment().getOrDefault(LocalStoreFleet.VERSION_VARIABLE, LocalStoreFleet.BUILTIN_VERSION));
        properties.put("dukan.table", function.environment().get("DUKAN_TABLE"));
        properties.put("dukan.bucket", function.environment().get("DUKAN_BUCKET"));
        // mail stays in the store's partition, read at /_outbox; links in it point at this local cloud
        properties.put("dukan.email.mode", "outbox");
        properties.put("dukan.email.from", LOCAL_SENDER);
        properties.put("dukan.public-url", baseUrl);
        // shoppers' images: the CDN's stand-in (template.yaml's MediaCdn), not presigned URLs
        properties.put("dukan.media-url", mediaUrl());
        return properties;
    }

    /** The code packages of every other function (see {@link FunctionFactory.Definition#foreignPackages()}). */
    private List<String> foreignPackages(String handler) {
        String own = FunctionFactory.Definition.packageOf(handler);
        return functionPackages.stream()
                .filter(p -> !p.isEmpty() && !own.equals(p) && !own.startsWith(p + ".") && !p.startsWith(own + "."))
                .toList();
    }

    /** A resolved environment variable of the first function that sets it (the provisioning function's). */
    private static String setting(Map<String, Map<String, Object>> environments, String name, String fallback) {
        return environments.values().stream()
                .filter(env ->
                        env.get(name) != null && !env.get(name).toString().isBlank())
                .map(env -> env.get(name).toString())
                .findFirst()
                .orElse(fallback);
    }

    private void closeIdleInstances() {
        try {
            fleet.closeIdle(options.idleTimeout);
            templateFunctions.forEach(slot -> slot.closeIfIdle(options.idleTimeout));
        } catch (RuntimeException e) {
            LOG.warn("idle sweep failed", e);
        }
    }

    /** The API base, e.g. http://localhost:3000 (stores also at http://{slug}.localhost:3000). */
    public String baseUrl() {
        return baseUrl;
    }

    public String dynamoEndpoint() {
        return dynamo.endpoint().toString();
    }

    public String s3Endpoint() {
        return s3mock.endpoint().toString();
    }

    /** Where the mail the stores sent can be read (the local cloud sends none out). */
    public String outboxUrl() {
        return baseUrl + LocalOutbox.PREFIX;
    }

    /** The browser-facing S3 endpoint presigned URLs point at. */
    /** Where renditions are served, as MediaCdn serves them on AWS. */
    public String mediaUrl() {
        return baseUrl + LocalMediaCdn.PREFIX;
    }

    public String s3PublicEndpoint() {
        return baseUrl + S3Proxy.PREFIX;
    }

    public Path dataDir() {
        return dataDir;
    }

    public LocalStoreFleet fleet() {
        return fleet;
    }

    /** Live store function instances (the provisioning function's instance is not counted). */
    public int instanceCount() {
        return fleet == null ? 0 : fleet.instanceCount();
    }

    void printBanner(PrintStream out) {
        String line = "-".repeat(72);
        out.println(line);
        out.println(" Dukan local cloud is running");
        out.println();
        out.println("   Sign up a store:   " + baseUrl + "/signup");
        out.println("   API base:          " + baseUrl);
        out.println("   A store:           " + baseUrl + "/s/{slug}/   or   "
                + baseUrl.replace("localhost", "{slug}.localhost") + "/");
        out.println("   Mail (outbox):     " + outboxUrl() + "   (invitations, password resets)");
        if (firstOperator != null) {
            firstOperator.print(out, baseUrl + "/operator");
        }
        out.println("   Shop code:         " + String.join(", ", shopVersions) + "   (upgrade in waves at " + baseUrl
                + "/operator/upgrades; each wave watched " + options.upgradeWindow.toSeconds() + " s)");
        out.println("   Wallet sandboxes:  " + baseUrl + LocalPaymentSandbox.PREFIX
                + "/{jazzcash,easypaisa,alipay}   (stand-ins, NOT the real providers; no live calls)");
        scheduled.forEach((name, fn) -> out.println("   Scheduled:         " + name + " every "
                + options.scheduleInterval.toSeconds() + " s here (" + String.join(", ", fn.schedules) + " on AWS)"));
        out.println("   Browser S3:        " + s3PublicEndpoint());
        out.println("   Media (CDN):       " + mediaUrl());
        out.println(
                "   DynamoDB Local:    " + dynamoEndpoint() + "   (region " + LocalNames.REGION + ", any credentials)");
        out.println("   S3 (s3mock):       " + s3Endpoint() + "   (path-style)");
        out.println("   Data folder:       " + dataDir);
        out.println("   Idle instances are closed after " + options.idleTimeout.toSeconds() + " s");
        out.println();
        out.println(" Stop with Ctrl-C.");
        out.println(line);
        out.flush();
    }

    void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops everything: function instances, the gateway, s3mock and DynamoDB Local. Idempotent. */
    @Override
    public synchronized void close() {
        if (isClosed) {
            return;
        }
        isClosed = true;
        LOG.info("stopping the local cloud");
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (outboxClient != null) {
            outboxClient.close();
        }
        queues.forEach(LocalQueue::stop);
        streams.forEach(LocalStreams::close);
        for (AutoCloseable consumer : queueConsumers) {
            try {
                consumer.close();
            } catch (Exception e) {
                LOG.warn("closing a queue consumer failed", e);
            }
        }
        if (fleet != null) {
            fleet.closeAll();
        }
        templateFunctions.forEach(FunctionSlot::close);
        if (s3mock != null) {
            try {
                s3mock.close();
            } catch (RuntimeException e) {
                LOG.warn("stopping s3mock failed", e);
            }
        }
        if (dynamo != null) {
            try {
                dynamo.close();
            } catch (Exception e) {
                LOG.warn("stopping DynamoDB Local failed", e);
            }
        }
        LOG.info("local cloud stopped");
        closed.countDown();
    }
}
