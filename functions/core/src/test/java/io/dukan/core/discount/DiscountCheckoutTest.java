package io.dukan.core.discount;

import static io.dukan.core.testing.PlaceOrderTestData.anOrderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.catalog.Product;
import io.dukan.core.order.Order;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.InMemoryOrdering;
import io.dukan.core.testing.ProductTestData;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Placing orders with codes over the in-memory fakes: the order's discount line, uses counted, refusals. */
class DiscountCheckoutTest {

    final InMemoryOrdering shop = new InMemoryOrdering();
    final StoreSettings store = new StoreSettings(TenantId.newId(), new Slug("kashgar"), "Kashgar", "PKR", "PK", "en");
    final TenantId tenant = store.tenantId();
    final Product figs =
            ProductTestData.aProduct().pricedAt(pkr(45_000)).withStock(10).build();

    DiscountCheckoutTest() {
        shop.catalog.add(tenant, figs);
    }

    static Money pkr(long minor) {
        return new Money(minor, "PKR");
    }

    Discount create(String code, String kind, String value, String minimum, String limit, boolean once) {
        return shop.discounts.create(
                store, DiscountCommand.of(code, kind, value, minimum, "", "", limit, once, "PKR", ZoneOffset.UTC));
    }

    int stock() {
        return shop.catalog
                .find(tenant, figs.id())
                .orElseThrow()
                .defaultVariant()
                .stock();
    }

    @Test
    void anOrderWithACode_showsTheDiscount_andCountsTheUse() {
        create("EID10", "PERCENTAGE", "10", "", "", false);

        Order order = shop.checkout.place(
                store, anOrderOf(figs, 2).withCode("  eid10 ").build(), null);

        assertThat(order.discount().code()).isEqualTo("EID10");
        assertThat(order.discount().amount()).isEqualTo(pkr(9_000));
        assertThat(order.subtotal()).isEqualTo(pkr(90_000));
        assertThat(order.total()).isEqualTo(pkr(81_000)); // a new store delivers free at home
        assertThat(shop.discounts.discount(tenant, "eid10").used()).isEqualTo(1);
    }

