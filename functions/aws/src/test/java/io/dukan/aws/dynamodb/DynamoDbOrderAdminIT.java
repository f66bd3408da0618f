package io.dukan.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.aws.testing.Emulators;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.Variant;
import io.dukan.core.checkout.CheckoutService;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderAdminService;
import io.dukan.core.order.OrderChangedException;
import io.dukan.core.order.OrderFilter;
import io.dukan.core.order.OrderStateException;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.order.PlaceOrderCommand;
import io.dukan.core.payment.PaymentService;
import io.dukan.core.payment.ProviderEvent;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.ProductTestData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Orders after placement against DynamoDB Local: versioned changes, restock, inbox GSIs, payment events once. */
class DynamoDbOrderAdminIT {

    static final String OWNER = "owner@example.com";
    static Emulators emulators;
    static DynamoDbProducts products;
    static DynamoDbOrders orders;
    static DynamoDbOrderAdmin admin;
    static CheckoutService checkout;
    static OrderAdminService service;
    static PaymentService payments;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        TableName table = TestTables.emulators();
        products = new DynamoDbProducts(emulators.dynamo(), table);
        orders = new DynamoDbOrders(emulators.dynamo(), table);
        admin = new DynamoDbOrderAdmin(emulators.dynamo(), table);
        checkout = TestStores.checkout(emulators.dynamo(), table);
        service = new OrderAdminService(orders, admin, Clock.systemUTC());
        payments = new PaymentService(orders, admin, Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        emulators.close();
    }

    static Product product(TenantId tenant, ProductTestData data) {
        Product p = data.build();
        products.add(tenant, p);
        return p;
    }

    static Order place(TenantId tenant, List<PlaceOrderCommand.Line> lines) {
        return checkout.place(
                TestStores.storeOf(tenant),
                new PlaceOrderCommand(
                        lines,
                        new Contact("Amina", "+92 300 1234567", ""),
                        new Address("12 Mall Road", "", "Lahore", "", "", "PK"),
                        "",
                        PaymentMethod.CASH_ON_DELIVERY),
                null);
    }

    static Order placeOne(TenantId tenant, Product p, int quantity) {
        return place(tenant, List.of(new PlaceOrderCommand.Line(p.id(), null, quantity)));
    }

    static int stock(TenantId tenant, Product p, Variant v) {
        return products.find(tenant, p.id())
                .orElseThrow()
                .variant(v.id())
                .orElseThrow()
                .stock();
    }

    @Test
    void cancel_putsEveryLineBackInStock_recordsWhoAndWhen_andCannotRestockTwice() {
        TenantId tenant = TenantId.newId();
        Product shirts = product(tenant, ProductTestData.aProduct().withStock(5).withOption("Size", "S", "M"));
        Product figs = product(tenant, ProductTestData.aProduct().withStock(10));
        Variant small = shirts.variants().get(0);
        Variant medium = shirts.variants().get(1);
        Order placed = place(
                tenant,
                List.of(
                        new PlaceOrderCommand.Line(shirts.id(), small.id(), 2),
                        new PlaceOrderCommand.Line(shirts.id(), medium.id(), 3),
                        new PlaceOrderCommand.Line(figs.id(), null, 4)));
        assertThat(stock(tenant, shirts, small)).isEqualTo(3);
        assertThat(stock(tenant, shirts, medium)).isEqualTo(2);

        Order cancelled = service.cancel(tenant, placed.code(), OWNER, placed.version());

        assertThat(stock(tenant, shirts, small)).isEqualTo(5);
        assertThat(stock(tenant, shirts, medium)).isEqualTo(5);
        assertThat(stock(tenant, figs, figs.defaultVariant())).isEqualTo(10);
        Order stored = service.order(tenant, placed.code());
        assertThat(stored).isEqualTo(cancelled);
        assertThat(stored.fulfilmentStatus()).isEqualTo(FulfilmentStatus.CANCELLED);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.history()).hasSize(2);
        assertThat(stored.history().get(1).actor()).isEqualTo(OWNER);
        assertThat(stored.history().get(1).what()).contains("cancelled");

