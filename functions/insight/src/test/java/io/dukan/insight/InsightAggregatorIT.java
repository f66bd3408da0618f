package io.dukan.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.dukan.aws.dynamodb.TestCatalog;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.catalog.Product;
import io.dukan.core.insight.PlatformFigures;
import io.dukan.core.insight.PlatformFiguresRepository;
import io.dukan.core.insight.StoreFigures;
import io.dukan.core.insight.StoreFiguresRepository;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderAdminService;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.LowStockMarks;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.testing.PlaceOrderTestData;
import io.dukan.core.testing.ProductTestData;
import io.micronaut.context.ApplicationContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The aggregator fed by the real table stream (DynamoDB Local), with orders placed and changed through the real
 * adapters: counts follow status changes, and delivering the same records again (a batch retry, a replay) changes
 * nothing.
 */
class InsightAggregatorIT {

    static Emulators emulators;
    static InsightFunction function;
    static StreamFeed feed;
    static StoreFiguresRepository storeFigures;
    static PlatformFiguresRepository platformFigures;
    static OrderAdminService admin;
    static LowStockMarks marks;

    StoreSettings store;
    Product saffron;
    Product figs;
    final List<DynamodbEvent> delivered = new ArrayList<>();

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        function = new InsightFunction(ApplicationContext.builder().properties(emulators.functionProperties()));
        storeFigures = function.getApplicationContext().getBean(StoreFiguresRepository.class);
        platformFigures = function.getApplicationContext().getBean(PlatformFiguresRepository.class);
        marks = function.getApplicationContext().getBean(LowStockMarks.class);
        admin = io.dukan.aws.dynamodb.TestInsight.orderAdmin(emulators);
        feed = new StreamFeed(emulators);
    }

    @AfterAll
    static void stop() throws Exception {
        feed.close();
        function.close();
        emulators.close();
    }

    @BeforeEach
    void aStoreWithTwoProducts() {
        store = TestStores.seed(
                emulators, "agg" + System.nanoTime() % 1_000_000, "PKR", "o@agg.example", "pw-123456789");
        TestStores.acceptBankTransfer(emulators, store.tenantId());
        saffron = TestCatalog.add(
                emulators,
                store.tenantId(),
                io.dukan.aws.dynamodb.TestInsight.withTradeFacts(
                        ProductTestData.aProduct()
                                .named("Saffron 1g")
                                .pricedAt(new Money(100_000, "PKR"))
                                .withStock(20)
                                .build(),
                        "0910.20",
                        "AF"));
        figs = TestCatalog.add(
                emulators,
                store.tenantId(),
                io.dukan.aws.dynamodb.TestInsight.withTradeFacts(
                        ProductTestData.aProduct()
                                .named("Dried figs 500g")
                                .pricedAt(new Money(50_000, "PKR"))
                                .withStock(7)
                                .build(),
                        "0804.20",
                        "PK"));
        deliver();
    }

    /** Hands the aggregator every record since the last delivery, keeping them for replays. */
    void deliver() {
        DynamodbEvent event = feed.next();
        delivered.add(event);
        assertThat(function.handleRequest(event, null).getBatchItemFailures()).isEmpty();
    }

    Order place(Product product, int quantity, PaymentMethod method) {
        return TestStores.placeOrder(
                emulators,
                store,
                PlaceOrderTestData.anOrderOf(product, quantity).payingBy(method).build());
    }

    StoreFigures figures() {
        return storeFigures.figures(store.tenantId(), "PKR", today());
    }

    LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Karachi"));
    }

    @Test
    void placedOrders_countInTodaysFigures_andInOpenCounters() {
        place(saffron, 2, PaymentMethod.CASH_ON_DELIVERY);
        place(figs, 1, PaymentMethod.BANK_TRANSFER);
        deliver();

        StoreFigures f = figures();
        assertThat(f.today().orders()).isEqualTo(2);
        assertThat(f.today().sales()).isEqualTo(new Money(250_000, "PKR"));
        assertThat(f.last30Days().orders()).isEqualTo(2);
        assertThat(f.toShip()).isEqualTo(2);
        assertThat(f.unpaidCashOnDelivery()).isEqualTo(new StoreFigures.Unpaid(1, new Money(200_000, "PKR")));
        assertThat(f.unpaidBankTransfer()).isEqualTo(new StoreFigures.Unpaid(1, new Money(50_000, "PKR")));
        assertThat(f.topProducts())
                .extracting(StoreFigures.TopProduct::name, StoreFigures.TopProduct::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Saffron 1g", 2L),
                        org.assertj.core.groups.Tuple.tuple("Dried figs 500g", 1L));
    }

    @Test
    void statusChanges_moveTheCounts_paidShippedAndCancelled() {
        Order shipped = place(saffron, 1, PaymentMethod.CASH_ON_DELIVERY);
        Order cancelled = place(figs, 2, PaymentMethod.BANK_TRANSFER);
        Order cancelledUnpaid = place(figs, 1, PaymentMethod.CASH_ON_DELIVERY);
        deliver();
        assertThat(figures().today().orders()).isEqualTo(3);

        Order paid = admin.markPaid(store.tenantId(), shipped.code(), "owner", shipped.version());
        admin.markShipped(store.tenantId(), shipped.code(), "owner", paid.version(), "TRK1", "");
        Order paid2 = admin.markPaid(store.tenantId(), cancelled.code(), "owner", cancelled.version());
        admin.cancel(store.tenantId(), cancelled.code(), "owner", paid2.version());
        admin.cancel(store.tenantId(), cancelledUnpaid.code(), "owner", cancelledUnpaid.version());
        deliver();

        StoreFigures f = figures();
        assertThat(f.today().orders()).isEqualTo(1);
        assertThat(f.today().sales()).isEqualTo(new Money(100_000, "PKR"));
        assertThat(f.toShip()).isZero();
        assertThat(f.unpaidCashOnDelivery().orders()).isZero();
        assertThat(f.unpaidBankTransfer().orders()).isZero();
        assertThat(f.topProducts()).extracting(StoreFigures.TopProduct::name).containsExactly("Saffron 1g");
    }

    @Test
    void deliveringTheSameRecordsAgain_changesNothing() {
        Order first = place(saffron, 3, PaymentMethod.CASH_ON_DELIVERY);
        place(figs, 1, PaymentMethod.BANK_TRANSFER);
        deliver();
        admin.cancel(store.tenantId(), first.code(), "owner", first.version());
        deliver();
        StoreFigures before = figures();
        PlatformFigures platformBefore = platform();

        // a batch retry of everything, in order, and then the oldest records once more
        delivered.forEach(e -> assertThat(function.handleRequest(e, null).getBatchItemFailures())
                .isEmpty());
        assertThat(function.handleRequest(delivered.get(1), null).getBatchItemFailures())
                .isEmpty();

        assertThat(figures()).isEqualTo(before);
        assertThat(platform()).isEqualTo(platformBefore);
        assertThat(before.today().orders()).isEqualTo(1);
        assertThat(before.unpaidBankTransfer().orders()).isEqualTo(1);
        assertThat(before.unpaidCashOnDelivery().orders()).isZero();
    }

    @Test
    void platformFigures_countByOriginHsChapterAndStoreCountry_perCurrency() {
        PlatformFigures before = platform();
        place(saffron, 2, PaymentMethod.CASH_ON_DELIVERY);
        place(figs, 3, PaymentMethod.CASH_ON_DELIVERY);
        deliver();

        PlatformFigures after = platform();
        assertThat(sales(after.byOrigin(), "AF") - sales(before.byOrigin(), "AF"))
                .isEqualTo(200_000);
        assertThat(sales(after.byOrigin(), "PK") - sales(before.byOrigin(), "PK"))
                .isEqualTo(150_000);
        assertThat(sales(after.byHsChapter(), "09") - sales(before.byHsChapter(), "09"))
                .isEqualTo(200_000);
        assertThat(sales(after.byHsChapter(), "08") - sales(before.byHsChapter(), "08"))
                .isEqualTo(150_000);
        assertThat(sales(after.byHsHeading(), "0804") - sales(before.byHsHeading(), "0804"))
                .isEqualTo(150_000);
        assertThat(sales(after.byStoreCountry(), "PK") - sales(before.byStoreCountry(), "PK"))
                .isEqualTo(350_000);
        assertThat(after.activeStores()).isGreaterThanOrEqualTo(1);
        assertThat(after.byMonth()).allMatch(r -> r.currency().equals("PKR"));
    }

    @Test
    void lowStock_listsVariantsAtOrBelowTheStoresOneThreshold() {
        place(figs, 3, PaymentMethod.CASH_ON_DELIVERY); // 7 → 4
        deliver();
        assertThat(figures().lowStockThreshold()).isEqualTo(LowStockMarks.DEFAULT_THRESHOLD);
        assertThat(figures().lowStock())
                .extracting(StoreFigures.LowStock::productName, StoreFigures.LowStock::stock)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Dried figs 500g", 4L));

        marks.setThreshold(store.tenantId(), 3); // the threshold the owner's e-mail uses too
        assertThat(figures().lowStock()).isEmpty();
        assertThat(figures().lowStockThreshold()).isEqualTo(3);
        assertThat(marks.state(store.tenantId()).threshold()).isEqualTo(3);

        marks.setThreshold(store.tenantId(), 20);
        assertThat(figures().lowStock())
                .extracting(StoreFigures.LowStock::productName)
                .containsExactlyInAnyOrder("Dried figs 500g", "Saffron 1g");
    }

    @Test
    void lowStock_readsOnlyTheLowestVariants_however_manyAreLow() {
        for (int stock = 1; stock <= 30; stock++) {
            TestCatalog.add(
                    emulators,
                    store.tenantId(),
                    ProductTestData.aProduct()
                            .named("Jar " + stock)
                            .pricedAt(new Money(10_000, "PKR"))
                            .withStock(stock)
                            .build());
        }
        deliver();
        marks.setThreshold(store.tenantId(), LowStockMarks.MAX_THRESHOLD);

        StoreFigures all = figures();
        // stocks 1..30, figs 7, saffron 20: the 20 lowest are 1..7, 7 again, 8..19
        assertThat(all.lowStock()).hasSize(StoreFigures.LOW_STOCK_SHOWN);
        assertThat(all.moreLowStock()).isTrue();
        assertThat(all.lowStock())
                .extracting(StoreFigures.LowStock::stock)
                .isSorted()
                .startsWith(1L, 2L, 3L)
                .endsWith(19L);
        assertThat(all.lowStock())
                .extracting(StoreFigures.LowStock::productName)
                .contains("Dried figs 500g")
                .doesNotContain("Saffron 1g", "Jar 20");

        marks.setThreshold(store.tenantId(), 3);
        StoreFigures three = figures();
        assertThat(three.lowStock())
                .extracting(StoreFigures.LowStock::productName)
                .containsExactly("Jar 1", "Jar 2", "Jar 3");
        assertThat(three.moreLowStock()).isFalse();
    }

    @Test
    void aRestockAboveTheThreshold_takesTheLowStockMarkOff_aRestockStillAtOrBelowItDoesNot() {
        String variant = figs.variants().get(0).id().value();
        Order first = place(figs, 3, PaymentMethod.CASH_ON_DELIVERY); // 7 → 4: crossed 5
        deliver();
        assertThat(marks.mark(store.tenantId(), variant)).isTrue(); // what the shop's alert does after the order
        Order second = place(figs, 2, PaymentMethod.CASH_ON_DELIVERY); // 4 → 2
        deliver();

        admin.cancel(store.tenantId(), second.code(), "owner", second.version()); // restock 2 → 4: still low
        deliver();
        assertThat(marks.state(store.tenantId()).marked()).containsExactly(variant);
        assertThat(figures().lowStock())
                .extracting(StoreFigures.LowStock::stock)
                .containsExactly(4L);

        admin.cancel(store.tenantId(), first.code(), "owner", first.version()); // restock 4 → 7: above 5
        deliver();
        assertThat(marks.state(store.tenantId()).marked()).isEmpty();
        assertThat(figures().lowStock()).isEmpty();
        assertThat(marks.mark(store.tenantId(), variant))
                .as("the next crossing is reported")
                .isTrue();
    }

    PlatformFigures platform() {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        return platformFigures.figures(month.minusMonths(11), month, LocalDate.now(ZoneOffset.UTC));
    }

    static long sales(List<PlatformFigures.Row> rows, String key) {
        return rows.stream()
                .filter(r -> r.key().equals(key) && r.currency().equals("PKR"))
                .mapToLong(PlatformFigures.Row::salesMinor)
                .sum();
    }
}
