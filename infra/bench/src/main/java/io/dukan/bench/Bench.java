package io.dukan.bench;

import io.dukan.local.LocalCloud;
import io.dukan.local.LocalNames;
import io.dukan.local.LocalStoreFleet;
import io.dukan.local.PackagedRuntime;
import io.dukan.local.client.Http;
import io.dukan.local.client.Stores;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark of issue 6: starts the local cloud in this JVM and measures, each next to its floor in the same run,
 * cold starts in new processes and in the local cloud, warm pages, orders, provisioning, scale and memory; prints
 * one table and writes it to {@code --out}. {@code mvn -Pbench verify [-Dbench.quick=true]} from the project root.
 *
 * <p>Figures that are compared are taken side by side: cold starts of the shop and the floor alternate, warm pages
 * and their DynamoDB requests are called in turn by one client, and the catalogue sizes are three stores measured in
 * turn. Only the store count cannot be: the 1-store figures are taken first, then 1,000 stores are signed up and
 * the same figures taken again. Every loop is bounded by a count and by time; everything runs on loopback.
 */
public final class Bench {

    private static final Logger LOG = LoggerFactory.getLogger("io.dukan.bench");
    /** The local cloud's credential (LocalCloud.LOCAL_CREDENTIAL): in-memory DynamoDB Local keeps one database per
     *  access key and region, so the floors must use the same one to see the stores' data. */
    private static final String CREDENTIAL = "local";

    private static final String C1 = "-XX:TieredStopAtLevel=1";
    private static final int HOME_PAGE_SIZE = 24; // StorefrontController.PAGE_SIZE
    private static final int FIRST_PRODUCTS = 10;
    /** Other processes' share of the machine above which a phase's figures are flagged as disturbed. */
    private static final double DISTURBED = 0.10;

    private final BenchOptions options;
    private final Report report = new Report();
    private LocalCloud cloud;
    private Path dataDir;
    private Http http;
    private Stores stores;
    private RawDynamo raw;
    private Stores.Store home;
    private List<String> homeProducts;
    private final Map<String, Measure> memory = new LinkedHashMap<>();
    private final List<Stores.Store> scalePool = new ArrayList<>();
    private final Map<String, Double> phaseShares = new LinkedHashMap<>();
    /** The warm pages of the first store, measured when only it and the warm-up store existed. */
    private Probes oneStore;

    private int storesAtFirst;
    private final Map<String, AtomicLong> requestsServed = new ConcurrentHashMap<>();
    private CpuMeter.Sample firstSample;
    /** Bounds this run broke (section 9's reads): the table is still written, then the bench exits with 1. */
    private final List<String> failures = new ArrayList<>();