        assertThatThrownBy(() -> service.cancel(tenant, placed.code(), OWNER, stored.version()))
                .isInstanceOf(OrderStateException.class)
                .hasMessageContaining("cancelled");
        assertThatThrownBy(() -> service.markShipped(tenant, placed.code(), OWNER, stored.version(), "TCS 1", ""))
                .isInstanceOf(OrderStateException.class);
        assertThat(stock(tenant, shirts, small)).isEqualTo(5);
        assertThat(service.order(tenant, placed.code()).version()).isEqualTo(2);
    }

    @Test
    void cancel_skipsProductsAndVariantsThatNoLongerExist_andRestocksTheRest() {
        TenantId tenant = TenantId.newId();
        Product gone = product(tenant, ProductTestData.aProduct().withStock(5));
        Product kept = product(tenant, ProductTestData.aProduct().withStock(5));
        Order placed = place(
                tenant,
                List.of(
                        new PlaceOrderCommand.Line(gone.id(), null, 1),
                        new PlaceOrderCommand.Line(kept.id(), null, 2)));
        emulators.dynamo().deleteItem(r -> r.tableName(Emulators.TABLE).key(Keys.product(tenant, gone.id())));

        service.cancel(tenant, placed.code(), OWNER, placed.version());

        assertThat(products.find(tenant, gone.id())).isEmpty();
        assertThat(stock(tenant, kept, kept.defaultVariant())).isEqualTo(5);
    }

    @Test
    void concurrentChanges_fromTheSameVersion_oneWins_theOthersAreToldToReload_andStockComesBackOnce()
            throws Exception {
        TenantId tenant = TenantId.newId();
        Product figs = product(tenant, ProductTestData.aProduct().withStock(10));
        Order placed = placeOne(tenant, figs, 4);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Order>> owners = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            owners.add(() -> {
                go.await();
                return n % 2 == 0
                        ? service.cancel(tenant, placed.code(), "owner" + n, 1)
                        : service.markPaid(tenant, placed.code(), "owner" + n, 1);
            });
        }
        List<Future<Order>> results = new ArrayList<>();
        for (Callable<Order> owner : owners) {
            results.add(pool.submit(owner));
        }
        go.countDown();
        int won = 0;
        int reload = 0;
        for (Future<Order> f : results) {
            try {
                f.get();
                won++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(OrderChangedException.class);
                assertThat(e.getCause().getMessage()).contains("Reload");
                reload++;
            }
        }
        pool.shutdown();

        assertThat(won).isEqualTo(1);
        assertThat(reload).isEqualTo(7);
        Order stored = service.order(tenant, placed.code());
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.history()).hasSize(2);
        int expectedStock = stored.fulfilmentStatus() == FulfilmentStatus.CANCELLED ? 10 : 6;
        assertThat(stock(tenant, figs, figs.defaultVariant())).isEqualTo(expectedStock);
    }

    @Test
    void aChangeFromAStaleVersion_isRefused_andWritesNothing() {
        TenantId tenant = TenantId.newId();
        Product figs = product(tenant, ProductTestData.aProduct().withStock(10));
        Order placed = placeOne(tenant, figs, 4);
        service.markPaid(tenant, placed.code(), OWNER, 1);

        assertThatThrownBy(() -> service.cancel(tenant, placed.code(), OWNER, 1))
                .isInstanceOf(OrderChangedException.class);
        // the repository's own guard, for a writer that read before the change
        Order staleCancel = OrderAdminService.apply(
                placed,
                io.dukan.core.order.OrderAction.CANCEL,
                null,
                new io.dukan.core.order.OrderEvent(java.time.Instant.now(), OWNER, "cancelled"));
        assertThatThrownBy(() -> admin.update(tenant, staleCancel, 1, true)).isInstanceOf(OrderChangedException.class);

        assertThat(stock(tenant, figs, figs.defaultVariant())).isEqualTo(6);
        Order stored = service.order(tenant, placed.code());
        assertThat(stored.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(stored.fulfilmentStatus()).isEqualTo(FulfilmentStatus.UNFULFILLED);
    }

    @Test
    void inboxTabs_listTheRightOrders_newestFirst_onePageAtATime() {
        TenantId tenant = TenantId.newId();
        Product figs = product(tenant, ProductTestData.aProduct().withStock(100));
        Order o1 = placeOne(tenant, figs, 1);
        Order o2 = placeOne(tenant, figs, 1);
        Order o3 = placeOne(tenant, figs, 1);
        Order o4 = placeOne(tenant, figs, 1);
        service.markPaid(tenant, o1.code(), OWNER, 1);
        service.markShipped(tenant, o1.code(), OWNER, 2, "123", "TCS");
        service.cancel(tenant, o2.code(), OWNER, 1);
        service.markPaid(tenant, o3.code(), OWNER, 1);
        TenantId other = TenantId.newId();
        placeOne(other, product(other, ProductTestData.aProduct().withStock(5)), 1);

        assertThat(numbers(tenant, OrderFilter.UNPAID)).containsExactly(o4.number());
        assertThat(numbers(tenant, OrderFilter.TO_SHIP)).containsExactly(o4.number(), o3.number());
        assertThat(numbers(tenant, OrderFilter.SHIPPED)).containsExactly(o1.number());
        assertThat(numbers(tenant, OrderFilter.CANCELLED)).containsExactly(o2.number());
        assertThat(numbers(tenant, OrderFilter.DELIVERED)).isEmpty();
        assertThat(numbers(tenant, OrderFilter.ALL))
                .containsExactly(o4.number(), o3.number(), o2.number(), o1.number());

        Page<Order> first = admin.list(tenant, OrderFilter.ALL, null, 3);
        assertThat(first.items()).extracting(Order::number).containsExactly(o4.number(), o3.number(), o2.number());
        Page<Order> second = admin.list(tenant, OrderFilter.ALL, first.next(), 3);
        assertThat(second.items()).extracting(Order::number).containsExactly(o1.number());
        Page<Order> toShip = admin.list(tenant, OrderFilter.TO_SHIP, null, 1);
        assertThat(admin.list(tenant, OrderFilter.TO_SHIP, toShip.next(), 1).items())
                .extracting(Order::number)
                .containsExactly(o3.number());
        assertThat(admin.list(tenant, OrderFilter.ALL, "garbage'#", 3).items()).hasSize(3);
    }

    static List<Long> numbers(TenantId tenant, OrderFilter filter) {
        return admin.list(tenant, filter, null, 50).items().stream()
                .map(Order::number)
                .toList();
    }

    @Test
    void aReplayedProviderEvent_isAppliedOnce() {
        TenantId tenant = TenantId.newId();
        Order placed =
                placeOne(tenant, product(tenant, ProductTestData.aProduct().withStock(5)), 1);
        ProviderEvent paid =
                new ProviderEvent("evt_once", ProviderEvent.Type.PAYMENT_SUCCEEDED, placed.code(), placed.total());

        assertThat(payments.apply(tenant, "stripe", paid)).isEqualTo(PaymentService.Outcome.APPLIED);
        assertThat(payments.apply(tenant, "stripe", paid)).isEqualTo(PaymentService.Outcome.DUPLICATE);
        assertThat(payments.apply(tenant, "stripe", paid)).isEqualTo(PaymentService.Outcome.DUPLICATE);

        Order stored = service.order(tenant, placed.code());
        assertThat(stored.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.history()).hasSize(2);
        assertThat(stored.history().get(1).actor()).isEqualTo("stripe");
        assertThat(stored.history().get(1).what()).contains("evt_once");
        // a second, different event for a payment already made changes nothing but is kept
        ProviderEvent again =
                new ProviderEvent("evt_twice", ProviderEvent.Type.PAYMENT_SUCCEEDED, placed.code(), placed.total());
        assertThat(payments.apply(tenant, "stripe", again)).isEqualTo(PaymentService.Outcome.ALREADY_DONE);
        assertThat(service.order(tenant, placed.code()).version()).isEqualTo(2);
        assertThat(emulators
                        .dynamo()
                        .getItem(
                                r -> r.tableName(Emulators.TABLE).key(Keys.paymentEvent(tenant, "stripe", "evt_twice")))
                        .item())
                .containsKey("outcome");
    }

    @Test
    void anEventWithTheWrongAmountOrCurrency_isRecordedForTheOwner_butNotApplied() {
        TenantId tenant = TenantId.newId();
        Order placed =
                placeOne(tenant, product(tenant, ProductTestData.aProduct().withStock(5)), 1);
        Money total = placed.total();

        PaymentService.Outcome less = payments.apply(
                tenant,
                "stripe",
                new ProviderEvent(
                        "evt_less",
                        ProviderEvent.Type.PAYMENT_SUCCEEDED,
                        placed.code(),
                        new Money(total.minor() - 1, total.currency())));
        PaymentService.Outcome otherCurrency = payments.apply(
                tenant,
                "stripe",
                new ProviderEvent(
                        "evt_usd",
                        ProviderEvent.Type.PAYMENT_SUCCEEDED,
                        placed.code(),
                        new Money(total.minor(), "USD")));

        assertThat(less).isEqualTo(PaymentService.Outcome.NOT_APPLIED);
        assertThat(otherCurrency).isEqualTo(PaymentService.Outcome.NOT_APPLIED);
        Order stored = service.order(tenant, placed.code());
        assertThat(stored.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(stored.history()).hasSize(3);
        assertThat(stored.history().get(1).what()).contains("evt_less").contains("NOT applied");
        assertThat(payments.apply(
                        tenant,
                        "stripe",
                        new ProviderEvent("evt_less", ProviderEvent.Type.PAYMENT_SUCCEEDED, placed.code(), total)))
                .as("an event id is judged once, even if replayed with other data")
                .isEqualTo(PaymentService.Outcome.DUPLICATE);
        assertThat(service.order(tenant, placed.code()).paymentStatus()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void aPaymentAfterCancellation_isNotedButDoesNotMarkTheOrderPaid() {
        TenantId tenant = TenantId.newId();
        Order placed =
                placeOne(tenant, product(tenant, ProductTestData.aProduct().withStock(5)), 1);
        service.cancel(tenant, placed.code(), OWNER, 1);

        assertThat(payments.apply(
                        tenant,
                        "stripe",
                        new ProviderEvent(
                                "evt_late", ProviderEvent.Type.PAYMENT_SUCCEEDED, placed.code(), placed.total())))
                .isEqualTo(PaymentService.Outcome.NOT_APPLIED);
        Order stored = service.order(tenant, placed.code());
        assertThat(stored.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(stored.history().get(2).what()).contains("NOT applied").contains("cancelled");
    }

    @Test
    void anotherStore_cannotRead_change_cancel_orPayForAnOrder_byItsCodeOrNumber() {
        TenantId a = TenantId.newId();
        TenantId b = TenantId.newId();
        Product figs = product(a, ProductTestData.aProduct().withStock(5));
        Order placed = placeOne(a, figs, 2);
        product(b, ProductTestData.aProduct().withStock(5));

        assertThatThrownBy(() -> service.order(b, placed.code())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.orderByNumber(b, Long.toString(placed.number())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.cancel(b, placed.code(), OWNER, 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.markPaid(b, placed.code(), OWNER, 1)).isInstanceOf(NotFoundException.class);
        assertThat(payments.apply(
                        b,
                        "stripe",
                        new ProviderEvent(
                                "evt_cross", ProviderEvent.Type.PAYMENT_SUCCEEDED, placed.code(), placed.total())))
                .isEqualTo(PaymentService.Outcome.IGNORED);
        assertThat(admin.list(b, OrderFilter.ALL, null, 50).items()).isEmpty();
        assertThat(admin.list(b, OrderFilter.UNPAID, null, 50).items()).isEmpty();

        Order stored = service.order(a, placed.code());
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(stock(a, figs, figs.defaultVariant())).isEqualTo(3);
        assertThat(emulators
                        .dynamo()
                        .getItem(r -> r.tableName(Emulators.TABLE).key(Keys.paymentEvent(b, "stripe", "evt_cross")))
                        .item())
                .isEmpty();
        assertThat(service.orderByNumber(a, "#" + placed.number()).code()).isEqualTo(placed.code());
    }
}
