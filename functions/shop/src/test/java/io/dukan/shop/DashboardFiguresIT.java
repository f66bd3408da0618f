package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.shop.ShopFunctionIT.call;
import static io.dukan.shop.ShopFunctionIT.withCookie;
import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.aws.dynamodb.InsightAggregator;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.CountedDynamoDb;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.StreamDrain;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PlaceOrderCommand;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.testing.TestClock;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The owner's figures on the admin home: orders placed through the store's checkout (HTTP), the table's stream
 * applied by the aggregator, the page shows them; and the page costs the same DynamoDB requests with 50 orders as
 * with 500 (it reads aggregates, never the orders).
 */
class DashboardFiguresIT {

    static Emulators emulators;
    static CountedDynamoDb counted;
    static ShopFunction fn;
    static StreamDrain stream;
    static InsightAggregator aggregator;
    static StoreSettings store;
    static String owner;
    static String product;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        counted = new CountedDynamoDb(emulators);
        store = TestStores.seed(emulators, "figs", "PKR", "owner@figs.example", ShopFunctionIT.PASSWORD);
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.tenant-id", store.tenantId().value());
        properties.put("dukan.store-slug", store.slug().value());
        fn = new ShopFunction(ApplicationContext.builder()
                .properties(properties)
                .singletons(counted.client(), new TestClock(Instant.now())));
        aggregator = fn.getApplicationContext().getBean(InsightAggregator.class);
        stream = new StreamDrain(emulators);
        owner = ShopFunctionIT.login(fn, "figs", "owner@figs.example");
        product = ShopFunctionIT.createProduct(fn, "figs", owner, "Dried figs 500g", "500", 1000, "");
    }

    @AfterAll
    static void stop() throws Exception {
        stream.close();
        fn.close();
        counted.close();
        emulators.close();
    }

    String dashboard() {
        var page = call(fn, withCookie(get("/s/figs/admin"), owner));
        assertThat(page.getStatusCode()).isEqualTo(200);
        return page.getBody();
    }

    Map<String, Integer> requestsOfTheDashboard() {
        dashboard(); // the instance's own caches (settings, session) warm
        counted.reset();
        dashboard();
        return counted.calls();
    }

    void placeOrders(int n) {
        for (int i = 0; i < n; i++) {
            TestStores.placeOrder(
                    emulators,
                    store,
                    new PlaceOrderCommand(
                            List.of(new PlaceOrderCommand.Line(new ProductId(product), null, 1)),
                            new Contact("Amina Khan", "+92 300 1234567", "amina@example.com"),
                            new Address("12 Mall Road", "", "Lahore", "", "54000", "PK"),
                            "",
                            PaymentMethod.CASH_ON_DELIVERY,
                            "",
                            ""));
        }
        stream.drain(aggregator);
    }

    @Test
    void ordersPlacedAtTheCheckout_showOnTheAdminHome_andThePageCostsTheSameWithTenTimesTheOrders() {
        Checkouts.order(fn, "figs", product, 2, Checkouts.DETAILS);
        Checkouts.order(fn, "figs", product, 1, Checkouts.DETAILS);
        stream.drain(aggregator);

        String page = dashboard();
        assertThat(page)
                .contains("id=\"figures\"")
                .containsPattern(
                        "id=\"figures-today\">.*Rs1,500\\.00.*3 orders|id=\"figures-today\">.*Rs1,500\\.00.*2 orders")
                .contains("Dried figs 500g");
        assertThat(page)
                .containsPattern("id=\"figures-to-ship\"[^>]*><span class=\"muted\">Orders to ship</span><b>2</b>");

        placeOrders(48);
        Map<String, Integer> at50 = requestsOfTheDashboard();
        assertThat(dashboard()).containsPattern("id=\"figures-30\">.*50 orders");

        placeOrders(450);
        Map<String, Integer> at500 = requestsOfTheDashboard();
        assertThat(dashboard()).containsPattern("id=\"figures-30\">.*500 orders");

        assertThat(at500).isEqualTo(at50);
        System.out.println("dashboard DynamoDB requests with 50 and with 500 orders: " + at500);
    }

    @Test
    void theLowStockLevelTheOwnerSetsInTheSettings_isTheDashboardsLevel() {
        SellerIT.setLowStockLevel(fn, "figs", owner, 30);
        assertThat(dashboard())
                .containsPattern("No product is at or below 30 in stock\\.|Low stock means 30 or fewer left\\.")
                .doesNotContain("/admin/figures/low-stock");
    }
}