    private Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = new Bench(BenchOptions.parse(args)).run();
        } catch (Exception e) {
            LOG.error("the benchmark failed: {}", e.toString(), e);
            exit = 1;
        }
        System.exit(exit); // DynamoDB Local and s3mock leave non-daemon threads
    }

    /** A phase of the run, measured for how much CPU other processes took meanwhile. */
    @FunctionalInterface
    private interface Phase {
        void run() throws Exception;
    }

    private void phase(String name, Phase phase) throws Exception {
        CpuMeter.Sample from = CpuMeter.sample();
        phase.run();
        phaseShares.put(name, CpuMeter.othersShare(from, CpuMeter.sample()));
    }

    private int run() throws Exception {
        if (!Files.isRegularFile(options.shopJar())) {
            throw new IllegalStateException("no shop function jar at " + options.shopJar()
                    + "; build it first (mvn -Pbench verify from the project root does)");
        }
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        long began = System.nanoTime();
        firstSample = CpuMeter.sample();
        Path data = Files.createTempDirectory("dukan-bench");
        dataDir = data;
        signupConfiguration();
        try {
            LOG.info("starting the local cloud (DynamoDB Local in memory, data in {})", data);
            cloud = LocalCloud.start(LocalCloud.Options.defaults()
                    .projectRoot(options.projectRoot())
                    .dataDir(data)
                    .port(0)
                    .inMemoryDynamoDb(true)
                    .idleTimeout(Duration.ofHours(2)));
            http = new Http(cloud.baseUrl());
            if (Boolean.getBoolean("sun.net.httpserver.nodelay")) {
                report.note("the local gateway ran with -Dsun.net.httpserver.nodelay=true (TCP_NODELAY). Without it "
                        + "(as `mvn -Prun verify` runs today) Nagle's algorithm holds each response's body until the "
                        + "client's delayed ACK, about 40 ms per request over keep-alive (44 ms for the constant 403 "
                        + "when this bench was built)");
            } else {
                report.note("the local gateway ran WITHOUT -Dsun.net.httpserver.nodelay=true: expect about 40 ms per "
                        + "request from Nagle's algorithm and delayed ACKs in every HTTP figure");
            }
            stores = new Stores(http);
            phase("seeding", this::seedHomeStore);
            if (options.runs("warm")) {
                phase("3. warm pages", this::warmPages);
            }
            if (options.runs("stores")) {
                phase("6. scale: stores", this::scaleStores);
            }
            if (options.runs("cold")) {
                phase("1. cold starts (new process)", this::coldStartsInNewProcesses);
            }
            if (options.runs("aot")) {
                phase("1c. cold starts on the store runtime", this::coldStartsOnTheStoreRuntime);
            }
            if (options.runs("provisioning")) {
                phase("2./5. provisioning", this::provisioningAndNewInstances);
            }
            if (options.runs("checkout")) {
                phase("4. checkout", this::checkout);
            }
            if (options.runs("products")) {
                phase("6. scale: products", this::scaleProducts);
            }
            if (options.runs("memory")) {
                phase("7. memory", this::memory);
            }
            if (options.runs("requests")) {
                phase("8b. AWS requests per signup", this::awsRequests);
            }
            if (options.runs("insight")) {
                phase("9. order aggregates", this::orderAggregates);
            }
            if (options.runs("scale")) {
                phase("8a. scale: platform", this::platformScale); // last: its thousands of stores stay
            }
        } finally {
            if (raw != null) {
                raw.close();
            }
            if (cloud != null) {
                cloud.close();
            }
            deleteQuietly(data);
        }
        double others = CpuMeter.othersShare(firstSample, CpuMeter.sample());
        List<String> disturbed = phaseShares.entrySet().stream()
                .filter(e -> e.getValue() > DISTURBED)
                .map(e -> String.format("%s %.0f%%", e.getKey(), e.getValue() * 100))
                .toList();
        if (!disturbed.isEmpty()) {
            report.note("DISTURBED: other processes used more than " + Math.round(DISTURBED * 100) + "% of the "
                    + "machine during " + String.join(", ", disturbed) + "; those figures are not comparable with a "
                    + "quiet run");
        }
        List<String> header = header(started, (System.nanoTime() - began) / 1e9);
        header.add(
                1,
                String.format(
                        "other processes' CPU during the run: %.0f%% of the machine (%s)",
                        others * 100,
                        phaseShares.entrySet().stream()
                                .map(e -> String.format("%s %.0f%%", e.getKey(), e.getValue() * 100))
                                .collect(Collectors.joining(", "))));
        String table = report.render(header);
        System.out.println();
        System.out.print(table);
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), table);
        LOG.info("written to {}", options.out());
        if (!failures.isEmpty()) {
            failures.forEach(failure -> LOG.error("bound broken: {}", failure));
            return 1;
        }
        return 0;
    }

    /**
     * The signup gate's configuration for the bench (SignupProperties, dukan.signup.*), as system properties that
     * every function context of the local cloud in this JVM reads: e-mail verification off (a signup is a store at
     * once, as the JSON API answers it without the mailed link) and the limits per address, per e-mail and on the
     * whole platform far above what the bench signs up (all its signups come from 127.0.0.1). Everything else of the
     * signup path runs as deployed: the gate, its counters, the queue, the worker's saga, the routing entry.
     */
    private void signupConfiguration() {
        Map<String, String> signup = new LinkedHashMap<>();
        signup.put("dukan.signup.email-verification", "false");
        signup.put("dukan.signup.per-address", "10000000");
        signup.put("dukan.signup.per-email", "10000000");
        signup.put("dukan.signup.platform-rate", "10000000");
        if (options.runs("insight")) {
            signup.put("dukan.signup.operator-token", InsightLoad.TOKEN); // section 9 reads /operator/analysis
        }
        signup.forEach(System::setProperty);
        report.note("signup configuration for the bench (system properties the local cloud's functions read): "
                + signup.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")) + "; the gate, queue and saga otherwise as deployed");
    }

    // --- phases ------------------------------------------------------------------------------------------------

    /**
     * Section 9: 200 stores and 10,000 orders (a quick run: 20 and 500) through the real handlers, the local
     * cloud's stream poller feeding the aggregator meanwhile; the aggregates' catch-up after the last order, the
     * console's totals against what was ordered, the console page's latency, and the DynamoDB requests the analysis
     * page and the stores list send (counted by {@link DynamoCalls}), the analysis page's held to IndustryAnalysisIT's
     * bound: the bench exits with 1 when it is broken.
     */
    private void orderAggregates() throws Exception {
        int storeCount = options.quick() ? 20 : 200;
        int orderCount = options.quick() ? 500 : 10_000;
        InsightLoad.Result r = new InsightLoad(stores, cloud.baseUrl(), dataDir.resolve("operator.properties"))
                .run(storeCount, orderCount, cloud::streamRecordsDelivered);
        report.section(String.format(
                "9. Order aggregates (issue 13): %d stores signed up, %,d orders placed through the checkout over HTTP "
                        + "(4 shoppers at once), aggregated from DynamoDB Local's stream by the local cloud's poller",
                r.stores(), r.orders()));
        report.row("signing up the stores and adding a product each (s)", Measure.single("s", r.signupSeconds()));
        report.row(
                "placing the orders: orders per second",
                Measure.rate("orders/s", r.orders() / r.placingSeconds(), r.orders()));
        report.row(
                "aggregates caught up, after the last order was placed (ms)", Measure.single("ms", r.catchUpMillis()));
        report.row("GET /operator/analysis (12 months, warm)", Measure.millis(r.pageMillis()));
        report.note(String.format(
                "section 9: the console counted %,d of the %,d orders, PKR %s of PKR %,d ordered (%s); %,d stream "
                        + "records were handed to the aggregator",
                r.consoleOrders(),
                r.orders(),
                r.consoleSales().toPlainString(),
                (long) r.orders() * InsightLoad.PRICE_RUPEES,
                r.consoleOrders() == r.orders()
                                && r.consoleSales()
                                                .compareTo(BigDecimal.valueOf(
                                                        (long) r.orders() * InsightLoad.PRICE_RUPEES))
                                        == 0
                        ? "EQUAL"
                        : "NOT EQUAL",
                r.streamRecords()));
        pageReads(r);
    }

    /**
     * What IndustryAnalysisIT asserts of the analysis page at 50 and 500 orders: at most 8 reads of the aggregates
     * plus the console gate's one read of the operator's session, the same requests whatever the order count.
     */
    static final int ANALYSIS_PAGE_REQUESTS = 9;

    /** Section 9's read counts: rows, the breakdown in notes, and the bound as a verdict that fails the bench. */
    private void pageReads(InsightLoad.Result r) {
        InsightLoad.Reads early = r.analysisEarly();
        InsightLoad.Reads all = r.analysisAll();
        InsightLoad.Reads list = r.storesList();
        report.row(
                String.format("GET /operator/analysis: DynamoDB requests, %,d orders", early.ordersAggregated()),
                Measure.count("requests", early.requests()));
        report.row(
                String.format("GET /operator/analysis: DynamoDB requests, %,d orders", all.ordersAggregated()),
                Measure.count("requests", all.requests()));
        report.row(
                String.format(
                        "GET /operator/stores (first page, up to %d stores): DynamoDB requests", STORES_PAGE_SIZE),
                Measure.count("requests", list.requests()));
        for (InsightLoad.Reads reads : List.of(early, all, list)) {
            report.note(String.format(
                    "section 9: %s at %,d orders aggregated cost %s (the costliest of %d requests one after another%s; "
                            + "counted on the gateway's threads, which run the function for the request); other "
                            + "threads' DynamoDB requests meanwhile: %s",
                    reads.path(),
                    reads.ordersAggregated(),
                    DynamoCalls.Window.describe(reads.page()),
                    reads.samples(),
                    reads.same() ? ", all the same" : ", NOT all the same",
                    reads.others().isEmpty()
                            ? "none"
                            : reads.others().entrySet().stream()
                                    .map(e -> e.getKey() + ": " + DynamoCalls.Window.describe(e.getValue()))
                                    .collect(Collectors.joining("; "))));
        }
        boolean same = early.requestsByOperation().equals(all.requestsByOperation()) && early.same() && all.same();
        report.verdict(
                String.format(
                        "section 9: the analysis page's DynamoDB requests at %,d orders (IndustryAnalysisIT's bound: 8 reads "
                                + "of the aggregates + the session's 1)",
                        all.ordersAggregated()),
                all.requests(),
                ANALYSIS_PAGE_REQUESTS,
                " requests",
                String.format(
                        "%s at %,d orders, %s at %,d: %s",
                        early.requestsByOperation(),
                        early.ordersAggregated(),
                        all.requestsByOperation(),
                        all.ordersAggregated(),
                        same ? "the same" : "NOT the same"));
        if (all.requests() > ANALYSIS_PAGE_REQUESTS || early.requests() > ANALYSIS_PAGE_REQUESTS) {
            failures.add(String.format(
                    "the analysis page cost %d DynamoDB requests at %,d orders, %d at %,d (at most %d)",
                    early.requests(),
                    early.ordersAggregated(),
                    all.requests(),
                    all.ordersAggregated(),
                    ANALYSIS_PAGE_REQUESTS));
        }
        if (!same) {
            failures.add(String.format(
                    "the analysis page's DynamoDB requests differ with the order count: %s at %,d orders, %s at %,d",
                    early.requestsByOperation(),
                    early.ordersAggregated(),
                    all.requestsByOperation(),
                    all.ordersAggregated()));
        }
    }

    /** The console's stores list page size (OperatorConsoleController.PAGE_SIZE, package-private there). */
    private static final int STORES_PAGE_SIZE = 50;

    /** The store every page figure is taken on: signed up, ten products added through the admin form. */
    private void seedHomeStore() throws Exception {
        home = stores.signup("bench-home").store();
        Stores.Session owner = stores.login(home);
        for (int i = 1; i <= FIRST_PRODUCTS; i++) {
            stores.addProduct(home, owner, String.format("Bench product %02d", i), "12.50", 1_000_000);
        }
        homeProducts = stores.productIds(home);
        if (homeProducts.size() != FIRST_PRODUCTS) {
            throw new IllegalStateException(
                    "the home page lists " + homeProducts.size() + " products, expected " + FIRST_PRODUCTS);
        }
        LocalStoreFleet.StoreFunction function = cloud.fleet().functions().get(home.tenantId());
        raw = new RawDynamo(
                cloud.dynamoEndpoint(),
                LocalNames.REGION,
                CREDENTIAL,
                function.environment().get("DUKAN_TABLE"));
        LOG.info("store {} ready with {} products", home.slug(), homeProducts.size());
    }

    /**
     * 3. Warm pages through the gateway next to their floors. Latency with 1 client: the pages, the DynamoDB
     * requests they need and the gateway's 403 called in turn, side by side. With 4 clients: a window per request
     * kind, for latency and throughput under concurrency.
     */
    private void warmPages() throws Exception {
        report.section(
                "3. Warm storefront page of a new store with 10 products (1 client: 2 stores provisioned): HTTP "
                        + "through the local API gateway (floors: the page's DynamoDB requests via the SDK; the gateway's 403)");
        LOG.info("warming up this JVM (gateway, functions, DynamoDB Local) on a store of its own");
        Stores.Store warmup = seededStore("bench-warmup", FIRST_PRODUCTS);
        probes(warmup, stores.productIds(warmup).get(0), FIRST_PRODUCTS, true);
        LOG.info("warm pages, 1 client");
        Probes one = probes(home, homeProducts.get(0), FIRST_PRODUCTS, true);
        storesAtFirst = cloud.fleet().routes().size();
        report.row(
                "home page latency, 1 client",
                one.home().latency(),
                "DynamoDB Query+BatchGetItem (home's), 1 client",
                one.query().latency());
        report.row(
                "product page latency, 1 client",
                one.product().latency(),
                "DynamoDB GetItem (product), 1 client",
                one.getItem().latency());
        report.row("gateway constant 403 latency, 1 client", one.gateway().latency());
        report.row(
                "home page throughput, 1 client",
                one.home().rate(),
                "DynamoDB Query+BatchGetItem, 1 client",
                one.query().rate());
        report.row(
                "product page throughput, 1 client",
                one.product().rate(),
                "DynamoDB GetItem, 1 client",
                one.getItem().rate());
        report.row("gateway constant 403 throughput, 1 client", one.gateway().rate());
        oneStore = one;
        report.verdict(
                "warm home page <= 2x its DynamoDB Query+BatchGetItem (1 client, medians)",
                Report.ratio(one.home().latency(), one.query().latency()),
                2,
                "x",
                "");
        report.verdict(
                "warm product page <= 2x its DynamoDB GetItem (1 client, medians)",
                Report.ratio(one.product().latency(), one.getItem().latency()),
                2,
                "x",
                "");
        report.note(String.format(
                "home page, 1 client, median %.2f ms = gateway+client (403) %.2f ms + DynamoDB "
                        + "Query+BatchGetItem %.2f ms + the rest (function: event mapping, routing, rendering) %.2f ms",
                one.home().latency().median(),
                one.gateway().latency().median(),
                one.query().latency().median(),
                one.home().latency().median()
                        - one.gateway().latency().median()
                        - one.query().latency().median()));

        int clients = options.clients();
        String c = clients + " clients";
        LOG.info("warm pages, {}", c);
        int pageSize = Math.min(HOME_PAGE_SIZE, FIRST_PRODUCTS);
        // each page on a store of its own, so that neither window runs on an instance aged by the other
        Stores.Store homeStore = seededStore("bench-c4-home", FIRST_PRODUCTS);
        Stores.Store productStore = seededStore("bench-c4-product", FIRST_PRODUCTS);
        String c4Product =
                productPath(productStore, stores.productIds(productStore).get(0));
        Load.Result homePage = load("home page, " + c, clients, i -> page(homeStore, homeStore.home()));
        Load.Result query =
                load("Query, " + c, clients, i -> raw.queryHome(home.tenantId(), HOME_PAGE_SIZE) == pageSize);
        Load.Result productPage = load("product page, " + c, clients, i -> page(productStore, c4Product));
        Load.Result getItem = load("GetItem, " + c, clients, i -> raw.getProduct(home.tenantId(), homeProducts.get(0)));
        Load.Result gateway =
                load("gateway 403, " + c, clients, i -> expect(http.status("/bench-no-such-resource"), 403));
        report.row(
                "home page latency, " + c,
                homePage.latency(),
                "DynamoDB Query+BatchGetItem (home's), " + c,
                query.latency());
        report.row(
                "product page latency, " + c,
                productPage.latency(),
                "DynamoDB GetItem (product), " + c,
                getItem.latency());
        report.row("gateway constant 403 latency, " + c, gateway.latency());
        report.row("home page throughput, " + c, homePage.rate(), "DynamoDB Query+BatchGetItem, " + c, query.rate());
        report.row("product page throughput, " + c, productPage.rate(), "DynamoDB GetItem, " + c, getItem.rate());
        report.row("gateway constant 403 throughput, " + c, gateway.rate());
        report.note("warm pages, 1 client: the five requests called in turn, side by side; req/s there is "
                + "1 / mean latency. " + clients + " clients: one window per request kind, all clients on it, the "
                + "pages each on a new store of its own, one store instance serving the clients at once (Lambda would "
                + "run up to " + clients + " instances)");

        // A store instance used to get slower with every request it served (each invocation's Lambda context was
        // registered as a bean; fixed by LambdaContextBeans, see the README): the same page on a fresh instance of a
        // store with the same catalogue, side by side, guards against a regression.
        Stores.Store fresh = seededStore("bench-fresh", FIRST_PRODUCTS);
        long served = requestsServed.getOrDefault(home.slug(), new AtomicLong()).get();
        List<Load.Result> age =
                interleaved("instance age", List.of(i -> page(home, home.home()), i -> page(fresh, fresh.home())));
        report.row(
                String.format("home page, instance after %,d requests", served),
                age.get(0).latency(),
                "same page, new instance, warmed up",
                age.get(1).latency());
        report.verdict(
                "no slow-down with instance age: home page after " + String.format("%,d", served)
                        + " requests <= 1.2x a fresh instance (median)",
                Report.ratio(age.get(0).latency(), age.get(1).latency()),
                1.2,
                "x",
                "guards the fixed per-invocation bean leak");
    }

    /** A storefront page of a store, counted against the store's instance; true when it answered 200. */
    private boolean page(Stores.Store store, String path) throws IOException, InterruptedException {
        requestsServed.computeIfAbsent(store.slug(), k -> new AtomicLong()).incrementAndGet();
        return expect(http.status(path), 200);
    }

    /** A store signed up through the API whose catalogue is put straight into the table. */
    private Stores.Store seededStore(String slug, int products) throws Exception {
        Stores.Store store = stores.signup(slug).store();
        raw.seedProducts(store.tenantId(), Stores.CURRENCY, products);
        return store;
    }

    /** The latencies of one store's warm pages and of their floors, called in turn by one client. */
    private record Probes(
            Load.Result home, Load.Result query, Load.Result product, Load.Result getItem, Load.Result gateway) {}

    private Probes probes(Stores.Store store, String productId, int expectedOnHome, boolean withGateway)
            throws InterruptedException {
        String productPath = productPath(store, productId);
        List<Load.Op> ops = new ArrayList<>(List.of(
                i -> page(store, store.home()),
                i -> raw.queryHome(store.tenantId(), HOME_PAGE_SIZE) == expectedOnHome,
                i -> page(store, productPath),
                i -> raw.getProduct(store.tenantId(), productId)));
        if (withGateway) {
            ops.add(i -> expect(http.status("/bench-no-such-resource"), 403));
        }
        List<Load.Result> results = interleaved("warm pages of " + store.slug(), ops);
        return new Probes(
                results.get(0), results.get(1), results.get(2), results.get(3), withGateway ? results.get(4) : null);
    }

    /** 1. and 7. Cold starts of the shop function and of the floor in fresh JVMs, with both JIT settings. */
    private void coldStartsInNewProcesses() throws Exception {
        LocalStoreFleet.StoreFunction function = cloud.fleet().functions().get(home.tenantId());
        String productId = homeProducts.get(0);
        String expected = raw.productName(home.tenantId(), productId);
        String host = "localhost:" + cloud.baseUrl().substring(cloud.baseUrl().lastIndexOf(':') + 1);
        String benchClasses = benchClasses();

        List<String> shopArgs = new ArrayList<>(List.of("slug=" + home.slug(), "host=" + host, "expect=" + expected));
        function.environment().forEach((name, value) -> shopArgs.add("env." + name + "=" + value));
        storeProperties(function).forEach((name, value) -> shopArgs.add("prop." + name + "=" + value));
        List<String> floorArgs = List.of(
                "slug=" + home.slug(),
                "host=" + host,
                "expect=" + expected,
                "endpoint=" + cloud.dynamoEndpoint(),
                "region=" + LocalNames.REGION,
                "credential=" + CREDENTIAL,
                "table=" + function.environment().get("DUKAN_TABLE"),
                "pk=" + home.tenantId() + "#CATALOG",
                "sk=PRODUCT#" + productId);
        String shopClasspath = benchClasses + File.pathSeparator + options.shopJar();
        String floorClasspath = floorClasspath(benchClasses);

        ColdStarts cold =
                new ColdStarts(options.out().toAbsolutePath().getParent().resolve("bench-logs"), options.childFlags());
        // AppCDS: each side's classes archived by one run of its own (same JVM, same classpath), then mapped
        Path archives = Files.createDirectories(
                options.out().toAbsolutePath().getParent().resolve("bench-cds"));
        Path shopArchive = archives.resolve("shop.jsa");
        Path floorArchive = archives.resolve("floor.jsa");
        Files.deleteIfExists(shopArchive);
        Files.deleteIfExists(floorArchive);
        cold.run(
                new ColdStarts.Launch(
                        "shop-cds-dump",
                        List.of(C1, "-XX:ArchiveClassesAtExit=" + shopArchive),
                        shopClasspath,
                        "io.dukan.bench.child.ShopColdStart",
                        shopArgs),
                0);
        cold.run(
                new ColdStarts.Launch(
                        "floor-cds-dump",
                        List.of(C1, "-XX:ArchiveClassesAtExit=" + floorArchive),
                        floorClasspath,
                        "io.dukan.bench.child.FloorColdStart",
                        floorArgs),
                0);
        awaitFile(shopArchive);
        awaitFile(floorArchive);

        record Pair(String label, ColdStarts.Launch shop, ColdStarts.Launch floor) {}
        List<Pair> pairs = new ArrayList<>();
        for (List<String> flags : List.of(List.of(C1), List.<String>of())) {
            String label = flags.isEmpty() ? "default JIT" : C1;
            boolean counters = !flags.isEmpty();
            pairs.add(new Pair(
                    label,
                    new ColdStarts.Launch(
                            "shop" + (flags.isEmpty() ? "" : "-c1"),
                            flags,
                            shopClasspath,
                            "io.dukan.bench.child.ShopColdStart",
                            shopArgs,
                            counters),
                    new ColdStarts.Launch(
                            "floor" + (flags.isEmpty() ? "" : "-c1"),
                            flags,
                            floorClasspath,
                            "io.dukan.bench.child.FloorColdStart",
                            floorArgs,
                            counters)));
        }
        pairs.add(new Pair(
                C1 + " + AppCDS",
                new ColdStarts.Launch(
                        "shop-c1-cds",
                        List.of(C1, "-XX:SharedArchiveFile=" + shopArchive),
                        shopClasspath,
                        "io.dukan.bench.child.ShopColdStart",
                        shopArgs,
                        true),
                new ColdStarts.Launch(
                        "floor-c1-cds",
                        List.of(C1, "-XX:SharedArchiveFile=" + floorArchive),
                        floorClasspath,
                        "io.dukan.bench.child.FloorColdStart",
                        floorArgs,
                        true)));
        List<String> phaseArgs = new ArrayList<>(shopArgs);
        phaseArgs.addAll(List.of(
                "table=" + function.environment().get("DUKAN_TABLE"),
                "pk=" + home.tenantId() + "#CATALOG",
                "sk=PRODUCT#" + productId));
        ColdStarts.Launch phases = new ColdStarts.Launch(
                "shop-phases-c1", List.of(C1), shopClasspath, "io.dukan.bench.child.ShopPhases", phaseArgs, true);
        Map<ColdStarts.Launch, List<ColdStarts.Run>> runs = new LinkedHashMap<>();
        for (Pair pair : pairs) { // one discarded start each: the jars into the page cache, as on a warm host
            cold.run(pair.shop(), 0);
            cold.run(pair.floor(), 0);
            runs.put(pair.shop(), new ArrayList<>());
            runs.put(pair.floor(), new ArrayList<>());
        }
        runs.put(phases, new ArrayList<>());
        // before/after: another build's jar, and this jar configured by the former logback.xml (Logback's Joran)
        List<ColdStarts.Launch> variants = new ArrayList<>();
        if (options.baselineJar() != null) {
            variants.add(new ColdStarts.Launch(
                    "shop-c1-baseline",
                    List.of(C1),
                    benchClasses + File.pathSeparator + options.baselineJar().toAbsolutePath(),
                    "io.dukan.bench.child.ShopColdStart",
                    shopArgs,
                    true));
        }
        variants.add(new ColdStarts.Launch(
                "shop-c1-logback-xml",
                List.of(C1),
                joranJar(archives) + File.pathSeparator + shopClasspath,
                "io.dukan.bench.child.ShopColdStart",
                shopArgs,
                true));
        ColdStarts.Launch micronautFloor = new ColdStarts.Launch(
                "micronaut-floor-c1",
                List.of(C1),
                floorClasspath(benchClasses, true) + File.pathSeparator + micronautFloorBeans(),
                "io.dukan.bench.child.MicronautFloorColdStart",
                floorArgs,
                true);
        variants.add(micronautFloor);
        for (ColdStarts.Launch variant : variants) {
            cold.run(variant, 0);
            runs.put(variant, new ArrayList<>());
        }
        for (int i = 1; i <= options.coldRuns(); i++) { // interleaved, so drift hits both sides alike
            LOG.info("cold starts in new processes, round {} of {}", i, options.coldRuns());
            for (Pair pair : pairs) {
                runs.get(pair.shop()).add(cold.run(pair.shop(), i));
                runs.get(pair.floor()).add(cold.run(pair.floor(), i));
            }
            runs.get(phases).add(cold.run(phases, i));
            for (ColdStarts.Launch variant : variants) {
                runs.get(variant).add(cold.run(variant, i));
            }
        }
        report.section("1. Cold start, new process: JVM start -> GET /s/{slug}/ answered with data from DynamoDB "
                + "(floor: bare handler, one GetItem, same SDK client, same flags)");
        List<Double> handleOffsets = new ArrayList<>();
        for (Pair pair : pairs) {
            List<ColdStarts.Run> shop = runs.get(pair.shop());
            List<ColdStarts.Run> floor = runs.get(pair.floor());
            Measure shopOwn =
                    Measure.millis(shop.stream().map(ColdStarts.Run::ownMillis).toList());
            Measure floorOwn =
                    Measure.millis(floor.stream().map(ColdStarts.Run::ownMillis).toList());
            report.row(
                    "shop function, " + pair.label() + ", child's clock",
                    shopOwn,
                    "bare handler, " + pair.label(),
                    floorOwn);
            report.row(
                    "shop function, " + pair.label() + ", parent's wall time",
                    Measure.millis(shop.stream().map(ColdStarts.Run::wallMillis).toList()),
                    "bare handler, " + pair.label(),
                    Measure.millis(
                            floor.stream().map(ColdStarts.Run::wallMillis).toList()));
            report.row(
                    "  of which init (JVM start -> handler built)",
                    Measure.millis(shop.stream().map(ColdStarts.Run::initMillis).toList()),
                    "bare handler, " + pair.label(),
                    Measure.millis(
                            floor.stream().map(ColdStarts.Run::initMillis).toList()));
            report.row(
                    "  CPU time to the answer (all threads)",
                    Measure.millis(shop.stream().map(ColdStarts.Run::cpuMillis).toList()),
                    "bare handler, " + pair.label(),
                    Measure.millis(floor.stream().map(ColdStarts.Run::cpuMillis).toList()));
            report.verdict(
                    "shop cold start <= 1.25x bare handler (" + pair.label() + ", child's clock, medians)",
                    Report.ratio(shopOwn, floorOwn),
                    1.25,
                    "x",
                    "");
            memory.put(
                    "shopRss " + pair.label(),
                    Measure.megabytes(
                            shop.stream().map(ColdStarts.Run::peakRssMegabytes).toList()));
            memory.put(
                    "floorRss " + pair.label(),
                    Measure.megabytes(
                            floor.stream().map(ColdStarts.Run::peakRssMegabytes).toList()));
            Stream.concat(shop.stream(), floor.stream())
                    .forEach(run -> handleOffsets.add(run.handleMillis() - run.ownMillis()));
        }
        Measure floorC1 = Measure.millis(runs.get(pairs.get(0).floor()).stream()
                .map(ColdStarts.Run::ownMillis)
                .toList());
        for (ColdStarts.Launch variant : variants) {
            String label = variant == micronautFloor
                    ? "Micronaut floor: its API Gateway handler + 1 controller, 1 GetItem, no Dukan code, " + C1
                    : variant.name().endsWith("baseline")
                            ? "shop, BASELINE jar (" + options.baselineJar().getFileName() + "), " + C1
                            : "shop, this jar + the former logback.xml (Joran), " + C1;
            List<ColdStarts.Run> variantRuns = runs.get(variant);
            report.row(
                    label + ", child's clock",
                    Measure.millis(
                            variantRuns.stream().map(ColdStarts.Run::ownMillis).toList()),
                    "bare handler, " + C1,
                    floorC1);
            report.row(
                    "    of which init",
                    Measure.millis(
                            variantRuns.stream().map(ColdStarts.Run::initMillis).toList()));
            report.row(
                    "    CPU time to the answer (all threads)",
                    Measure.millis(
                            variantRuns.stream().map(ColdStarts.Run::cpuMillis).toList()),
                    "bare handler, " + C1,
                    Measure.millis(runs.get(pairs.get(0).floor()).stream()
                            .map(ColdStarts.Run::cpuMillis)
                            .toList()));
            Double classes =
                    variantRuns.isEmpty() ? null : variantRuns.get(0).counters().get("java.cls.loadedClasses");
            if (classes != null) {
                report.row(
                        "    classes loaded",
                        Measure.of(
                                "",
                                variantRuns.stream()
                                        .mapToDouble(
                                                r -> r.counters().getOrDefault("java.cls.loadedClasses", Double.NaN))
                                        .toArray()));
            }
        }
        Measure micronautFloorOwn = Measure.millis(
                runs.get(micronautFloor).stream().map(ColdStarts.Run::ownMillis).toList());
        report.row(
                "shop function vs the Micronaut floor, " + C1 + ", child's clock",
                Measure.millis(runs.get(pairs.get(0).shop()).stream()
                        .map(ColdStarts.Run::ownMillis)
                        .toList()),
                "Micronaut floor, " + C1,
                micronautFloorOwn);
        report.note("Micronaut floor: the framework's share of a cold start measured on its own; the target (shop <= "
                + "1.25x the bare handler) is below it whenever this row's ratio to the bare handler exceeds 1.25x");
        if (options.baselineJar() != null) {
            report.note("baseline jar: " + options.baselineJar().toAbsolutePath() + " ("
                    + fileMegabytes(options.baselineJar()) + " MB; this jar " + fileMegabytes(options.shopJar())
                    + " MB), cold-started in the same rounds as the others");
        }
        coldStartPhases(
                runs.get(phases),
                runs.get(pairs.get(0).shop()),
                runs.get(pairs.get(0).floor()),
                runs.get(pairs.get(2).shop()),
                runs.get(pairs.get(2).floor()));
        report.note(String.format(
                "cold start, child's clock: process start per /proc/self/stat to the answer, on "
                        + "the kernel's uptime clock (10 ms ticks). ProcessHandle.info().startInstant() vs Instant.now() "
                        + "read %+.0f ms more (median over all children): the JDK derives that instant from /proc/stat's "
                        + "boot time in whole seconds, so it is off by a constant of up to 1 s and is not used",
                Measure.millis(handleOffsets).median()));
        report.note("cold start, parent's wall time: ProcessBuilder.start() to the child's READY line on its stdout "
                + "(includes fork/exec and the pipe)");
    }

    /** JDK 25, whose jlink'ed image the store runtime carries; the bare handler's and Micronaut floor's caches use it. */
    private static final String JDK25 = System.getProperty("bench.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64");
    /** The flags the store runtime's bootstrap gives its JVM (infra/runtime/src/main/runtime/bootstrap). */
    private static final List<String> RUNTIME_FLAGS = List.of(C1, "-XX:+UseSerialGC");

    /**
     * 1c. Issue 17: the shop on the store runtime as deployed (the layer's bootstrap, its jlink'ed JDK 25, the
     * runtime interface client against a local Runtime API, the AOT cache of the package-time training run) beside
     * the bare handler on plain JDK 17 with C1 (the conventional baseline) and on JDK 25 with an AOT cache of its own
     * (the same kind, made by one training run of it), and the Micronaut floor the same two ways; all in the same
     * rounds, interleaved. The packaged runs' clock is the child's (process start per /proc/{pid}/stat, read from
     * here when the answer arrives through the Runtime API).
     */
    private void coldStartsOnTheStoreRuntime() throws Exception {
        Path layer = options.projectRoot().resolve("infra/runtime/target/store-runtime");
        Path cacheFile = layer.resolve("dukan-shop.aot");
        if (!Files.isRegularFile(cacheFile)) {
            throw new IllegalStateException("no trained store runtime at " + layer + ": build it first with "
                    + "mvn -B -Pstore-runtime -pl infra/runtime -am package -DskipTests");
        }
        LocalStoreFleet.StoreFunction function = cloud.fleet().functions().get(home.tenantId());
        String productId = homeProducts.get(0);
        String expected = raw.productName(home.tenantId(), productId);
        String host = "localhost:" + cloud.baseUrl().substring(cloud.baseUrl().lastIndexOf(':') + 1);
        String benchClasses = benchClasses();
        List<String> shopArgs = new ArrayList<>(List.of("slug=" + home.slug(), "host=" + host, "expect=" + expected));
        function.environment().forEach((name, value) -> shopArgs.add("env." + name + "=" + value));
        storeProperties(function).forEach((name, value) -> shopArgs.add("prop." + name + "=" + value));
        List<String> floorArgs = List.of(
                "slug=" + home.slug(),
                "host=" + host,
                "expect=" + expected,
                "endpoint=" + cloud.dynamoEndpoint(),
                "region=" + LocalNames.REGION,
                "credential=" + CREDENTIAL,
                "table=" + function.environment().get("DUKAN_TABLE"),
                "pk=" + home.tenantId() + "#CATALOG",
                "sk=PRODUCT#" + productId);
        String floorClasspath = floorClasspath(benchClasses);
        String micronautClasspath = floorClasspath(benchClasses, true) + File.pathSeparator + micronautFloorBeans();
        String java25 = Path.of(JDK25, "bin", "java").toString();
        Path logs = options.out().toAbsolutePath().getParent().resolve("bench-logs");
        ColdStarts cold = new ColdStarts(logs, options.childFlags());

        // the bare handler's and the Micronaut floor's own AOT caches: one training run each, as the shop's was made
        Path caches = Files.createDirectories(
                options.out().toAbsolutePath().getParent().resolve("bench-aot"));
        Path floorCache = caches.resolve("floor.aot");
        Path micronautCache = caches.resolve("micronaut-floor.aot");
        Files.deleteIfExists(floorCache);
        Files.deleteIfExists(micronautCache);
        long trainStart = System.nanoTime();
        cold.run(
                aotLaunch(
                        "floor-aot-training",
                        "-XX:AOTCacheOutput=" + floorCache,
                        floorClasspath,
                        "io.dukan.bench.child.FloorColdStart",
                        floorArgs,
                        java25),
                0);
        awaitFile(floorCache);
        double floorTraining = (System.nanoTime() - trainStart) / 1e6;
        trainStart = System.nanoTime();
        cold.run(
                aotLaunch(
                        "micronaut-floor-aot-training",
                        "-XX:AOTCacheOutput=" + micronautCache,
                        micronautClasspath,
                        "io.dukan.bench.child.MicronautFloorColdStart",
                        floorArgs,
                        java25),
                0);
        awaitFile(micronautCache);
        double micronautTraining = (System.nanoTime() - trainStart) / 1e6;

        ColdStarts.Launch floor17 = new ColdStarts.Launch(
                "floor-c1", List.of(C1), floorClasspath, "io.dukan.bench.child.FloorColdStart", floorArgs, true);
        ColdStarts.Launch floor25 = aotLaunch(
                "floor-jdk25-aot",
                "-XX:AOTCache=" + floorCache,
                floorClasspath,
                "io.dukan.bench.child.FloorColdStart",
                floorArgs,
                java25);
        ColdStarts.Launch micronaut17 = new ColdStarts.Launch(
                "micronaut-floor-c1",
                List.of(C1),
                micronautClasspath,
                "io.dukan.bench.child.MicronautFloorColdStart",
                floorArgs,
                true);
        ColdStarts.Launch micronaut25 = aotLaunch(
                "micronaut-floor-jdk25-aot",
                "-XX:AOTCache=" + micronautCache,
                micronautClasspath,
                "io.dukan.bench.child.MicronautFloorColdStart",
                floorArgs,
                java25);
        ColdStarts.Launch shop17 = new ColdStarts.Launch(
                "shop-c1",
                List.of(C1),
                benchClasses + File.pathSeparator + options.shopJar(),
                "io.dukan.bench.child.ShopColdStart",
                shopArgs,
                true);
        // the packaged runtime as deployed; +UsePerfData only so jcmd can read its class counters
        PackagedRuntime withCache = new PackagedRuntime(
                layer, logs.resolve("store-runtime"), Map.of("DUKAN_JAVA_OPTIONS", "-XX:+UsePerfData"));
        PackagedRuntime withoutCache = new PackagedRuntime(
                layer,
                logs.resolve("store-runtime-no-cache"),
                Map.of(
                        "DUKAN_JAVA_OPTIONS",
                        "-XX:+UsePerfData",
                        "DUKAN_AOT_CACHE",
                        caches.resolve("none.aot").toString()));
        List<ColdStarts.Launch> launches = List.of(floor17, floor25, micronaut17, micronaut25, shop17);
        Map<String, List<ColdStarts.Run>> runs = new LinkedHashMap<>();
        for (ColdStarts.Launch launch : launches) { // one discarded start each: files into the page cache
            cold.run(launch, 0);
            runs.put(launch.name(), new ArrayList<>());
        }
        packagedRun(withCache, function, expected);
        packagedRun(withoutCache, function, expected);
        runs.put("shop-store-runtime", new ArrayList<>());
        runs.put("shop-store-runtime-no-cache", new ArrayList<>());
        for (int i = 1; i <= options.coldRuns(); i++) { // interleaved, so drift hits every side alike
            LOG.info("cold starts on the store runtime, round {} of {}", i, options.coldRuns());
            runs.get("shop-store-runtime").add(packagedRun(withCache, function, expected));
            for (ColdStarts.Launch launch : launches) {
                runs.get(launch.name()).add(cold.run(launch, i));
            }
            runs.get("shop-store-runtime-no-cache").add(packagedRun(withoutCache, function, expected));
        }

        report.section("1c. Cold start on the store runtime (issue 17): the shop as deployed on provided.al2023 (the "
                + "layer's bootstrap, its jlink'ed JDK 25, the runtime interface client, the AOT cache of the package-"
                + "time training run) vs the bare handler on plain JDK 17 C1; JVM start -> GET /s/{slug}/ answered "
                + "with data from DynamoDB, child's clock");
        Measure floorC1 = own(runs.get("floor-c1"));
        Measure shopRuntime = own(runs.get("shop-store-runtime"));
        report.row(
                "shop, store runtime (JDK 25 jlink + AOT cache, C1, SerialGC)",
                shopRuntime,
                "bare handler, JDK 17, " + C1,
                floorC1);
        report.row(
                "shop, store runtime WITHOUT its cache (same bootstrap)",
                own(runs.get("shop-store-runtime-no-cache")),
                "bare handler, JDK 17, " + C1,
                floorC1);
        report.row(
                "shop, JDK 17, " + C1 + " (today's managed-runtime setting)",
                own(runs.get("shop-c1")),
                "bare handler, JDK 17, " + C1,
                floorC1);
        report.row(
                "bare handler, JDK 25 + its own AOT cache (C1, SerialGC)",
                own(runs.get("floor-jdk25-aot")),
                "bare handler, JDK 17, " + C1,
                floorC1);
        report.row(
                "Micronaut floor, JDK 17, " + C1,
                own(runs.get("micronaut-floor-c1")),
                "bare handler, JDK 17, " + C1,
                floorC1);
        report.row(
                "Micronaut floor, JDK 25 + its own AOT cache (C1, SerialGC)",
                own(runs.get("micronaut-floor-jdk25-aot")),
                "bare handler, JDK 17, " + C1,
                floorC1);
        report.row(
                "shop, store runtime vs the bare handler with the same kind of cache",
                shopRuntime,
                "bare handler, JDK 25 + AOT cache",
                own(runs.get("floor-jdk25-aot")));
        report.verdict(
                "shop cold start on the store runtime <= 1.0x bare handler on plain JDK 17 C1 (child's clock, medians)",
                Report.ratio(shopRuntime, floorC1),
                1.0,
                "x",
                "");
        for (Map.Entry<String, List<ColdStarts.Run>> side : runs.entrySet()) {
            List<ColdStarts.Run> sideRuns = side.getValue();
            report.row(
                    "  " + side.getKey() + ": parent's wall time (spawn -> answer)",
                    Measure.millis(
                            sideRuns.stream().map(ColdStarts.Run::wallMillis).toList()));
            report.row(
                    "  " + side.getKey() + ": CPU time to the answer (all threads)",
                    Measure.millis(
                            sideRuns.stream().map(ColdStarts.Run::cpuMillis).toList()));
            report.row(
                    "  " + side.getKey() + ": peak RSS (VmHWM)",
                    Measure.megabytes(sideRuns.stream()
                            .map(ColdStarts.Run::peakRssMegabytes)
                            .toList()));
            for (String counter : List.of("java.cls.loadedClasses", "java.cls.sharedLoadedClasses")) {
                double[] values = sideRuns.stream()
                        .map(r -> r.counters().get(counter))
                        .filter(v -> v != null)
                        .mapToDouble(Double::doubleValue)
                        .toArray();
                if (values.length > 0) {
                    report.row("  " + side.getKey() + ": " + ColdStarts.COUNTERS.get(counter), Measure.of("", values));
                }
            }
        }
        report.row(
                "store runtime layer, unzipped (Lambda's limit: 250 MB with the function's code)",
                Measure.single("MB", directoryBytes(layer) / 1048576.0));
        Path zip = layer.resolveSibling("dukan-store-runtime.zip");
        if (Files.isRegularFile(zip)) {
            report.row("store runtime layer, zipped", Measure.single("MB", Files.size(zip) / 1048576.0));
        }
        report.row("  of which the AOT cache", Measure.single("MB", Files.size(cacheFile) / 1048576.0));
        report.row(
                "  of which the jlink'ed JDK (jre/)",
                Measure.single("MB", directoryBytes(layer.resolve("jre")) / 1048576.0));
        Path training = layer.resolveSibling("store-runtime-training.txt");
        if (Files.isRegularFile(training)) {
            report.note("store runtime's training run (at package time): "
                    + Files.readString(training).strip());
        }
        report.row("bare handler's AOT training run (one start + cache assembly)", Measure.single("ms", floorTraining));
        report.row(
                "Micronaut floor's AOT training run (one start + cache assembly)",
                Measure.single("ms", micronautTraining));
        report.note("1c: the store runtime's children are its bootstrap (sh, exec'ing the layer's java) against a "
                + "local Runtime API in this JVM (infra/local LocalRuntimeApi): the answer's time includes the runtime "
                + "interface client's /next and /response over loopback, as on Lambda. JDK 25 = " + JDK25 + "; the "
                + "packaged runs add -XX:+UsePerfData (the bootstrap turns it off) so jcmd can read their counters");
    }

    private static ColdStarts.Launch aotLaunch(
            String name, String cacheFlag, String classpath, String main, List<String> arguments, String java) {
        List<String> flags = new ArrayList<>(RUNTIME_FLAGS);
        flags.add(cacheFlag);
        return new ColdStarts.Launch(name, flags, classpath, main, arguments, true, java);
    }

    /** One cold start of the store's function on the packaged runtime: spawn, GET /s/{slug}/, figures, end. */
    private ColdStarts.Run packagedRun(PackagedRuntime runtime, LocalStoreFleet.StoreFunction function, String expected)
            throws Exception {
        String host = "localhost:" + cloud.baseUrl().substring(cloud.baseUrl().lastIndexOf(':') + 1);
        long spawned = System.nanoTime();
        try (PackagedRuntime.Instance instance = runtime.start(
                function.functionName(),
                "io.dukan.shop.ShopFunction::handleRequest",
                function.environment(),
                cloud.storeProperties(function))) {
            com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent page =
                    instance.handleRequest(io.dukan.bench.child.Child.storeHome(home.slug(), host), null);
            double wall = (System.nanoTime() - spawned) / 1e6;
            double own = ProcStatus.millisSinceStart(instance.pid());
            double cpu = ProcStatus.cpuMillis(instance.pid());
            double peak = ProcStatus.megabytes(instance.pid(), "VmHWM");
            if (page.getStatusCode() != 200
                    || page.getBody() == null
                    || !page.getBody().contains(expected)) {
                throw new IllegalStateException("the store runtime answered " + page.getStatusCode()
                        + " without the expected data; see " + instance.log());
            }
            Map<String, Double> counters = ColdStarts.counters(
                    instance.pid(), runtime.layer().resolve("jre/bin/jcmd").toString());
            if (counters.isEmpty()) {
                counters = ColdStarts.counters(
                        instance.pid(), Path.of(JDK25, "bin", "jcmd").toString());
            }
            return new ColdStarts.Run(own, own, own, wall, peak, Map.of(), counters, cpu);
        }
    }

    private static Measure own(List<ColdStarts.Run> runs) {
        return Measure.millis(runs.stream().map(ColdStarts.Run::ownMillis).toList());
    }

    private static long directoryBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }

    /** 1b. The shop's cold start by phase (ShopPhases), and the JVM's class-loading and JIT counters. */
    private void coldStartPhases(
            List<ColdStarts.Run> phases,
            List<ColdStarts.Run> shop,
            List<ColdStarts.Run> floor,
            List<ColdStarts.Run> shopCds,
            List<ColdStarts.Run> floorCds) {
        report.section("1b. Where the shop function's cold start goes (" + C1 + "; ShopPhases: the same start split "
                + "into timed steps, the DynamoDB client and a GetItem done just before the first request)");
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("jvm_start_to_main", "JVM start -> main()");
        labels.put("main_to_context_start", "main() -> context start called (builder, properties)");
        labels.put("context_start", "ApplicationContext.start() (environment, bean definitions, eager beans)");
        labels.put("handler_built", "handler built (servlet handler, router)");
        labels.put("dynamodb_client_bean", "DynamoDB client bean (SDK client, credentials, region)");
        labels.put("first_getitem", "first DynamoDB GetItem (SDK marshalling, first connection)");
        labels.put("first_request_rest", "first GET /s/{slug}/: routing, controller beans, Query, render");
        labels.put("second_request", "second GET /s/{slug}/ (for scale)");
        labels.forEach((name, label) -> {
            List<Double> values = phases.stream()
                    .map(r -> r.phases().get(name))
                    .filter(v -> v != null)
                    .toList();
            if (!values.isEmpty()) {
                report.row("  " + label, Measure.millis(values));
            }
        });
        report.row(
                "  total: JVM start -> first page answered (child's clock)",
                Measure.millis(phases.stream().map(ColdStarts.Run::ownMillis).toList()));
        record Side(String label, List<ColdStarts.Run> runs) {}
        for (Map.Entry<String, String> counter : ColdStarts.COUNTERS.entrySet()) {
            for (Side side : List.of(new Side("shop", shop), new Side("shop, AppCDS", shopCds))) {
                Side floorSide = side.label().endsWith("AppCDS")
                        ? new Side("bare handler, AppCDS", floorCds)
                        : new Side("bare handler", floor);
                List<Double> values = side.runs().stream()
                        .map(r -> r.counters().get(counter.getKey()))
                        .filter(v -> v != null)
                        .toList();
                List<Double> floorValues = floorSide.runs().stream()
                        .map(r -> r.counters().get(counter.getKey()))
                        .filter(v -> v != null)
                        .toList();
                if (values.isEmpty() || floorValues.isEmpty()) {
                    continue;
                }
                String unit = counter.getKey().startsWith("java.cls.") ? "" : "ms";
                report.row(
                        "  " + side.label() + ": " + counter.getValue(),
                        Measure.of(
                                unit,
                                values.stream().mapToDouble(Double::doubleValue).toArray()),
                        floorSide.label(),
                        Measure.of(
                                unit,
                                floorValues.stream()
                                        .mapToDouble(Double::doubleValue)
                                        .toArray()));
            }
        }
        report.note("1b: counters are HotSpot's (jcmd PID PerfCounter.print, read after the answer): class loading "
                + "includes the static initialisers it triggers; JIT compilation runs on compiler threads, beside "
                + "the main thread on a 2-core machine");
    }

    /** A jar holding only the logback.xml the functions had before LambdaLogging (for the before/after row). */
    private static String joranJar(Path dir) throws IOException {
        Path jar = dir.resolve("former-logback-xml.jar");
        String xml = "<configuration>\n"
                + "  <appender name=\"STDOUT\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
                + "    <encoder>\n      <pattern>%-5level %logger{24} - %msg%n</pattern>\n    </encoder>\n"
                + "  </appender>\n  <logger name=\"io.dukan\" level=\"INFO\"/>\n"
                + "  <root level=\"WARN\">\n    <appender-ref ref=\"STDOUT\"/>\n  </root>\n</configuration>\n";
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("logback.xml"));
            out.write(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar.toString();
    }

    private static String fileMegabytes(Path file) {
        try {
            return String.format("%.1f", Files.size(file) / (1024.0 * 1024.0));
        } catch (IOException e) {
            return "?";
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.isRegularFile(file) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no CDS archive at " + file);
        }
    }

    /** 5. and 2. Signup to ACTIVE to the first page; the first request is a new store instance's cold start. */
    private void provisioningAndNewInstances() throws Exception {
        List<Double> signups = new ArrayList<>();
        List<Double> firstPages = new ArrayList<>();
        List<Double> secondPages = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        for (int i = 1; i <= options.newStores(); i++) {
            String slug = String.format("bench-new-%02d", i);
            long submitted = System.nanoTime();
            Stores.Signup signup = stores.signup(slug);
            long first = System.nanoTime();
            expect(http.status(signup.store().home()), 200);
            long served = System.nanoTime();
            expect(http.status(signup.store().home()), 200);
            long second = System.nanoTime();
            signups.add(signup.nanos() / 1e6);
            firstPages.add((served - first) / 1e6);
            secondPages.add((second - served) / 1e6);
            totals.add((served - submitted) / 1e6);
        }
        LOG.info("provisioned {} stores", options.newStores());
        report.section("2. Cold start, new store instance in the local cloud: first GET /s/{slug}/ of a store just "
                + "signed up (in-process, warm JVM)");
        Measure first = Measure.millis(firstPages);
        report.row(
                "first request (instance created)", first, "second request, same stores", Measure.millis(secondPages));
        report.section("5. Provisioning: POST /api/stores (JSON) -> ACTIVE -> first storefront page served");
        report.row("signup answered, store ACTIVE", Measure.millis(signups));
        report.row("first page of the new store", first);
        Measure total = Measure.millis(totals);
        report.row("signup submitted -> first page served", total);
        report.verdict(
                "provisioning to first page under 1 s (median)",
                total.median(),
                1000,
                " ms",
                "max " + Measure.format(total.max()) + " ms over " + total.n() + " stores");
    }

    /**
     * 4. Orders per second through the storefront's real checkout (add to cart, open the checkout, place), with and
     * without contention on one product.
     */
    private void checkout() throws Exception {
        Stores.Store shop = stores.signup("bench-orders").store();
        Stores.Session owner = stores.login(shop);
        int clients = options.clients();
        for (int i = 0; i <= clients; i++) {
            stores.addProduct(shop, owner, "Order product " + i, "99.00", 1_000_000);
        }
        List<String> products = stores.productIds(shop);
        if (products.size() != clients + 1) {
            throw new IllegalStateException(
                    "the order store lists " + products.size() + " products, expected " + (clients + 1));
        }
        List<Stores.Session> shoppers = new ArrayList<>(); // one browser (own cart) per client, from a product page
        for (int client = 0; client < clients; client++) {
            shoppers.add(stores.shopper(shop, products.get(1 + client)));
        }
        List<RawDynamo.FloorProduct> floorProducts = raw.createFloorProducts(clients + 1, 1_000_000);
        report.section("4. Checkout, one order of 1 item (cash on delivery) = POST /s/{slug}/cart -> 303 + GET "
                + "/s/{slug}/checkout -> 200 (checkoutToken) + POST /s/{slug}/checkout/place -> 303; floor: the "
                + "placing's DynamoDB requests (GetItem checkout pointer, GetItem product, GetItem counter, "
                + "TransactWriteItems: counter, order, code and checkout pointers, stock.#v)");
        record Case(String label, int clients, boolean shared) {}
        for (Case c : List.of(
                new Case("1 client", 1, true),
                new Case(clients + " clients, one product", clients, true),
                new Case(clients + " clients, a product each", clients, false))) {
            LOG.info("checkout, {}", c.label());
            java.util.concurrent.ConcurrentLinkedQueue<Long> placeNanos =
                    new java.util.concurrent.ConcurrentLinkedQueue<>();
            Load.Result orders = load("orders, " + c.label(), c.clients(), client -> {
                String product = c.shared() ? products.get(0) : products.get(1 + client);
                Stores.Placed placed = stores.order(shop, shoppers.get(client), product);
                placeNanos.add(placed.placeNanos());
                return expect(placed.status(), 303);
            });
            Load.Result floor = load(
                    "floor orders, " + c.label(),
                    c.clients(),
                    client -> raw.placeFloorOrder(c.shared() ? floorProducts.get(0) : floorProducts.get(1 + client)));
            // the window's calls come after every warm-up call (the clients start it together): the last ones
            List<Long> all = new ArrayList<>(placeNanos);
            long[] window = all.subList(Math.max(0, all.size() - orders.ok()), all.size()).stream()
                    .mapToLong(Long::longValue)
                    .toArray();
            report.row(
                    "orders/s (cart+checkout+place), " + c.label(),
                    orders.rate(),
                    "raw DynamoDB, " + c.label(),
                    floor.rate());
            report.row(
                    "order latency (cart+checkout+place), " + c.label(),
                    orders.latency(),
                    "raw DynamoDB, " + c.label(),
                    floor.latency());
            report.row("  of which the place POST, " + c.label(), Measure.nanosAsMillis(window, window.length));
        }
        report.note("an order is three requests now (cart, checkout form, place), so its rate and latency are not "
                + "comparable with the earlier single POST /orders; 'of which the place POST' is. Every order of a "
                + "store moves the store's one order counter, so orders of different products still contend there "
                + "(retried as DynamoDbOrders does); 'one product' adds the stock item");
    }

    /** 6. The warm pages again with {@code scaleStores} stores signed up (right after the 1-store figures). */
    private void scaleStores() throws Exception {
        Probes few = oneStore;
        int existing = cloud.fleet().routes().size();
        int missing = Math.max(0, options.scaleStores() - existing);
        LOG.info("signing up {} more stores ({} exist)", missing, existing);
        long start = System.nanoTime();
        long deadline = start + options.scaleSignupBudget().toNanos();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        try {
            List<Future<Stores.Store>> futures = new ArrayList<>();
            for (int i = 1; i <= missing; i++) {
                String slug = String.format("bench-s%04d", i);
                futures.add(pool.submit(() -> {
                    if (System.nanoTime() > deadline) {
                        return null;
                    }
                    try {
                        return stores.signup(slug).store();
                    } catch (IOException | RuntimeException e) {
                        failures.incrementAndGet();
                        return null;
                    }
                }));
            }
            for (Future<Stores.Store> future : futures) {
                Stores.Store store = future.get(
                        Math.max(1, deadline - System.nanoTime()) + Http.TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
                if (store != null) {
                    scalePool.add(store);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = cloud.fleet().routes().size();
        report.note(String.format(
                "scale: %,d stores signed up through the JSON API in %.0f s (%.1f/s with %d "
                        + "clients, bcrypt included), %d failed; %,d stores in the fleet",
                scalePool.size(), seconds, scalePool.size() / seconds, options.clients(), failures.get(), total));
        LOG.info("{} stores in the fleet", total);

        Stores.Store after = seededStore("bench-after", FIRST_PRODUCTS);
        total = cloud.fleet().routes().size();
        Probes many = probes(after, stores.productIds(after).get(0), FIRST_PRODUCTS, false);
        report.section(String.format(
                "6a. Scale, stores: warm pages (1 client, requests in turn) of a new store with "
                        + "10 products when %d stores existed (section 3) vs when %,d did",
                storesAtFirst, total));
        String stores = String.format("%,d stores", total);
        String one = String.format("%d stores", storesAtFirst);
        report.row(
                "home page, " + stores,
                many.home().latency(),
                "home page, " + one,
                few.home().latency());
        report.row(
                "product page, " + stores,
                many.product().latency(),
                "product page, " + one,
                few.product().latency());
        report.row(
                "  DynamoDB Query+BatchGetItem (home's), " + stores,
                many.query().latency(),
                "same, " + one,
                few.query().latency());
        report.row(
                "  DynamoDB GetItem (product), " + stores,
                many.getItem().latency(),
                "same, " + one,
                few.getItem().latency());
        // The two sides are minutes apart, and windows minutes apart differ by up to a third on this machine even
        // for the bare DynamoDB request; so the verdict is on the page's cost relative to the request it needs,
        // measured in turn with it, and the raw change is given beside it.
        relativeVerdict(
                "home page",
                stores,
                one,
                many.home(),
                many.query(),
                few.home(),
                few.query(),
                "Query+BatchGetItem",
                "sequential windows",
                "");
        relativeVerdict(
                "product page",
                stores,
                one,
                many.product(),
                many.getItem(),
                few.product(),
                few.getItem(),
                "GetItem",
                "sequential windows",
                "");
    }

    /** Signups made by {@link #signUp}: each one's time from POST to ACTIVE, the failures, the wall time. */
    private record SignupRun(List<Double> millis, int failed, String firstFailure, double seconds) {}

    private final AtomicInteger platformSlugs = new AtomicInteger();

    /**
     * {@code count} stores through POST /api/stores with the bench's clients at once, each timed from its POST to
     * its ACTIVE answer (201, or the 202's polling); bounded by {@code budget}. Logs its progress.
     */
    private SignupRun signUp(int count, Duration budget) throws Exception {
        List<Double> millis = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure =
                new java.util.concurrent.atomic.AtomicReference<>("");
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    if (System.nanoTime() > deadline) {
                        return null;
                    }
                    String slug = String.format("bench-p%05d", platformSlugs.incrementAndGet());
                    try {
                        millis.add(stores.signup(slug).nanos() / 1e6);
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet("", slug + ": " + e.getMessage());
                    }
                    int n = done.incrementAndGet();
                    if (n % 500 == 0) {
                        LOG.info("{} of {} signups, {} s", n, count, (System.nanoTime() - start) / 1_000_000_000);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(Math.max(1, deadline - System.nanoTime()) + Http.TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new SignupRun(List.copyOf(millis), failed.get(), firstFailure.get(), (System.nanoTime() - start) / 1e9);
    }

    /** The first page of {@code count} stores just signed up (each one's instance created by it). */
    private List<Double> firstPagesOfNewStores(int count) throws Exception {
        List<Double> firstPages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Stores.Store store = stores.signup(String.format("bench-p%05d", platformSlugs.incrementAndGet()))
                    .store();
            long start = System.nanoTime();
            expect(http.status(store.home()), 200);
            firstPages.add((System.nanoTime() - start) / 1e6);
        }
        return firstPages;
    }

    /**
     * 8a. Issue 11's scale: {@code platformStores} stores signed up through the real signup path in the local cloud
     * (the JSON API's signup: the signup gate and its counters, the queue, the fleet worker's saga, one routing
     * entry each), and the home page of a store when 10 stores exist vs when all do, next to its DynamoDB requests.
     */
    private void platformScale() throws Exception {
        int target = options.platformStores();
        int existing = cloud.fleet().routes().size();
        LOG.info("platform scale: {} stores exist, up to 10 first", existing);
        SignupRun toTen = signUp(Math.max(0, 9 - existing), Duration.ofMinutes(2));
        Stores.Store few = seededStore(String.format("bench-p%05d", platformSlugs.incrementAndGet()), FIRST_PRODUCTS);
        int fewCount = cloud.fleet().routes().size();
        // one round discarded first: the 10-store side comes in the JVM's first minutes, the other after thousands
        // of signups have compiled the same code paths (a 2026-12-06 run without it had the 10-store side 27% slower)
        String fewProduct = stores.productIds(few).get(0);
        probes(few, fewProduct, FIRST_PRODUCTS, false);
        Probes atFew = probes(few, fewProduct, FIRST_PRODUCTS, false);
        List<Double> coldFew = firstPagesOfNewStores(options.newStores());

        int missing = Math.max(0, target - cloud.fleet().routes().size() - 1);
        LOG.info(
                "platform scale: signing up {} stores ({} exist)",
                missing,
                cloud.fleet().routes().size());
        CpuMeter.Sample from = CpuMeter.sample();
        SignupRun run = signUp(missing, options.platformBudget());
        double others = CpuMeter.othersShare(from, CpuMeter.sample());
        Stores.Store many = seededStore(String.format("bench-p%05d", platformSlugs.incrementAndGet()), FIRST_PRODUCTS);
        int manyCount = cloud.fleet().routes().size();
        LOG.info("platform scale: {} stores in the fleet", manyCount);
        Probes atMany = probes(many, stores.productIds(many).get(0), FIRST_PRODUCTS, false);
        List<Double> coldMany = firstPagesOfNewStores(options.newStores());

        String manyText = String.format("%,d stores", manyCount);
        String fewText = String.format("%d stores", fewCount);
        report.section(String.format(
                "8a. Scale, platform (issue 11): %,d stores signed up through the real signup "
                        + "path in the local cloud (POST /api/stores -> signup gate -> queue -> fleet worker saga -> routing "
                        + "entry), %d clients; a store's home page at %d stores vs at %,d",
                run.millis().size(), options.clients(), fewCount, manyCount));
        report.row(
                String.format("signups/s, %d clients (POST -> ACTIVE, bcrypt included)", options.clients()),
                Measure.rate(
                        "signups/s",
                        run.millis().size() / run.seconds(),
                        run.millis().size()));
        report.row("signup -> ACTIVE (each signup: its POST to the ACTIVE answer)", Measure.millis(run.millis()));
        report.row(
                "home page (first page), " + manyText,
                atMany.home().latency(),
                "home page, " + fewText,
                atFew.home().latency());
        report.row(
                "  DynamoDB Query+BatchGetItem (home's), " + manyText,
                atMany.query().latency(),
                "same, " + fewText,
                atFew.query().latency());
        report.row(
                "product page, " + manyText,
                atMany.product().latency(),
                "product page, " + fewText,
                atFew.product().latency());
        report.row(
                "first page of a store just signed up (instance created), " + manyText,
                Measure.millis(coldMany),
                "same, " + fewText,
                Measure.millis(coldFew));
        report.note(String.format(
                "8a: %,d signups in %.0f s (%.1f/s with %d clients), %d failed%s, other processes "
                        + "took %.0f%% of the machine meanwhile; %,d stores in the fleet (%d signed up before the 10-store "
                        + "figures, %d failed)",
                run.millis().size(),
                run.seconds(),
                run.millis().size() / run.seconds(),
                options.clients(),
                run.failed(),
                run.failed() == 0 ? "" : " (first: " + run.firstFailure() + ")",
                others * 100,
                manyCount,
                toTen.millis().size(),
                toTen.failed()));
        report.note("8a: the home page of each side is a new store with 10 products (put into the table), measured "
                + "in turn with its DynamoDB requests, the 10-store side after a discarded round; the two sides are minutes apart, so the verdict is relative "
                + "to those requests (as 6a's), with the raw change beside it and judged on its own too");
        relativeVerdict(
                "home page",
                manyText,
                fewText,
                atMany.home(),
                atMany.query(),
                atFew.home(),
                atFew.query(),
                "Query+BatchGetItem",
                "sequential windows",
                "");
        double raw = Report.ratio(atMany.home().latency(), atFew.home().latency());
        report.flatVerdict(
                String.format("flat: home page with %s vs %s, raw (medians)", manyText, fewText), raw, 0.2, "");
    }

    /**
     * 8b. The AWS requests per signup before and after the routing change: the store fleet adapter's requests for
     * one store, counted on the wire (see {@link AwsRequests}).
     */
    private void awsRequests() throws Exception {
        AwsRequests.Count after = AwsRequests.afterRouting();
        AwsRequests.Count before = AwsRequests.beforeRouting();
        report.section("8b. AWS requests per signup (issue 11): the store fleet adapter's requests for one store "
                + "(createFunction + createRoute, as the saga calls them), counted on the wire: real SDK clients over "
                + "ScriptedAws (records every request, answers success), SnapStart off");
        report.row(
                "after the routing change (io.dukan.fleet.AwsStoreFleet: one routing entry)",
                Measure.count("requests", after.total()),
                "before (the adapter of 66d7fa3: API resources)",
                Measure.count("requests", before.total()));
        report.note("8b after (" + after.total() + "): " + describe(after));
        report.note(
                "8b before (" + before.total() + "), the adapter of commit 66d7fa3 copied into io.dukan.bench.before "
                        + "and configured as its test was (stores resource id set, the API answering its root and /s): "
                        + describe(before));
    }

    private static String describe(AwsRequests.Count count) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < count.total(); i++) {
            parts.add(count.services().get(i) + " " + count.operations().get(i));
        }
        return String.join(", ", parts);
    }

    /**
     * A flat target judged on the page's cost relative to the DynamoDB request(s) it needs, each side's measured in
     * turn with its page: what the emulator's own speed does to both cancels out. The raw change and the request's
     * own change are printed beside the verdict.
     */
    private void relativeVerdict(
            String page,
            String many,
            String few,
            Load.Result manyPage,
            Load.Result manyFloor,
            Load.Result fewPage,
            Load.Result fewFloor,
            String floorName,
            String windows,
            String more) {
        double raw = Report.ratio(manyPage.latency(), fewPage.latency());
        double floor = Report.ratio(manyFloor.latency(), fewFloor.latency());
        report.flatVerdict(
                String.format(
                        "flat: %s with %s vs %s, relative to its DynamoDB %s measured in turn " + "(medians)",
                        page, many, few, floorName),
                raw / floor,
                0.2,
                String.format(
                        "raw change %+.0f%%, the " + "%s itself %+.0f%% (%s)%s",
                        (raw - 1) * 100, floorName, (floor - 1) * 100, windows, more));
    }

    /**
     * 6. Catalogue size: the 10-product store next to a store with a full first page and one with {@code
     * scaleProducts} products (seeded straight into the table), all measured in turn with the DynamoDB requests
     * their pages need.
     */
    private void scaleProducts() throws Exception {
        report.section(String.format(
                "6b. Scale, catalogue: warm pages (1 client, requests in turn with their DynamoDB "
                        + "requests) of three new stores with 10, %d and %,d products",
                HOME_PAGE_SIZE, options.scaleProducts()));
        Stores.Store small = seededStore("bench-small-catalog", FIRST_PRODUCTS);
        Stores.Store full = seededStore("bench-full-page", HOME_PAGE_SIZE);
        long start = System.nanoTime();
        Stores.Store big = seededStore("bench-big-catalog", options.scaleProducts());
        LOG.info("{} products seeded in {} ms", options.scaleProducts(), (System.nanoTime() - start) / 1_000_000);
        List<String> bigProducts = stores.productIds(big);
        if (bigProducts.size() != HOME_PAGE_SIZE) {
            throw new IllegalStateException("the big store's home page lists " + bigProducts.size() + " products");
        }
        String bigProduct = bigProducts.get(HOME_PAGE_SIZE / 2);
        String smallProduct = stores.productIds(small).get(0);
        List<Load.Result> r = interleaved(
                "catalogue sizes",
                List.of(
                        i -> page(small, small.home()),
                        i -> page(full, full.home()),
                        i -> page(big, big.home()),
                        i -> page(small, productPath(small, smallProduct)),
                        i -> page(big, productPath(big, bigProduct)),
                        i -> raw.queryHome(small.tenantId(), HOME_PAGE_SIZE) == FIRST_PRODUCTS,
                        i -> raw.queryHome(full.tenantId(), HOME_PAGE_SIZE) == HOME_PAGE_SIZE,
                        i -> raw.queryHome(big.tenantId(), HOME_PAGE_SIZE) == HOME_PAGE_SIZE,
                        i -> raw.getProduct(small.tenantId(), smallProduct),
                        i -> raw.getProduct(big.tenantId(), bigProduct)));
        Load.Result smallHome = r.get(0);
        Load.Result fullHome = r.get(1);
        Load.Result bigHome = r.get(2);
        Load.Result smallProductPage = r.get(3);
        Load.Result bigProductPage = r.get(4);
        Load.Result smallQuery = r.get(5);
        Load.Result fullQuery = r.get(6);
        Load.Result bigQuery = r.get(7);
        Load.Result smallGetItem = r.get(8);
        Load.Result bigGetItem = r.get(9);
        String products = String.format("%,d products", options.scaleProducts());
        String fullPage = HOME_PAGE_SIZE + " products";
        report.row("home page, " + products, bigHome.latency(), "home page, " + fullPage, fullHome.latency());
        report.row(
                "  DynamoDB Query+BatchGetItem (home's), " + products,
                bigQuery.latency(),
                "same, " + fullPage,
                fullQuery.latency());
        report.row("home page, " + products, bigHome.latency(), "home page, 10 products", smallHome.latency());
        report.row(
                "  DynamoDB Query+BatchGetItem (home's), " + products,
                bigQuery.latency(),
                "same, 10 products",
                smallQuery.latency());
        report.row(
                "product page, " + products,
                bigProductPage.latency(),
                "product page, 10 products",
                smallProductPage.latency());
        report.row(
                "  DynamoDB GetItem (product), " + products,
                bigGetItem.latency(),
                "same, 10 products",
                smallGetItem.latency());
        // DynamoDB Local (SQLite) slows down as its table grows, DynamoDB does not: as in 6a the verdict is on the
        // page's cost relative to the requests it needs, each measured in turn with its page. Same page size on both
        // sides (24 cards); the 10-product store renders 10.
        relativeVerdict(
                "home page",
                products,
                fullPage + " (same page size)",
                bigHome,
                bigQuery,
                fullHome,
                fullQuery,
                "Query+BatchGetItem",
                "in turn",
                String.format(
                        "; vs 10 products (10 cards): raw %+.0f%%",
                        (Report.ratio(bigHome.latency(), smallHome.latency()) - 1) * 100));
        report.flatVerdict(
                "flat: product page with " + products + " vs 10 products (median)",
                Report.ratio(bigProductPage.latency(), smallProductPage.latency()),
                0.2,
                String.format(
                        "the GetItem itself %+.0f%%",
                        (Report.ratio(bigGetItem.latency(), smallGetItem.latency()) - 1) * 100));
        report.note("scale: every store compared is new (its instance as young as the other's), its products put "
                + "straight into the table as DynamoDbProducts lays them out. The home page lists the newest "
                + HOME_PAGE_SIZE + " products, so with 10 it renders 10, hence the " + HOME_PAGE_SIZE
                + "-product comparison. DynamoDB Local keeps its table in SQLite and its Query+BatchGetItem slows as "
                + "the table grows (DynamoDB's latency does not depend on table size), so the catalogue's home-page "
                + "target is judged relative to the page's own Query+BatchGetItem, as the stores' is");
    }

    /** 7. Peak RSS of the cold-start children, and this JVM's RSS with many store instances loaded. */
    private void memory() throws Exception {
        int before = cloud.instanceCount();
        double heapBefore = heapAfterGc();
        long deadline =
                System.nanoTime() + Duration.ofMinutes(options.quick() ? 2 : 5).toNanos();
        List<Double> coldStarts = new ArrayList<>();
        Set<String> live = cloud.fleet().functions().keySet().stream()
                .filter(cloud.fleet()::isLive)
                .collect(Collectors.toSet());
        for (Stores.Store store : scalePool) {
            if (cloud.instanceCount() >= options.loadedInstances() || System.nanoTime() > deadline) {
                break;
            }
            if (!live.contains(store.tenantId())) {
                long t0 = System.nanoTime();
                expect(http.status(store.home()), 200);
                coldStarts.add((System.nanoTime() - t0) / 1e6);
            }
        }
        int after = cloud.instanceCount();
        double rssAfter = ProcStatus.selfMegabytes("VmRSS");
        double heapAfter = heapAfterGc();
        LOG.info("{} store instances loaded", after);
        report.section("7. Memory: peak RSS (VmHWM) of the cold-start children; RSS of this JVM (local cloud: "
                + "gateway, functions, DynamoDB Local, s3mock; and the bench)");
        for (String label : List.of(C1, "default JIT")) {
            report.row(
                    "shop function child, " + label,
                    memory.get("shopRss " + label),
                    "bare handler, " + label,
                    memory.get("floorRss " + label));
        }
        report.row("local cloud JVM RSS, " + after + " store instances", Measure.single("MB", rssAfter));
        if (after > before) {
            report.row(
                    "  live heap per store instance (after full GC)",
                    Measure.single("MB", (heapAfter - heapBefore) / (after - before)));
        }
        report.row("local cloud JVM peak RSS (VmHWM)", Measure.single("MB", ProcStatus.selfMegabytes("VmHWM")));
        report.note(String.format(
                "memory: the local cloud's RSS follows G1's heap sizing (max heap %d MB; it grows "
                        + "with the allocation rate of the load phases and shrinks after a full GC) more than its live data, "
                        + "so no per-instance RSS is derived from it; the live heap per instance is the used heap after a "
                        + "full GC, before and after loading %d instances, over the instances added. The instances share "
                        + "their classes (one classpath), which Lambda instances do not",
                Runtime.getRuntime().maxMemory() / (1024 * 1024), after - before));
        if (!coldStarts.isEmpty()) {
            report.row("first request, new instance, " + after + " loaded", Measure.millis(coldStarts));
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Load.Result load(String name, int clients, Load.Op op) throws InterruptedException {
        Load.Result result = Load.run(clients, options.warmup(), options.window(), options.maxOpsPerWindow(), op);
        if (result.failed() > 0 || result.ok() == 0) {
            report.note(String.format(
                    "%s: %,d failed of %,d (first: %s)",
                    name, result.failed(), result.failed() + result.ok(), result.firstFailure()));
        }
        return result;
    }

    private List<Load.Result> interleaved(String name, List<Load.Op> ops) throws InterruptedException {
        List<Load.Result> results = Load.interleaved(
                ops,
                options.warmupRounds(),
                options.warmupLimit(),
                options.window().multipliedBy(3),
                options.maxOpsPerWindow());
        for (int i = 0; i < results.size(); i++) {
            Load.Result result = results.get(i);
            if (result.failed() > 0 || result.ok() == 0) {
                report.note(String.format(
                        "%s, request %d of %d: %,d failed of %,d (first: %s)",
                        name,
                        i + 1,
                        results.size(),
                        result.failed(),
                        result.failed() + result.ok(),
                        result.firstFailure()));
            }
        }
        return results;
    }

    private static boolean expect(int status, int expected) {
        if (status != expected) {
            throw new IllegalStateException("status " + status + ", expected " + expected);
        }
        return true;
    }

    private static String productPath(Stores.Store store, String productId) {
        return "/s/" + store.slug() + "/products/" + productId;
    }

    /** What the local cloud gives a store's instance as properties, as strings for a child's arguments. */
    private Map<String, String> storeProperties(LocalStoreFleet.StoreFunction function) {
        Map<String, String> properties = new LinkedHashMap<>();
        cloud.storeProperties(function).forEach((name, value) -> properties.put(name, String.valueOf(value)));
        return properties;
    }

    /**
     * The children's classes as a jar (target/bench-cds/children.jar): CDS archives only classes from jars, and
     * refuses a classpath with a non-empty directory, so the children must not run from target/classes.
     */
    private String benchClasses() throws URISyntaxException, IOException {
        return classesJar("children.jar", "io/dukan/bench/child");
    }

    /**
     * The bean definitions the bench's compilation made (the Micronaut floor's controller), in a jar of their own:
     * only the Micronaut floor's classpath has them, so the shop's children never see that controller.
     */
    private String micronautFloorBeans() throws URISyntaxException, IOException {
        return classesJar("micronaut-floor-beans.jar", "META-INF/micronaut");
    }

    /** The bench's compiled files under {@code folder}, as a jar (CDS archives only take classes from jars). */
    private String classesJar(String name, String folder) throws URISyntaxException, IOException {
        Path classes = Path.of(
                Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(classes)) {
            return classes.toString();
        }
        Path jar = Files.createDirectories(
                        options.out().toAbsolutePath().getParent().resolve("bench-cds"))
                .resolve(name);
        Path root = classes.resolve(folder);
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(root)) {
            // directories get entries too: Micronaut finds its bean definitions by listing a folder's resources
            for (Path file : files.sorted().toList()) {
                String entry = classes.relativize(file).toString().replace(File.separatorChar, '/');
                out.putNextEntry(new java.util.jar.JarEntry(Files.isDirectory(file) ? entry + "/" : entry));
                if (Files.isRegularFile(file)) {
                    Files.copy(file, out);
                }
                out.closeEntry();
            }
        }
        return jar.toString();
    }

    /**
     * The floor's deployment: the bench's classes plus only what a bare handler with the DynamoDB client needs
     * (the Lambda interfaces and events; the SDK's DynamoDB client, its core, and the URL-connection client: the
     * runtime dependencies of {@code dynamodb} with Apache and Netty excluded, as dukan-aws has them), taken from
     * this JVM's classpath. No Micronaut, no other service client, no logging backend.
     */
    private static String floorClasspath(String benchClasses) {
        return floorClasspath(benchClasses, false);
    }

    /** Micronaut modules the shop function leaves out (functions/{aws,shop,provisioning}/pom.xml), so the Micronaut floor does too. */
    private static final Set<String> MICRONAUT_LEFT_OUT =
            Set.of("micronaut-http-client-core", "micronaut-discovery-core", "micronaut-reactor");

    /**
     * The floor's jars; {@code micronaut}: also Micronaut's (the modules the shop jar ships, no Logback: SLF4J
     * without a binding logs nothing) for {@link io.dukan.bench.child.MicronautFloorColdStart}.
     */
    private static String floorClasspath(String benchClasses, boolean micronaut) {
        Set<String> sdk = Set.of(
                "dynamodb",
                "url-connection-client",
                "aws-json-protocol",
                "protocol-core",
                "profiles",
                "retries-spi",
                "retries",
                "http-auth-aws",
                "http-auth-aws-eventstream",
                "http-auth-spi",
                "http-auth",
                "identity-spi",
                "http-client-spi",
                "sdk-core",
                "auth",
                "regions",
                "aws-core",
                "annotations",
                "utils",
                "utils-lite",
                "metrics-spi",
                "json-utils",
                "endpoints-spi",
                "third-party-jackson-core",
                "checksums",
                "checksums-spi");
        List<String> entries = new ArrayList<>(List.of(benchClasses));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace(File.separatorChar, '/');
            String[] parts = path.split("/");
            if (!path.endsWith(".jar") || parts.length < 4) {
                continue;
            }
            String artifact = parts[parts.length - 3]; // …/{group path}/{artifact}/{version}/{file}.jar
            String group = String.join("/", Arrays.asList(parts).subList(0, parts.length - 3));
            boolean needed = (group.endsWith("/software/amazon/awssdk") && sdk.contains(artifact))
                    || (group.endsWith("/software/amazon/eventstream") && artifact.equals("eventstream"))
                    || (group.endsWith("/com/amazonaws")
                            && (artifact.equals("aws-lambda-java-core") || artifact.equals("aws-lambda-java-events")))
                    || (group.endsWith("/org/reactivestreams") && artifact.equals("reactive-streams"))
                    || (group.endsWith("/org/slf4j") && artifact.equals("slf4j-api"))
                    || (micronaut && group.contains("/io/micronaut") && !MICRONAUT_LEFT_OUT.contains(artifact))
                    || (micronaut && group.endsWith("/io/projectreactor") && artifact.equals("reactor-core"))
                    || (micronaut && (group.endsWith("/jakarta/inject") || group.endsWith("/jakarta/annotation")))
                    || (micronaut
                            && group.endsWith("/com/fasterxml/jackson/core")
                            && (artifact.equals("jackson-core") || artifact.equals("jackson-annotations")));
            if (needed) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static double heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private List<String> header(String started, double seconds) {
        Runtime runtime = Runtime.getRuntime();
        List<String> lines = new ArrayList<>();
        lines.add("Dukan benchmark, " + (options.quick() ? "QUICK run (fewer runs, short windows)" : "full run") + ", "
                + started + ", took " + Math.round(seconds) + " s");
        lines.add("command: mvn -Pbench verify" + (options.quick() ? " -Dbench.quick=true" : "")
                + (options.only().isEmpty()
                        ? ""
                        : " -Dbench.only=" + String.join(",", options.only()) + "   (ONLY these phases)")
                + (options.platformStores()
                                == (options.quick() ? BenchOptions.QUICK_PLATFORM_STORES : BenchOptions.PLATFORM_STORES)
                        ? ""
                        : " -Dbench.scale-stores=" + options.platformStores())
                + "   (results also in " + shortPath(options.out()) + ")");
        lines.add(String.format(
                "machine: %d cores, %.1f GB RAM, %s %s; java %s (%s)",
                runtime.availableProcessors(),
                memTotalGigabytes(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name")));
        lines.add("this JVM (local cloud + bench clients, as -Prun plus the gateway's TCP_NODELAY): "
                + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()) + ", max heap "
                + runtime.maxMemory() / (1024 * 1024) + " MB; DynamoDB Local in memory; instances never reclaimed");
        lines.add("children: java [" + C1 + " | default] -cp <bench classes + shop jar | bench classes + SDK jars> "
                + "(" + options.shopJar().getFileName() + ")");
        lines.add(String.format(
                "sizes: %d cold runs per kind (+1 discarded), %d new stores, windows %.1f s after "
                        + "%.1f s warm-up, %d clients, %,d stores, %,d products, %d instances, %,d platform stores (8a)",
                options.coldRuns(),
                options.newStores(),
                options.window().toMillis() / 1000.0,
                options.warmup().toMillis() / 1000.0,
                options.clients(),
                options.scaleStores(),
                options.scaleProducts(),
                options.loadedInstances(),
                options.platformStores()));
        lines.add("loopback only; DynamoDB Local and s3mock are emulators, not AWS: ratios travel better than "
                + "absolute figures. Ratio = cost / floor's cost (for rates: floor rate / rate); > 1 is slower.");
        return lines;
    }

    private String shortPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(options.projectRoot())
                ? options.projectRoot().relativize(absolute).toString()
                : absolute.toString();
    }

    private static double memTotalGigabytes() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:"))
                    .findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024.0 * 1024.0))
                    .orElse(Double.NaN);
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary folder: what cannot be deleted now is left to the OS
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
