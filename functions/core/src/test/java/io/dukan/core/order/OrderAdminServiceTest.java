package io.dukan.core.order;

import static io.dukan.core.testing.PlaceOrderTestData.anOrderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.Variant;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.InMemoryOrdering;
import io.dukan.core.testing.ProductTestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The owner's changes to placed orders over in-memory fakes: the state table, versions, restock, the inbox. */
class OrderAdminServiceTest {

    static final String OWNER = "owner@kashgar.example";

    final InMemoryOrdering shop = new InMemoryOrdering();
    final StoreSettings store = new StoreSettings(TenantId.newId(), new Slug("kashgar"), "Kashgar", "PKR", "PK", "en");
    final TenantId tenant = store.tenantId();
    final Product figs = ProductTestData.aProduct().named("Figs").withStock(10).build();

    OrderAdminServiceTest() {
        shop.catalog.add(tenant, figs);
    }

    Order placed(int quantity) {
        return shop.checkout.place(store, anOrderOf(figs, quantity).build(), null);
    }

    /** A placed order moved to the given states by a write of its own (version 2). */
    Order inState(PaymentStatus payment, FulfilmentStatus fulfilment) {
        Order o = placed(1);
        Order moved = new Order(
                o.number(),
                o.code(),
                o.lines(),
                o.subtotal(),
                o.shipping(),
                o.total(),
                o.contact(),
                o.address(),
                o.shippingMethod(),
                o.notes(),
                o.paymentMethod(),
                payment,
                fulfilment,
                o.trackingNumber(),
                o.displayed(),
                o.history(),
                o.placedAt(),
                o.version() + 1);
        shop.orders.update(tenant, moved, o.version(), false);
        return moved;
    }

    Order stored(Order o) {
        return shop.orders.findByCode(tenant, o.code()).orElseThrow();
    }

    int stockOf(Product p, Variant v) {
        return shop.catalog
                .find(tenant, p.id())
                .orElseThrow()
                .variant(v.id())
                .orElseThrow()
                .stock();
    }

    Order act(OrderAction action, Order o) {
        return switch (action) {
            case MARK_PAID -> shop.admin.markPaid(tenant, o.code(), OWNER, o.version());
            case MARK_REFUNDED -> shop.admin.markRefunded(tenant, o.code(), OWNER, o.version());
            case MARK_SHIPPED -> shop.admin.markShipped(tenant, o.code(), OWNER, o.version(), "LHR123", "TCS");
            case MARK_DELIVERED -> shop.admin.markDelivered(tenant, o.code(), OWNER, o.version());
            case CANCEL -> shop.admin.cancel(tenant, o.code(), OWNER, o.version());
            case MARK_PAYMENT_FAILED, RELEASE_UNPAID ->
                throw new IllegalArgumentException("only a provider records a failed payment");
        };
    }