    @Test
    void aCodeWithItsLastUse_givesOneOrder_andTheNextIsRefused_withNothingWritten() {
        create("LAST", "FIXED_AMOUNT", "100", "", "1", false);
        shop.checkout.place(store, anOrderOf(figs, 1).withCode("LAST").build(), null);

        assertThatThrownBy(() -> shop.checkout.place(
                        store, anOrderOf(figs, 1).withCode("LAST").build(), null))
                .isInstanceOfSatisfying(
                        DiscountRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DiscountRefusal.USED_UP));
        assertThat(shop.orders.recent(tenant, 10)).hasSize(1);
        assertThat(stock()).isEqualTo(9);
        assertThat(shop.discounts.discount(tenant, "LAST").used()).isEqualTo(1);
    }

    @Test
    void pausedExpiredBelowMinimumAndUnknownCodes_areRefused_andNothingIsWritten() {
        create("PAUSED", "PERCENTAGE", "10", "", "", false);
        shop.discounts.pause(tenant, "PAUSED", true);
        shop.discounts.create(
                store,
                DiscountCommand.of(
                        "OVER", "PERCENTAGE", "10", "", "", "2026-12-06T09:00", "", false, "PKR", ZoneOffset.UTC));
        create("BIG", "PERCENTAGE", "10", "5000", "", false);

        assertRefused("PAUSED", DiscountRefusal.PAUSED);
        assertRefused("OVER", DiscountRefusal.EXPIRED);
        assertRefused("BIG", DiscountRefusal.BELOW_MINIMUM);
        assertRefused("NOSUCH", DiscountRefusal.UNKNOWN);
        assertThat(shop.orders.recent(tenant, 10)).isEmpty();
        assertThat(stock()).isEqualTo(10);
        assertThat(shop.discounts.list(tenant))
                .allSatisfy(d -> assertThat(d.used()).isZero());
    }

    @Test
    void anotherStoresCode_isRefusedExactlyAsAnUnknownOne() {
        StoreSettings other = new StoreSettings(TenantId.newId(), new Slug("other"), "Other", "PKR", "PK", "en");
        shop.discounts.create(
                other, DiscountCommand.of("THEIRS", "PERCENTAGE", "50", "", "", "", "", false, "PKR", ZoneOffset.UTC));

        DiscountRefusedException foreign = refusal("THEIRS");
        DiscountRefusedException unknown = refusal("NOSUCH");

        assertThat(foreign.reason()).isEqualTo(DiscountRefusal.UNKNOWN);
        assertThat(foreign.getMessage()).isEqualTo(unknown.getMessage());
        assertThat(shop.discounts.discount(other.tenantId(), "THEIRS").used()).isZero();
    }

    @Test
    void aNotYetStartedCode_worksOnceItsTimeComes() {
        shop.discounts.create(
                store,
                DiscountCommand.of(
                        "SOON", "PERCENTAGE", "10", "", "2026-12-06T11:00", "", "", false, "PKR", ZoneOffset.UTC));
        assertRefused("SOON", DiscountRefusal.NOT_STARTED);

        shop.clock.advance(Duration.ofHours(1));

        assertThat(shop.checkout
                        .place(store, anOrderOf(figs, 1).withCode("soon").build(), null)
                        .discount())
                .isNotNull();
    }

    @Test
    void oncePerCustomer_refusesTheSamePhoneWrittenAnotherWay_orTheSameEmail() {
        create("WELCOME", "FIXED_AMOUNT", "50", "", "", true);
        shop.checkout.place(
                store,
                anOrderOf(figs, 1)
                        .withCode("WELCOME")
                        .reachedAt("+92 300 1234567", "")
                        .build(),
                null);

        assertThatThrownBy(() -> shop.checkout.place(
                        store,
                        anOrderOf(figs, 1)
                                .withCode("WELCOME")
                                .reachedAt("0300-1234567", "")
                                .build(),
                        null))
                .isInstanceOfSatisfying(
                        DiscountRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DiscountRefusal.ALREADY_USED));
        Order other = shop.checkout.place(
                store,
                anOrderOf(figs, 1)
                        .withCode("WELCOME")
                        .reachedAt("+92 333 7654321", "bilal@example.com")
                        .build(),
                null);
        assertThatThrownBy(() -> shop.checkout.place(
                        store,
                        anOrderOf(figs, 1)
                                .withCode("WELCOME")
                                .reachedAt("+92 345 0000000", "Bilal@Example.com")
                                .build(),
                        null))
                .isInstanceOf(DiscountRefusedException.class);

        assertThat(other.discount()).isNotNull();
        assertThat(shop.discounts.discount(tenant, "WELCOME").used()).isEqualTo(2);
    }

    @Test
    void aFixedAmountLargerThanTheOrder_leavesTheDeliveryToPay_neverZero() {
        create("HUGE", "FIXED_AMOUNT", "100000", "", "", false);

        Order order =
                shop.checkout.place(store, anOrderOf(figs, 1).withCode("HUGE").build(), null);

        assertThat(order.discount().amount()).isEqualTo(pkr(44_999));
        assertThat(order.total()).isEqualTo(pkr(1));
    }

    @Test
    void cancellingAnOrder_doesNotGiveTheUseBack() {
        create("ONCE", "PERCENTAGE", "10", "", "1", false);
        Order order =
                shop.checkout.place(store, anOrderOf(figs, 1).withCode("ONCE").build(), null);

        Order cancelled = shop.admin.cancel(tenant, order.code(), "owner", order.version());

        assertThat(cancelled.discount()).isEqualTo(order.discount());
        assertThat(cancelled.total()).isEqualTo(order.total());
        assertThat(shop.discounts.discount(tenant, "ONCE").used()).isEqualTo(1);
    }

    @Test
    void aUsedCode_cannotBeDeleted_butAnUnusedOneCan() {
        create("USED", "PERCENTAGE", "10", "", "", false);
        create("FRESH", "PERCENTAGE", "10", "", "", false);
        shop.checkout.place(store, anOrderOf(figs, 1).withCode("USED").build(), null);

        assertThatThrownBy(() -> shop.discounts.delete(tenant, "USED")).isInstanceOf(DiscountInUseException.class);
        shop.discounts.delete(tenant, "fresh");

        assertThat(shop.discounts.list(tenant)).extracting(Discount::code).containsExactly("USED");
    }

    @Test
    void codesAreUniquePerStore_whateverTheirCase() {
        create("EID", "PERCENTAGE", "10", "", "", false);

        assertThatThrownBy(() -> create("eid", "PERCENTAGE", "20", "", "", false))
                .isInstanceOf(DiscountCodeTakenException.class);
    }

    @Test
    void editingACode_betweenQuoteAndOrder_refusesWithChanged_notTheOldAmount() {
        Discount d = create("EDIT", "PERCENTAGE", "10", "", "", false);
        var claim = shop.discounts.claim(
                store, "EDIT", pkr(45_000), pkr(0), anOrderOf(figs, 1).build().contact());
        shop.discounts.update(
                tenant,
                "EDIT",
                DiscountCommand.of("EDIT", "PERCENTAGE", "5", "", "", "", "", false, "PKR", ZoneOffset.UTC),
                d.terms());

        assertThatThrownBy(() -> shop.orders.place(
                        tenant,
                        new io.dukan.core.order.OrderRepository.Draft(
                                io.dukan.core.shared.Ids.newSecret(),
                                shop.orderService
                                        .price(
                                                tenant,
                                                anOrderOf(figs, 1).build().lines())
                                        .lines(),
                                pkr(0),
                                anOrderOf(figs, 1).build().contact(),
                                anOrderOf(figs, 1).build().address(),
                                "",
                                "",
                                io.dukan.core.order.PaymentMethod.CASH_ON_DELIVERY,
                                null,
                                shop.clock.instant(),
                                claim)))
                .isInstanceOf(io.dukan.core.order.DiscountUnavailableException.class);
        assertThat(shop.orders.recent(tenant, 10)).isEmpty();
    }

    private void assertRefused(String code, DiscountRefusal reason) {
        assertThat(refusal(code).reason()).isEqualTo(reason);
    }

    private DiscountRefusedException refusal(String code) {
        try {
            shop.checkout.place(store, anOrderOf(figs, 1).withCode(code).build(), null);
        } catch (DiscountRefusedException e) {
            return e;
        }
        throw new AssertionError("the code " + code + " was not refused");
    }
}
