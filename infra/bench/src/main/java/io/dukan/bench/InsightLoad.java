package io.dukan.bench;

import io.dukan.core.operator.Totp;
import io.dukan.local.client.Stores;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Section 9 (issue 13's aggregates): stores signed up and orders placed through the real handlers over HTTP (the
 * local cloud's gateway, checkout as a shopper does it), while the local cloud's stream poller feeds the order
 * aggregator as Lambda's event source mapping would; then how long the aggregates took to catch up after the last
 * order, whether the operator console's totals equal what was ordered, and what the console's page costs: its
 * latency, and the DynamoDB requests it sends at 1/20 of the orders and at all of them ({@link DynamoCalls}).
 */
final class InsightLoad {

    static final String TOKEN = "bench-operator-token-0123456789abcdef";
    private static final String SIGN_IN_CSRF = "benchsignincsrftokenabcdef";
    static final int PRICE_RUPEES = 250;

    record Result(
            int stores,
            int orders,
            double signupSeconds,
            double placingSeconds,
            double catchUpMillis,
            long consoleOrders,
            BigDecimal consoleSales,
            List<Double> pageMillis,
            long streamRecords,
            Reads analysisEarly,
            Reads analysisAll,
            Reads storesList) {}

    /**
     * The DynamoDB requests one console page cost, counted by {@link DynamoCalls} on the gateway's threads (the
     * thread that runs the function for that request) over {@code samples} requests of the page one after another:
     * {@code page} is the costliest sample by operation ({requests, items}); {@code same} whether every sample cost
     * the same requests; {@code others} every other thread's DynamoDB requests meanwhile (stream poller, queues,
     * schedules), which are not the page's.
     */
    record Reads(
            String path,
            long ordersAggregated,
            int samples,
            Map<String, long[]> page,
            boolean same,
            Map<String, Map<String, long[]>> others) {

        long requests() {
            return DynamoCalls.Window.requests(page);
        }

        Map<String, Long> requestsByOperation() {
            Map<String, Long> ops = new TreeMap<>();
            page.forEach((op, c) -> ops.put(op, c[0]));
            return ops;
        }
    }

    /** Where the local gateway runs the functions (LocalApiGateway's worker threads: gateway-1, gateway-2, …). */
    static final String GATEWAY_THREADS = "gateway-";

    private final Stores stores;
    private final String base;
    private final HttpClient client = HttpClient.newHttpClient();
    private final Path operatorFile;
    private String operatorCookie;

    /**
     * @param operatorFile the local cloud's first operator ({@code operator.properties} in its data folder): the
     *     console's pages are read signed in as that operator, with a TOTP code, as a person would
     */
    InsightLoad(Stores stores, String base, Path operatorFile) {
        this.stores = stores;
        this.base = base;
        this.operatorFile = operatorFile;
    }

    /** Signs in to the console (e-mail, password, TOTP code) and keeps its session cookie. */
    private void signIn() throws IOException, InterruptedException {
        Properties operator = new Properties();
        try (Reader in = Files.newBufferedReader(operatorFile, StandardCharsets.UTF_8)) {
            operator.load(in);
        }
        String form = "email=" + URLEncoder.encode(operator.getProperty("email"), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(operator.getProperty("password"), StandardCharsets.UTF_8)
                + "&code=" + Totp.code(operator.getProperty("totpSecret"), Instant.now())
                + "&_csrf=" + SIGN_IN_CSRF; // the double-submit token a browser gets from the sign-in page
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(base + "/operator/signin"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "dukan_csrf=" + SIGN_IN_CSRF)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        operatorCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("dukan_op="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "the operator's sign-in answered " + response.statusCode() + " without a session cookie"));
    }

    Result run(int storeCount, int orderCount, java.util.function.LongSupplier streamRecords) throws Exception {
        long began = System.nanoTime();
        List<Stores.Store> opened = new ArrayList<>();
        List<String> productOf = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis() % 100_000, 36);
        for (int i = 0; i < storeCount; i++) {
            Stores.Store store = stores.signup("agg-" + run + "-" + i).store();
            Stores.Session owner = stores.login(store);
            stores.addProduct(store, owner, "Bench item " + i, Integer.toString(PRICE_RUPEES), 1_000_000);
            opened.add(store);
            productOf.add(stores.productIds(store).get(0));
        }
        double signupSeconds = (System.nanoTime() - began) / 1e9;
        long[] before = consoleOrders();

        // the orders in two parts, the aggregates caught up after each: the pages' reads are counted at 1/20 of the
        // orders and at all of them, in one run
        int early = Math.max(1, orderCount / 20);
        double placingSeconds = place(opened, productOf, 0, early);
        long[] seen = awaitAggregates(before, early, System.nanoTime(), streamRecords);
        Reads analysisEarly = reads("/operator/analysis?months=12", seen[0] - before[0]);

        placingSeconds += place(opened, productOf, early, orderCount);
        long lastPlaced = System.nanoTime();
        seen = awaitAggregates(before, orderCount, lastPlaced, null);
        double catchUp = (System.nanoTime() - lastPlaced) / 1e6;
        List<Double> page = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            int status = get("/operator/analysis?months=12").statusCode();
            if (status != 200) {
                throw new IllegalStateException("the analysis page answered " + status);
            }
            page.add((System.nanoTime() - start) / 1e6);
        }
        awaitQuietStream(streamRecords);
        Reads analysisAll = reads("/operator/analysis?months=12", seen[0] - before[0]);
        Reads storesList = reads("/operator/stores", seen[0] - before[0]);
        return new Result(
                storeCount,
                orderCount,
                signupSeconds,
                placingSeconds,
                catchUp,
                seen[0] - before[0],
                BigDecimal.valueOf(seen[1] - before[1], 2),
                page,
                streamRecords.getAsLong(),
                analysisEarly,
                analysisAll,
                storesList);
    }

    /** Orders {@code from} (inclusive) to {@code to} (exclusive), round robin over the stores, by 4 shoppers: seconds taken. */
    private double place(List<Stores.Store> opened, List<String> productOf, int from, int to) throws Exception {
        long placing = System.nanoTime();
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService shoppers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                running.add(shoppers.submit(() -> {
                    for (int k = next.getAndIncrement(); k < to; k = next.getAndIncrement()) {
                        int s = k % opened.size();
                        Stores.Session shopper = stores.shopper(opened.get(s), productOf.get(s));
                        stores.order(opened.get(s), shopper, productOf.get(s));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            shoppers.shutdown();
        }
        return (System.nanoTime() - placing) / 1e9;
    }

    /** Polls the console's CSV until it counts {@code orders} more than {@code before} (10 minutes at most). */
    private long[] awaitAggregates(long[] before, int orders, long since, java.util.function.LongSupplier stream)
            throws Exception {
        long[] seen = consoleOrders();
        long deadline = since + 600_000_000_000L;
        while (seen[0] - before[0] < orders && System.nanoTime() < deadline) {
            Thread.sleep(200);
            seen = consoleOrders();
        }
        if (stream != null) {
            awaitQuietStream(stream);
        }
        return seen;
    }

    /**
     * Waits until the stream poller has handed the aggregator nothing new for a second (30 s at most): the orders'
     * later records (stock, counters) are applied too, so the pages are counted on aggregates at rest.
     */
    private static void awaitQuietStream(java.util.function.LongSupplier stream) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long last = stream.getAsLong();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            long now = stream.getAsLong();
            if (now == last) {
                return;
            }
            last = now;
        }
    }

    /** The DynamoDB requests of {@code path}, requested 3 times one after another (see {@link Reads}). */
    private Reads reads(String path, long ordersAggregated) throws Exception {
        get(path); // signed in, and the page's first request after the wait (caches) not among the samples
        Map<String, long[]> costliest = Map.of();
        Map<String, Map<String, long[]>> others = new TreeMap<>();
        boolean same = true;
        Map<String, Long> first = null;
        int samples = 3;
        for (int i = 0; i < samples; i++) {
            DynamoCalls.Window<HttpResponse<String>> window = DynamoCalls.during(() -> get(path));
            if (window.result().statusCode() != 200) {
                throw new IllegalStateException(
                        path + " answered " + window.result().statusCode());
            }
            Map<String, long[]> page = window.of(GATEWAY_THREADS);
            if (page.isEmpty()) {
                throw new IllegalStateException(
                        "no DynamoDB request counted for " + path + " (" + DynamoCalls.clientsSeen()
                                + " SDK clients built with the counter): is the bench's global interceptor resource on the "
                                + "classpath? All DynamoDB requests meanwhile: "
                                + window.byThread().entrySet().stream()
                                        .map(e -> e.getKey() + ": " + DynamoCalls.Window.describe(e.getValue()))
                                        .collect(java.util.stream.Collectors.joining("; ")));
            }
            Map<String, Long> ops = new TreeMap<>();
            page.forEach((op, c) -> ops.put(op, c[0]));
            if (first == null) {
                first = ops;
            } else if (!first.equals(ops)) {
                same = false;
            }
            if (DynamoCalls.Window.requests(page) > DynamoCalls.Window.requests(costliest)) {
                costliest = page;
            }
            window.others(GATEWAY_THREADS)
                    .forEach((thread, calls) -> calls.forEach((op, c) -> {
                        long[] sum = others.computeIfAbsent(thread, t -> new TreeMap<>())
                                .computeIfAbsent(op, o -> new long[2]);
                        sum[0] += c[0];
                        sum[1] += c[1];
                    }));
        }
        return new Reads(path, ordersAggregated, samples, costliest, same, others);
    }

    /** The console's orders and PKR sales (minor units) of the last 12 months, from its CSV. */
    long[] consoleOrders() throws IOException, InterruptedException {
        HttpResponse<String> csv = get("/operator/analysis/months.csv?months=12");
        if (csv.statusCode() != 200) {
            throw new IllegalStateException("months.csv answered " + csv.statusCode() + ": " + csv.body());
        }
        long orders = 0;
        long sales = 0;
        String[] lines = csv.body().split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            if (cells[1].equals(Stores.CURRENCY)) {
                orders += Long.parseLong(cells[2]);
                sales += new BigDecimal(cells[4]).movePointRight(2).longValueExact();
            }
        }
        return new long[] {orders, sales};
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        if (operatorCookie == null) {
            signIn();
        }
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Cookie", operatorCookie)
                        .header("Accept", "text/html,*/*;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
