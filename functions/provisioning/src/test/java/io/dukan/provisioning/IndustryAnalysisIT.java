package io.dukan.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.InsightAggregator;
import io.dukan.aws.dynamodb.TestCatalog;
import io.dukan.aws.dynamodb.TestInsight;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.CountedDynamoDb;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.aws.testing.StreamDrain;
import io.dukan.core.catalog.Product;
import io.dukan.core.operator.OperatorAuth;
import io.dukan.core.operator.Totp;
import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderAdminService;
import io.dukan.core.order.OrderLine;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.PlaceOrderTestData;
import io.dukan.core.testing.ProductTestData;
import io.dukan.core.testing.RecordingQueue;
import io.dukan.web.i18n.Zones;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Orders across 20 stores in five countries and four currencies, placed through the real checkout over the real
 * adapters (some then cancelled by their owner), the table's stream applied by the aggregator: the console's
 * totals equal a recount of the orders themselves, per currency, month and product origin; and the analysis page
 * costs the same DynamoDB requests with 50 orders as with 500.
 */
class IndustryAnalysisIT {

    static final String OPERATOR = "analyst@dukan.example";
    static final String PASSWORD = "correct horse battery staple";
    static final String[][] COUNTRIES = {{"PK", "PKR"}, {"CN", "CNY"}, {"AE", "AED"}, {"FR", "EUR"}, {"ES", "EUR"}};
    static final String[][] TRADE = {{"0813.10", "PK"}, {"0910.20", "AF"}, {"5208.11", "CN"}, {"6109.10", "TR"}};

