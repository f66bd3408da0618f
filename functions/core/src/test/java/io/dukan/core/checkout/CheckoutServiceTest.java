package io.dukan.core.checkout;

import static io.dukan.core.testing.PlaceOrderTestData.anOrderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.cart.AddToCartCommand;
import io.dukan.core.cart.CartService;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.order.DisplayCurrency;
import io.dukan.core.order.Idempotency;
import io.dukan.core.order.IdempotencyKeyReusedException;
import io.dukan.core.order.Order;
import io.dukan.core.order.OutOfStockException;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.order.PlaceOrderCommand;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shipping.ShippingRate;
import io.dukan.core.shipping.ShippingSettings;
import io.dukan.core.shipping.ShippingZone;
import io.dukan.core.shipping.UnservedDestinationException;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.InMemoryOrdering;
import io.dukan.core.testing.ProductTestData;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Placing orders over in-memory fakes: stock, delivery, payment methods, totals and placing once. */
class CheckoutServiceTest {

    final InMemoryOrdering shop = new InMemoryOrdering();
    final StoreSettings store = new StoreSettings(TenantId.newId(), new Slug("kashgar"), "Kashgar", "PKR", "PK", "en");
    final TenantId tenant = store.tenantId();

    Product inCatalog(ProductTestData data) {
        Product p = data.build();
        shop.catalog.add(tenant, p);
        return p;
    }

    int stockOf(Product p) {
        return shop.catalog.find(tenant, p.id()).orElseThrow().defaultVariant().stock();
    }

    /** PK by courier (250, free from 10,000) or express (600); the UAE at 2,000; nowhere else. */
    void ownerSetsZones() {
        ShippingRate courier =
                new ShippingRate("courier", "Courier", ShippingRate.Kind.FLAT, pkr(25000), List.of(), pkr(1000000));
        ShippingRate express =
                new ShippingRate("express", "Express", ShippingRate.Kind.FLAT, pkr(60000), List.of(), null);
        ShippingRate gulf = new ShippingRate("gulf", "Air mail", ShippingRate.Kind.FLAT, pkr(200000), List.of(), null);
        shop.shippingZones.save(
                tenant,
                new ShippingSettings(
                        List.of(
                                new ShippingZone(
                                        "home",
                                        "Pakistan",
                                        List.of(new ShippingZone.Area("PK", "")),
                                        List.of(courier, express)),
                                new ShippingZone(
                                        "gulf", "UAE", List.of(new ShippingZone.Area("AE", "")), List.of(gulf))),
                        true));
    }

    static Money pkr(long minor) {
        return new Money(minor, "PKR");
    }

