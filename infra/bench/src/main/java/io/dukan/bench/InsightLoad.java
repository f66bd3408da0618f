package io.dukan.bench;

import io.dukan.local.client.Stores;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Section 9 (issue 13's aggregates): stores signed up and orders placed through the real handlers over HTTP (the
 * local cloud's gateway, checkout as a shopper does it), while the local cloud's stream poller feeds the order
 * aggregator as Lambda's event source mapping would; then how long the aggregates took to catch up after the last
 * order, whether the operator console's totals equal what was ordered, and what the console's page costs.
 */
final class InsightLoad {

    static final String TOKEN = "bench-operator-token-0123456789abcdef";
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
            long streamRecords) {}

    private final Stores stores;
    private final String base;
    private final HttpClient client = HttpClient.newHttpClient();

    InsightLoad(Stores stores, String base) {
        this.stores = stores;
        this.base = base;
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

        long placing = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService shoppers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            running.add(shoppers.submit(() -> {
                for (int k = next.getAndIncrement(); k < orderCount; k = next.getAndIncrement()) {
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
        shoppers.shutdown();
        long lastPlaced = System.nanoTime();
        double placingSeconds = (lastPlaced - placing) / 1e9;

        long[] seen = consoleOrders();
        long deadline = lastPlaced + 600_000_000_000L;
        while (seen[0] - before[0] < orderCount && System.nanoTime() < deadline) {
            Thread.sleep(200);
            seen = consoleOrders();
        }
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
        return new Result(
                storeCount,
                orderCount,
                signupSeconds,
                placingSeconds,
                catchUp,
                seen[0] - before[0],
                BigDecimal.valueOf(seen[1] - before[1], 2),
                page,
                streamRecords.getAsLong());
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
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Accept", "text/html,*/*;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