    static Emulators emulators;
    static CountedDynamoDb counted;
    static ProvisioningFunction function;
    static StreamDrain stream;
    static InsightAggregator aggregator;
    static OrderAdminService admin;
    static final List<StoreSettings> stores = new ArrayList<>();
    static final Map<String, List<Product>> products = new HashMap<>();
    static final Map<String, String> originOf = new HashMap<>();
    static final Random random = new Random(13);
    /** The signed-in operator's session cookie ({@code dukan_op=…}), as {@link OperatorConsoleIT} signs in. */
    static String session;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        counted = new CountedDynamoDb(emulators);
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.fleet.mode", "local");
        function = new ProvisioningFunction(
                ApplicationContext.builder().properties(properties).singletons(new RecordingQueue(), counted.client()));
        aggregator = function.getApplicationContext().getBean(InsightAggregator.class);
        String secret = function.getApplicationContext()
                .getBean(OperatorAuth.class)
                .create(OPERATOR, PASSWORD, null, "test")
                .totpSecret();
        APIGatewayProxyResponseEvent signedIn = function.handleRequest(
                ProxyEvents.form(
                        "/operator/signin",
                        "email=" + OPERATOR.replace("@", "%40") + "&password=" + PASSWORD.replace(' ', '+') + "&code="
                                + Totp.code(secret, Instant.now())),
                null);
        assertThat(signedIn.getStatusCode()).as(signedIn.getBody()).isEqualTo(303);
        String cookie = OperatorConsoleIT.setCookies(signedIn).stream()
                .filter(c -> c.startsWith(OperatorConsole.COOKIE + "="))
                .findFirst()
                .orElseThrow();
        session = cookie.substring(0, cookie.indexOf(';'));
        stream = new StreamDrain(emulators);
        admin = TestInsight.orderAdmin(emulators);
        for (int i = 0; i < 20; i++) {
            String[] place = COUNTRIES[i % COUNTRIES.length];
            StoreSettings store = TestInsight.openStore(
                    emulators, "shop-" + i, place[1], place[0], Instant.now().minusSeconds(3600));
            TestStores.acceptBankTransfer(emulators, store.tenantId());
            List<Product> own = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                String[] trade = TRADE[(i + p) % TRADE.length];
                Product product = TestCatalog.add(
                        emulators,
                        store.tenantId(),
                        TestInsight.withTradeFacts(
                                ProductTestData.aProduct()
                                        .named("Product " + i + "-" + p)
                                        .pricedAt(new Money(1_000 + 250L * (i + p), place[1]))
                                        .withStock(100_000)
                                        .build(),
                                trade[0],
                                trade[1]));
                own.add(product);
                originOf.put(product.id().value(), trade[1]);
            }
            products.put(store.tenantId().value(), own);
            stores.add(store);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        stream.close();
        function.close();
        counted.close();
        emulators.close();
    }

    /** {@code n} orders, round robin over the stores, 1–3 lines each; every seventh cancelled by its owner. */
    static void placeOrders(int n, int offset) {
        for (int k = 0; k < n; k++) {
            StoreSettings store = stores.get((offset + k) % stores.size());
            List<Product> own = products.get(store.tenantId().value());
            PlaceOrderTestData order = PlaceOrderTestData.anOrderOf(own.get(random.nextInt(2)), 1 + random.nextInt(3))
                    .payingBy(random.nextBoolean() ? PaymentMethod.CASH_ON_DELIVERY : PaymentMethod.BANK_TRANSFER)
                    .deliveredTo(store.country(), "");
            if (random.nextBoolean()) {
                order.and(own.get(1), 1);
            }
            Order placed = TestStores.placeOrder(emulators, store, order.build());
            if ((offset + k) % 7 == 3) {
                admin.cancel(store.tenantId(), placed.code(), "owner", placed.version());
            }
        }
        stream.drain(aggregator);
    }

    static APIGatewayProxyResponseEvent get(String path) {
        // what a browser sends, for a page and for a link to a download
        String accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        return function.handleRequest(
                ProxyEvents.event("GET", path, null, Map.of("Cookie", session, "Accept", accept)), null);
    }

    /** currency → [orders, sales in minor units] of the orders that count (not cancelled), recounted from them. */
    static Map<String, long[]> recountByCurrency() {
        Map<String, long[]> sums = new TreeMap<>();
        for (StoreSettings store : stores) {
            for (Order o : TestInsight.allOrders(emulators, store.tenantId())) {
                if (o.fulfilmentStatus() == FulfilmentStatus.CANCELLED) {
                    continue;
                }
                long[] s = sums.computeIfAbsent(o.total().currency(), c -> new long[2]);
                s[0]++;
                s[1] += o.total().minor();
            }
        }
        return sums;
    }

    static Map<String, Long> recountSalesByOrigin() {
        Map<String, Long> sums = new TreeMap<>();
        for (StoreSettings store : stores) {
            for (Order o : TestInsight.allOrders(emulators, store.tenantId())) {
                if (o.fulfilmentStatus() == FulfilmentStatus.CANCELLED) {
                    continue;
                }
                for (OrderLine line : o.lines()) {
                    sums.merge(
                            originOf.get(line.productId().value()) + "/"
                                    + o.total().currency(),
                            line.unitPrice().minor() * line.quantity(),
                            Long::sum);
                }
            }
        }
        return sums;
    }

    /** The CSV's rows summed by (its first or first two columns), sales back in minor units. */
    static Map<String, long[]> csvSums(String table, boolean byKey) {
        APIGatewayProxyResponseEvent csv = get("/operator/analysis/" + table + ".csv?months=3");
        assertThat(csv.getStatusCode()).as(csv.getBody()).isEqualTo(200);
        assertThat(csv.getHeaders().get("Content-Type")).startsWith("text/csv");
        Map<String, long[]> sums = new TreeMap<>();
        String[] lines = csv.getBody().split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            String key = byKey ? cells[0] + "/" + cells[1] : cells[1];
            long[] s = sums.computeIfAbsent(key, k -> new long[2]);
            s[0] += Long.parseLong(cells[2]);
            s[1] += new BigDecimal(cells[4]).movePointRight(2).longValueExact();
        }
        return sums;
    }

    Map<String, Integer> requestsOfThePage() {
        counted.reset();
        APIGatewayProxyResponseEvent page = get("/operator/analysis?months=12");
        assertThat(page.getStatusCode()).isEqualTo(200);
        return counted.calls();
    }

    @Test
    void theConsolesTotals_equalARecountOfTheOrders_andThePageCostsTheSameWith50And500Orders() {
        placeOrders(50, 0);

        Map<String, long[]> recount = recountByCurrency();
        Map<String, long[]> console = csvSums("months", false);
        assertThat(console.keySet()).containsExactlyInAnyOrder("PKR", "CNY", "AED", "EUR");
        recount.forEach(
                (currency, s) -> assertThat(console.get(currency)).as(currency).containsExactly(s[0], s[1]));
        Map<String, long[]> byOrigin = csvSums("origins", true);
        recountSalesByOrigin()
                .forEach(
                        (key, sales) -> assertThat(byOrigin.get(key)[1]).as(key).isEqualTo(sales));

        String page = get("/operator/analysis?months=12").getBody();
        assertThat(page)
                .containsPattern("id=\"active-stores\"><span class=\"muted\">[^<]*</span><b>20</b>")
                .contains("<svg class=\"chart\" id=\"chart-countries\"")
                .contains("Pakistan (PK)")
                .contains("Afghanistan (AF)");
        Map<String, Integer> at50 = requestsOfThePage();

        placeOrders(450, 50);
        Map<String, long[]> after = csvSums("months", false);
        recountByCurrency()
                .forEach((currency, s) ->
                        assertThat(after.get(currency)).as(currency).containsExactly(s[0], s[1]));
        Map<String, Integer> at500 = requestsOfThePage();

        assertThat(at500).isEqualTo(at50);
        // at most 8 reads of the aggregates, plus the console gate's one read of the operator's session
        assertThat(at500.values().stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(9);
        System.out.println("analysis page DynamoDB requests with 50 and with 500 orders: " + at500);
    }

    @Test
    void withoutAnOperatorSession_thePagesAreRefused_theOldBearerTokenIncluded() {
        var none = function.handleRequest(
                ProxyEvents.event("GET", "/operator/analysis", null, Map.of("Accept", "text/html")), null);
        var bearer = function.handleRequest(
                ProxyEvents.event(
                        "GET",
                        "/operator/analysis/months.csv",
                        null,
                        Map.of("Authorization", "Bearer operator-token-for-the-analysis-it-0123456789")),
                null);
        var forged = function.handleRequest(
                ProxyEvents.event(
                        "GET",
                        "/operator/analysis/months.csv",
                        null,
                        Map.of("Cookie", OperatorConsole.COOKIE + "=forgedforgedforgedforgedfo", "Accept", "text/csv")),
                null);
        assertThat(none.getStatusCode()).isEqualTo(303);
        assertThat(none.getHeaders().get("Location")).isEqualTo("/operator/signin");
        for (var refused : List.of(bearer, forged)) {
            assertThat(refused.getStatusCode()).isIn(303, 401);
            assertThat(String.valueOf(refused.getBody())).doesNotContain("PKR");
        }
    }

    @Test
    void thePage_isTheConsolesPage_withItsNavigation() {
        String page = get("/operator/analysis").getBody();
        assertThat(page)
                .contains("<nav aria-label=")
                .contains("href=\"/operator/analysis\" aria-current=\"page\"")
                .contains("href=\"/operator/stores\"")
                .contains(OPERATOR)
                .contains("action=\"/operator/signout\"");
    }

    @Test
    void theStoresList_showsEachStoresOrdersOf30Days_fromTheAggregates_inSixBatchReadsFor20Stores() {
        placeOrders(40, 7);
        Map<TenantId, ZoneId> page = new HashMap<>();
        stores.forEach(store -> page.put(store.tenantId(), Zones.forCountry(store.country())));
        io.dukan.core.operator.StoreFigures figures =
                function.getApplicationContext().getBean(io.dukan.core.operator.StoreFigures.class);

        counted.reset();
        Map<TenantId, io.dukan.core.operator.StoreFigures.Last30Days> sums = figures.last30Days(page);
        // 20 stores × 30 day keys = 600 keys, 100 per BatchGetItem: 6 requests, and nothing else
        assertThat(counted.calls()).isEqualTo(Map.of("BatchGetItem", 6));

        for (StoreSettings store : stores) {
            long orders = 0;
            long sales = 0;
            for (Order o : TestInsight.allOrders(emulators, store.tenantId())) {
                if (o.fulfilmentStatus() != FulfilmentStatus.CANCELLED) {
                    orders++;
                    sales += o.total().minor();
                }
            }
            var own = sums.get(store.tenantId());
            if (orders == 0) {
                assertThat(own == null || own.orders() == 0)
                        .as(store.slug().value())
                        .isTrue();
                continue;
            }
            assertThat(own).as(store.slug().value()).isNotNull();
            assertThat(own.orders()).as(store.slug().value()).isEqualTo(orders);
            assertThat(own.salesMinor()).as(store.slug().value()).isEqualTo(sales);
            assertThat(own.currency()).isEqualTo(store.currency());
        }

        StoreSettings one = stores.get(3);
        String list = get("/operator/stores?q=" + one.slug().value()).getBody();
        assertThat(list)
                .contains("/operator/stores/" + one.slug().value() + "\"")
                .contains("<td>" + sums.get(one.tenantId()).orders() + "</td>");
    }
}