    @Test
    void place_takesTheStock_andNumbersOrdersFrom1001() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(5));

        Order first = shop.checkout.place(store, anOrderOf(figs, 2).build(), null);
        Order second = shop.checkout.place(store, anOrderOf(figs, 1).build(), null);

        assertThat(first.number()).isEqualTo(1001);
        assertThat(second.number()).isEqualTo(1002);
        assertThat(first.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(first.version()).isEqualTo(1);
        assertThat(stockOf(figs)).isEqualTo(2);
        assertThat(shop.orders.findByCode(tenant, first.code())).hasValue(first);
    }

    @Test
    void place_rejects_whenStockIsShort_andWritesNothing() {
        Product figs = inCatalog(ProductTestData.aProduct().named("Figs").withStock(5));
        Product dates = inCatalog(ProductTestData.aProduct().named("Dates").withStock(1));

        assertThatThrownBy(() -> shop.checkout.place(
                        store, anOrderOf(figs, 2).and(dates, 2).build(), null))
                .isInstanceOf(OutOfStockException.class)
                .hasMessageContaining("Dates");

        assertThat(stockOf(figs))
                .as("all or nothing: the line that had enough keeps its stock")
                .isEqualTo(5);
        assertThat(stockOf(dates)).isEqualTo(1);
        assertThat(shop.orders.recent(tenant, 10)).isEmpty();
    }

    @Test
    void place_checksTwoLinesOfOneVariantTogether_soTheyCannotEachPassTheStockCheck() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(10));

        assertThatThrownBy(() -> shop.checkout.place(
                        store, anOrderOf(figs, 6).and(figs, 6).build(), null))
                .isInstanceOf(OutOfStockException.class);
        Order ok = shop.checkout.place(store, anOrderOf(figs, 4).and(figs, 6).build(), null);

        assertThat(ok.lines())
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(10));
        assertThat(stockOf(figs)).isZero();
    }

    @Test
    void place_sellsBeyondStock_whenTheOwnerKeepsSellingWhenSoldOut() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(1).sellingWhenSoldOut());

        shop.checkout.place(store, anOrderOf(figs, 3).build(), null);

        assertThat(stockOf(figs)).isEqualTo(-2);
    }

    @Test
    void place_refuses_aDraftOrAnotherStoresProduct() {
        Product draft = inCatalog(ProductTestData.aProduct().withStatus(ProductStatus.DRAFT));
        Product elsewhere = ProductTestData.aProduct().build();
        shop.catalog.add(TenantId.newId(), elsewhere);

        assertThatThrownBy(() -> shop.checkout.place(store, anOrderOf(draft, 1).build(), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no longer sold");
        assertThatThrownBy(
                        () -> shop.checkout.place(store, anOrderOf(elsewhere, 1).build(), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no longer sold");
        assertThat(shop.orders.recent(tenant, 10)).isEmpty();
    }

    @Test
    void place_refuses_aDestinationNoZoneServes_beforeTakingStock() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(5));

        assertThatThrownBy(() -> shop.checkout.place(
                        store, anOrderOf(figs, 1).deliveredTo("AE", "").build(), null))
                .as("a new store delivers in its own country only")
                .isInstanceOf(UnservedDestinationException.class);
        ownerSetsZones();
        assertThatThrownBy(() -> shop.checkout.place(
                        store, anOrderOf(figs, 1).deliveredTo("FR", "").build(), null))
                .isInstanceOf(UnservedDestinationException.class);

        assertThat(stockOf(figs)).isEqualTo(5);
        assertThat(shop.orders.recent(tenant, 10)).isEmpty();
    }

    @Test
    void place_refuses_anAddressWithoutCountryOrCity() {
        Product figs = inCatalog(ProductTestData.aProduct());

        assertThatThrownBy(() -> shop.checkout.place(
                        store, anOrderOf(figs, 1).deliveredTo("", "").build(), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("country");
        assertThatThrownBy(() ->
                        shop.checkout.place(store, anOrderOf(figs, 1).inCity("").build(), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("city");
    }

    @Test
    void place_refuses_aPaymentMethodTheStoreHasNotEnabled() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(5));
        PlaceOrderCommand byTransfer =
                anOrderOf(figs, 1).payingBy(PaymentMethod.BANK_TRANSFER).build();
        PlaceOrderCommand byCard =
                anOrderOf(figs, 1).payingBy(PaymentMethod.CARD).build();

        assertThatThrownBy(() -> shop.checkout.place(store, byTransfer, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not take bank transfer");
        assertThatThrownBy(() -> shop.checkout.place(store, byCard, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("card payments");
        shop.settings.updatePayments(
                tenant,
                PaymentSettingsCommand.of(false, true, "Kashgar Traders", "Meezan", "PK36MEZN0000001234567890", ""));
        assertThatThrownBy(() -> shop.checkout.place(store, anOrderOf(figs, 1).build(), null))
                .as("cash on delivery turned off")
                .hasMessageContaining("does not take cash on delivery");

        Order placed = shop.checkout.place(store, byTransfer, null);

        assertThat(placed.paymentMethod()).isEqualTo(PaymentMethod.BANK_TRANSFER);
        assertThat(stockOf(figs)).isEqualTo(4);
    }

    @Test
    void place_addsTheChosenRatesShipping_toTheTotal() {
        ownerSetsZones();
        Product figs = inCatalog(ProductTestData.aProduct().pricedAt(pkr(45000)).withStock(50));

        assertThatThrownBy(() -> shop.checkout.place(store, anOrderOf(figs, 2).build(), null))
                .as("two options and no choice")
                .hasMessageContaining("choose a delivery option");
        Order express = shop.checkout.place(
                store, anOrderOf(figs, 2).shippedBy("express").build(), null);
        Order abroad = shop.checkout.place(
                store, anOrderOf(figs, 1).deliveredTo("AE", "").build(), null);
        Order freeAbove = shop.checkout.place(
                store, anOrderOf(figs, 30).shippedBy("courier").build(), null);

        assertThat(express.subtotal()).isEqualTo(pkr(90000));
        assertThat(express.shipping()).isEqualTo(pkr(60000));
        assertThat(express.total()).isEqualTo(pkr(150000));
        assertThat(express.shippingMethod()).isEqualTo("Express");
        assertThat(abroad.total()).isEqualTo(pkr(245000));
        assertThat(freeAbove.shipping())
                .as("subtotal 13,500 reaches the courier's free threshold")
                .isEqualTo(pkr(0));
        assertThat(freeAbove.total()).isEqualTo(pkr(1350000));
    }

    @Test
    void place_recordsTheDisplayCurrencysRate_whenTheStoreOffersIt_andIgnoresOneItDoesNot() {
        Product figs = inCatalog(ProductTestData.aProduct().pricedAt(pkr(45000)));
        shop.settings.updateCurrencies(store, "USD 0.0036");

        Order inDollars =
                shop.checkout.place(store, anOrderOf(figs, 1).seenIn("USD").build(), null);
        Order inYen =
                shop.checkout.place(store, anOrderOf(figs, 1).seenIn("JPY").build(), null);

        assertThat(inDollars.displayed()).isEqualTo(new DisplayCurrency("USD", new BigDecimal("0.0036")));
        assertThat(inDollars.total()).as("charged in the store's currency").isEqualTo(pkr(45000));
        assertThat(inYen.displayed()).isNull();
    }

    @Test
    void place_withOneIdempotencyKey_placesOnce_andTakesStockOnce() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(5));
        PlaceOrderCommand command = anOrderOf(figs, 2).build();
        Idempotency key = Idempotency.ofApiKey("k-1", command.toString());

        CheckoutService.Placement first = shop.checkout.placeOnce(store, command, key);
        CheckoutService.Placement again = shop.checkout.placeOnce(store, command, key);

        assertThat(first.placedNow()).isTrue();
        assertThat(again.placedNow()).isFalse();
        assertThat(again.order()).isEqualTo(first.order());
        assertThat(stockOf(figs)).isEqualTo(3);
        assertThat(shop.orders.recent(tenant, 10)).hasSize(1);
    }

    @Test
    void place_refuses_aKeyReusedForOtherContent() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(5));
        PlaceOrderCommand one = anOrderOf(figs, 1).build();
        PlaceOrderCommand two = anOrderOf(figs, 2).build();
        shop.checkout.place(store, one, Idempotency.ofApiKey("k-1", one.toString()));

        assertThatThrownBy(() -> shop.checkout.place(store, two, Idempotency.ofApiKey("k-1", two.toString())))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(stockOf(figs)).isEqualTo(4);
    }

    @Test
    void placeCart_twiceWithOneCheckoutToken_placesOnce_andEmptiesTheCart() {
        Product figs = inCatalog(ProductTestData.aProduct().withStock(5));
        String cart = CartService.newCartId();
        shop.cartService.add(tenant, cart, new AddToCartCommand(figs.id(), null, 2));
        String token = CheckoutService.newCheckoutToken();

        CheckoutService.Placement first = shop.checkout.placeCartOnce(
                store,
                cart,
                token,
                lines -> new PlaceOrderCommand(
                        lines,
                        anOrderOf(figs, 1).build().contact(),
                        anOrderOf(figs, 1).build().address(),
                        "",
                        PaymentMethod.CASH_ON_DELIVERY));
        CheckoutService.Placement resubmitted = shop.checkout.placeCartOnce(store, cart, token, lines -> {
            throw new AssertionError("a resubmitted form must not build a second order");
        });

        assertThat(first.placedNow()).isTrue();
        assertThat(first.order().lines())
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
        assertThat(resubmitted.placedNow()).isFalse();
        assertThat(resubmitted.order()).isEqualTo(first.order());
        assertThat(shop.cartService.cart(tenant, cart).isEmpty()).isTrue();
        assertThat(stockOf(figs)).isEqualTo(3);
    }

    @Test
    void placeCart_refuses_anExpiredForm_andAnEmptyCart() {
        String cart = CartService.newCartId();

        assertThatThrownBy(() -> shop.checkout.placeCart(store, cart, "not-a-token", lines -> null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(
                        () -> shop.checkout.placeCart(store, cart, CheckoutService.newCheckoutToken(), lines -> null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cart is empty");
    }

    @Test
    void paymentMethods_areCashOnDeliveryOnly_forANewStore() {
        assertThat(shop.checkout.paymentMethods(tenant)).containsExactly(PaymentMethod.CASH_ON_DELIVERY);
    }
}
