package io.dukan.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.Idempotency;
import io.dukan.core.order.IdempotencyKeyReusedException;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderAction;
import io.dukan.core.order.OrderAdminRepository;
import io.dukan.core.order.OrderAdminService;
import io.dukan.core.order.OrderChangedException;
import io.dukan.core.order.OrderEvent;
import io.dukan.core.order.OrderFilter;
import io.dukan.core.order.OrderLine;
import io.dukan.core.order.OrderRepository;
import io.dukan.core.order.OutOfStockException;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.payment.PaymentEvents;
import io.dukan.core.payment.ProviderEvent;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the order ports must do, run against the in-memory fake ({@code InMemoryOrdersTest}
 * in core) and the DynamoDB adapter ({@code DynamoDbOrdersContractIT} in aws), so the fake the use-case tests rely
 * on cannot drift from the adapter. Each test uses a new store.
 */
public abstract class OrderRepositoryContract {

    /** The ports under test, sharing one catalog's stock. */
    public record Ports(
            ProductRepository products, OrderRepository orders, OrderAdminRepository admin, PaymentEvents events) {}

    protected abstract Ports ports();

    private final TenantId tenant = TenantId.newId();

    private Product inCatalog(ProductTestData data) {
        Product p = data.build();
        ports().products().add(tenant, p);
        return p;
    }

    private int stockOf(Product p) {
        return ports().products()
                .find(tenant, p.id())
                .orElseThrow()
                .defaultVariant()
                .stock();
    }

    private static OrderLine line(Product p, int quantity) {
        return new OrderLine(
                p.id(),
                p.defaultVariant().id(),
                p.defaultVariant().sku(),
                p.name(),
                p.defaultVariant().title(),
                p.defaultVariant().price(),
                quantity);
    }

    private static OrderRepository.Draft draft(OrderLine... lines) {
        return new OrderRepository.Draft(
                Ids.newSecret(),
                List.of(lines),
                new Money(25000, "PKR"),
                new Contact("Amina", "+92 300 1234567", ""),
                new Address("12 Mall Road", "", "Lahore", "", "", "PK"),
                "Courier",
                "",
                PaymentMethod.CASH_ON_DELIVERY,
                null,
                Instant.parse("2026-12-06T10:00:00Z"));
    }