    /** Every action the owner has, from every payment and fulfilment state. */
    static Stream<Arguments> everyOwnerActionFromEveryState() {
        List<Arguments> all = new ArrayList<>();
        for (OrderAction action : OrderAction.values()) {
            if (action == OrderAction.MARK_PAYMENT_FAILED || action == OrderAction.RELEASE_UNPAID) {
                continue;
            }
            for (PaymentStatus payment : PaymentStatus.values()) {
                for (FulfilmentStatus fulfilment : FulfilmentStatus.values()) {
                    all.add(Arguments.of(action, payment, fulfilment));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} from {1}/{2}")
    @MethodSource("everyOwnerActionFromEveryState")
    void anAction_changesTheOrderAsTheTableSays_orIsRefusedAndWritesNothing(
            OrderAction action, PaymentStatus payment, FulfilmentStatus fulfilment) {
        Order before = inState(payment, fulfilment);
        int stockBefore = stockOf(figs, figs.defaultVariant());

        if (action.allowedFrom(payment, fulfilment)) {
            Order after = act(action, before);

            assertThat(stored(before)).isEqualTo(after);
            assertThat(after.paymentStatus()).isEqualTo(action.paymentAfter(payment));
            assertThat(after.fulfilmentStatus()).isEqualTo(action.fulfilmentAfter(fulfilment));
            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(after.history()).hasSize(before.history().size() + 1);
            assertThat(after.history().get(after.history().size() - 1).actor()).isEqualTo(OWNER);
            assertThat(stockOf(figs, figs.defaultVariant()))
                    .isEqualTo(action == OrderAction.CANCEL ? stockBefore + 1 : stockBefore);
        } else {
            assertThatThrownBy(() -> act(action, before))
                    .isInstanceOf(OrderStateException.class)
                    .hasMessageStartingWith("Order #" + before.number() + " can't ");

            assertThat(stored(before)).isEqualTo(before);
            assertThat(stockOf(figs, figs.defaultVariant())).isEqualTo(stockBefore);
        }
    }

    @Test
    void aChange_fromAStaleVersion_isRefusedAsChanged_andWritesNothing() {
        Order seen = placed(1);
        Order paid = shop.admin.markPaid(tenant, seen.code(), "staff@kashgar.example", seen.version());

        assertThatThrownBy(() -> shop.admin.cancel(tenant, seen.code(), OWNER, seen.version()))
                .isInstanceOf(OrderChangedException.class);

        assertThat(stored(seen)).isEqualTo(paid);
        assertThat(figsStock()).as("the refused cancel restocked nothing").isEqualTo(9);
    }

    @Test
    void ofTwoWritesFromOneVersion_onlyTheFirstLands() {
        Order seen = placed(1);
        Order shipped = OrderAdminService.apply(
                seen, OrderAction.MARK_SHIPPED, "A1", new OrderEvent(shop.clock.instant(), "a", "shipped"));
        Order cancelled = OrderAdminService.apply(
                seen, OrderAction.CANCEL, null, new OrderEvent(shop.clock.instant(), "b", "cancelled"));

        shop.orders.update(tenant, shipped, seen.version(), false);

        assertThatThrownBy(() -> shop.orders.update(tenant, cancelled, seen.version(), true))
                .isInstanceOf(OrderChangedException.class);
        assertThat(stored(seen)).isEqualTo(shipped);
        assertThat(figsStock()).isEqualTo(9);
    }

    @Test
    void cancel_putsEveryLineBackInStock_andRecordsWhoAndWhen() {
        Product shirts = ProductTestData.aProduct()
                .named("Shirts")
                .withStock(5)
                .withOption("Size", "S", "M")
                .build();
        shop.catalog.add(tenant, shirts);
        Variant small = shirts.variants().get(0);
        Variant medium = shirts.variants().get(1);
        Order o = shop.checkout.place(
                store,
                anOrderOf(figs, 4).and(shirts, small, 2).and(shirts, medium, 3).build(),
                null);
        assertThat(stockOf(shirts, small)).isEqualTo(3);
        shop.clock.advance(Duration.ofHours(2));

        Order cancelled = shop.admin.cancel(tenant, o.code(), OWNER, o.version());

        assertThat(stockOf(shirts, small)).isEqualTo(5);
        assertThat(stockOf(shirts, medium)).isEqualTo(5);
        assertThat(figsStock()).isEqualTo(10);
        assertThat(cancelled.fulfilmentStatus()).isEqualTo(FulfilmentStatus.CANCELLED);
        OrderEvent last = cancelled.history().get(cancelled.history().size() - 1);
        assertThat(last.actor()).isEqualTo(OWNER);
        assertThat(last.at()).isEqualTo(shop.clock.instant());
        assertThat(last.what()).contains("stock restored");
        assertThatThrownBy(() -> shop.admin.cancel(tenant, o.code(), OWNER, cancelled.version()))
                .as("cannot restock twice")
                .isInstanceOf(OrderStateException.class);
        assertThat(figsStock()).isEqualTo(10);
    }

    @Test
    void cancel_skipsAProductDeletedSinceTheOrder_andRestocksTheRest() {
        Product dates = ProductTestData.aProduct().named("Dates").withStock(3).build();
        shop.catalog.add(tenant, dates);
        Order o = shop.checkout.place(store, anOrderOf(figs, 2).and(dates, 1).build(), null);
        shop.catalog.delete(tenant, shop.catalog.find(tenant, dates.id()).orElseThrow());

        shop.admin.cancel(tenant, o.code(), OWNER, o.version());

        assertThat(figsStock()).isEqualTo(10);
        assertThat(shop.catalog.find(tenant, dates.id()))
                .as("not brought back to life")
                .isEmpty();
    }

    @Test
    void markShipped_recordsCarrierAndTracking_andRequiresTheNumber() {
        Order o = placed(1);

        assertThatThrownBy(() -> shop.admin.markShipped(tenant, o.code(), OWNER, o.version(), " ", "TCS"))
                .isInstanceOf(InvalidInputException.class);
        Order shipped = shop.admin.markShipped(tenant, o.code(), OWNER, o.version(), "LHR123", "TCS");

        assertThat(shipped.trackingNumber()).isEqualTo("TCS LHR123");
        assertThat(shipped.history().get(shipped.history().size() - 1).what()).contains("tracking TCS LHR123");
    }

    @Test
    void anotherStoresOrder_isNotFound_byCodeOrNumber_andCannotBeChanged() {
        Order o = placed(1);
        TenantId other = TenantId.newId();

        assertThatThrownBy(() -> shop.admin.order(other, o.code())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> shop.admin.orderByNumber(other, "#" + o.number()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> shop.admin.cancel(other, o.code(), OWNER, o.version()))
                .isInstanceOf(NotFoundException.class);
        assertThat(shop.admin.inbox(other, OrderFilter.ALL, null).items()).isEmpty();
        assertThat(stored(o)).isEqualTo(o);
    }

    @Test
    void orderByNumber_acceptsTheHash_andRefusesWhatIsNotANumber() {
        Order o = placed(1);

        assertThat(shop.admin.orderByNumber(tenant, "#1001")).isEqualTo(o);
        assertThat(shop.admin.orderByNumber(tenant, " 1001 ")).isEqualTo(o);
        assertThatThrownBy(() -> shop.admin.orderByNumber(tenant, "1001; drop")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> shop.admin.order(tenant, "../x")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void inbox_showsEachTab_newestFirst_inPagesOf25() {
        Product plenty = ProductTestData.aProduct().withStock(100).build();
        shop.catalog.add(tenant, plenty);
        for (int i = 0; i < 27; i++) {
            shop.checkout.place(store, anOrderOf(plenty, 1).build(), null);
        }
        Order newest = shop.orders.recent(tenant, 1).get(0);
        shop.admin.markShipped(tenant, newest.code(), OWNER, newest.version(), "T1", "");

        Page<Order> first = shop.admin.inbox(tenant, OrderFilter.TO_SHIP, null);
        Page<Order> second = shop.admin.inbox(tenant, OrderFilter.TO_SHIP, first.next());

        assertThat(first.items()).hasSize(25).extracting(Order::number).startsWith(1026L, 1025L);
        assertThat(second.items()).extracting(Order::number).containsExactly(1001L);
        assertThat(second.next()).isNull();
        assertThat(shop.admin.inbox(tenant, OrderFilter.SHIPPED, null).items())
                .extracting(Order::number)
                .containsExactly(1027L);
    }

    int figsStock() {
        return stockOf(figs, figs.defaultVariant());
    }
}