    @Test
    void place_numbersFrom1001_takesStock_andTheOrderIsFoundByCodeAndNumber() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(5));

        Order first = ports().orders().place(tenant, draft(line(figs, 2)));
        Order second = ports().orders().place(tenant, draft(line(figs, 1)));

        assertThat(first.number()).isEqualTo(1001);
        assertThat(second.number()).isEqualTo(1002);
        assertThat(first.total()).isEqualTo(first.subtotal().plus(new Money(25000, "PKR")));
        assertThat(first.version()).isEqualTo(1);
        assertThat(stockOf(figs)).isEqualTo(2);
        assertThat(ports().orders().findByCode(tenant, first.code())).hasValue(first);
        assertThat(ports().admin().findByNumber(tenant, 1002)).hasValue(second);
        assertThat(ports().orders().recent(tenant, 10))
                .extracting(Order::number)
                .containsExactly(1002L, 1001L);
    }

    @Test
    void place_isAllOrNothing_whenOneLineIsShort() {
        Product figs = inCatalog(ProductTestData.aProduct().named("Figs").withStock(5));
        Product dates = inCatalog(ProductTestData.aProduct().named("Dates").withStock(1));

        assertThatThrownBy(() -> ports().orders().place(tenant, draft(line(figs, 2), line(dates, 2))))
                .isInstanceOf(OutOfStockException.class)
                .hasMessageContaining("Dates");

        assertThat(stockOf(figs)).isEqualTo(5);
        assertThat(stockOf(dates)).isEqualTo(1);
        assertThat(ports().orders().recent(tenant, 10)).isEmpty();
        assertThat(ports().orders().place(tenant, draft(line(figs, 1))).number())
                .as("no number used up")
                .isEqualTo(1001);
    }

    @Test
    void place_refusesAProductNoLongerActive_asOutOfStock() {
        Product draft = inCatalog(
                ProductTestData.aProduct().withStatus(ProductStatus.DRAFT).withStock(5));

        assertThatThrownBy(() -> ports().orders().place(tenant, draft(line(draft, 1))))
                .isInstanceOf(OutOfStockException.class);
        assertThat(stockOf(draft)).isEqualTo(5);
    }

    @Test
    void place_takesStockBelowZero_whenTheProductKeepsSellingWhenSoldOut() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(1).sellingWhenSoldOut());

        ports().orders().place(tenant, draft(line(figs, 3)));

        assertThat(stockOf(figs)).isEqualTo(-2);
    }

    @Test
    void place_withAKey_placesOnce_andRefusesTheKeyForAnotherFingerprint() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(5));
        Idempotency key = new Idempotency("api-k1", "cart-a");

        Order first = ports().orders().place(tenant, draft(line(figs, 2)), key);
        Order again = ports().orders().place(tenant, draft(line(figs, 2)), key);

        assertThat(again).isEqualTo(first);
        assertThat(ports().orders().findPlaced(tenant, key)).hasValue(first);
        assertThat(stockOf(figs)).isEqualTo(3);
        assertThatThrownBy(() -> ports().orders().findPlaced(tenant, new Idempotency("api-k1", "cart-b")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(ports().orders().findPlaced(TenantId.newId(), key))
                .as("another store's key")
                .isEmpty();
    }

    @Test
    void update_fromAStaleVersion_writesNothing_andRestocksNothing() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(5));
        Order placed = ports().orders().place(tenant, draft(line(figs, 2)));
        Order shipped = OrderAdminService.apply(placed, OrderAction.MARK_SHIPPED, "T1", event("ship"));
        Order cancelled = OrderAdminService.apply(placed, OrderAction.CANCEL, null, event("cancel"));
        ports().admin().update(tenant, shipped, placed.version(), false);

        assertThatThrownBy(() -> ports().admin().update(tenant, cancelled, placed.version(), true))
                .isInstanceOf(OrderChangedException.class);

        assertThat(ports().orders().findByCode(tenant, placed.code())).hasValue(shipped);
        assertThat(stockOf(figs)).isEqualTo(3);
    }

    @Test
    void update_withRestock_givesEveryLineBack_andSkipsAProductDeletedSince() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(5));
        Product dates = inCatalog(ProductTestData.aProduct().withStock(5));
        Order placed = ports().orders().place(tenant, draft(line(figs, 2), line(dates, 1)));
        ports().products()
                .delete(tenant, ports().products().find(tenant, dates.id()).orElseThrow());

        ports().admin()
                .update(
                        tenant,
                        OrderAdminService.apply(placed, OrderAction.CANCEL, null, event("cancel")),
                        placed.version(),
                        true);

        assertThat(stockOf(figs)).isEqualTo(5);
        assertThat(ports().products().find(tenant, dates.id())).isEmpty();
        assertThat(ports().orders()
                        .findByCode(tenant, placed.code())
                        .orElseThrow()
                        .version())
                .isEqualTo(2);
    }

    @Test
    void recordOnce_storesAnEventOnce_andNotAtAllWhenTheOrderMovedMeanwhile() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(5));
        Order placed = ports().orders().place(tenant, draft(line(figs, 1)));
        ProviderEvent paid =
                new ProviderEvent("evt_1", ProviderEvent.Type.PAYMENT_SUCCEEDED, placed.code(), placed.total());
        Order marked = OrderAdminService.apply(placed, OrderAction.MARK_PAID, null, event("paid"));
        ports().admin().update(tenant, OrderAdminService.note(placed, event("note")), placed.version(), false);

        assertThatThrownBy(
                        () -> ports().events().recordOnce(tenant, "stripe", paid, "APPLIED", marked, placed.version()))
                .isInstanceOf(OrderChangedException.class);
        Order current = ports().orders().findByCode(tenant, placed.code()).orElseThrow();
        Order markedNow = OrderAdminService.apply(current, OrderAction.MARK_PAID, null, event("paid"));
        boolean first = ports().events().recordOnce(tenant, "stripe", paid, "APPLIED", markedNow, current.version());
        boolean replay = ports().events()
                .recordOnce(
                        tenant,
                        "stripe",
                        paid,
                        "APPLIED",
                        OrderAdminService.apply(markedNow, OrderAction.MARK_PAID, null, event("again")),
                        markedNow.version());

        assertThat(first).as("not stored by the refused attempt").isTrue();
        assertThat(replay).isFalse();
        assertThat(ports().orders().findByCode(tenant, placed.code())).hasValue(markedNow);
    }

    @Test
    void list_showsATabNewestFirst_inPages_inItsStoreOnly() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(10));
        for (int i = 0; i < 3; i++) {
            ports().orders().place(tenant, draft(line(figs, 1)));
        }

        Page<Order> first = ports().admin().list(tenant, OrderFilter.TO_SHIP, null, 2);
        Page<Order> second = ports().admin().list(tenant, OrderFilter.TO_SHIP, first.next(), 2);

        assertThat(first.items()).extracting(Order::number).containsExactly(1003L, 1002L);
        assertThat(second.items()).extracting(Order::number).containsExactly(1001L);
        assertThat(ports().admin().list(tenant, OrderFilter.SHIPPED, null, 2).items())
                .isEmpty();
        assertThat(ports().admin()
                        .list(TenantId.newId(), OrderFilter.ALL, null, 2)
                        .items())
                .isEmpty();
        assertThat(ports().admin().findByNumber(TenantId.newId(), 1001)).isEmpty();
    }

    private static OrderEvent event(String what) {
        return new OrderEvent(Instant.parse("2026-12-06T11:00:00Z"), "owner", what);
    }
}
