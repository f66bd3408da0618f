package io.dukan.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.aws.testing.Emulators;
import io.dukan.core.cart.AddToCartCommand;
import io.dukan.core.cart.Cart;
import io.dukan.core.cart.CartService;
import io.dukan.core.catalog.Product;
import io.dukan.core.checkout.CheckoutService;
import io.dukan.core.checkout.CheckoutSettingsService;
import io.dukan.core.checkout.DisplayCurrencies;
import io.dukan.core.checkout.PaymentSettings;
import io.dukan.core.checkout.PaymentSettingsCommand;
import io.dukan.core.discount.DiscountService;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.Idempotency;
import io.dukan.core.order.IdempotencyKeyReusedException;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderService;
import io.dukan.core.order.OutOfStockException;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PlaceOrderCommand;
import io.dukan.core.shared.Money;
import io.dukan.core.shipping.ShippingService;
import io.dukan.core.shipping.ShippingSettings;
import io.dukan.core.shipping.ShippingZoneCommand;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.ProductTestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Carts, checkout settings and placement once per checkout, against DynamoDB Local. */
class CheckoutDynamoDbIT {

    static Emulators emulators;
    static DynamoDbProducts products;
    static DynamoDbOrders orders;
    static DynamoDbCarts carts;
    static CartService cartService;
    static ShippingService shipping;
    static CheckoutSettingsService settings;
    static CheckoutService checkout;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        TableName table = TestTables.emulators();
        products = new DynamoDbProducts(emulators.dynamo(), table);
        orders = new DynamoDbOrders(emulators.dynamo(), table);
        carts = new DynamoDbCarts(emulators.dynamo(), table);
        cartService = new CartService(products, carts, Clock.systemUTC());
        shipping = new ShippingService(new DynamoDbShipping(emulators.dynamo(), table));
        settings = new CheckoutSettingsService(new DynamoDbCheckoutSettings(emulators.dynamo(), table));
        checkout = new CheckoutService(
                cartService,
                new OrderService(products, orders),
                orders,
                shipping,
                settings,
                new DiscountService(new DynamoDbDiscounts(emulators.dynamo(), table), Clock.systemUTC()),
                Clock.systemUTC(),
                CheckoutService.OnlineMethods.NONE);
    }

    @AfterAll
    static void stop() throws Exception {
        emulators.close();
    }

    static StoreSettings store() {
        TenantId tenant = TenantId.newId();
        return new StoreSettings(tenant, new Slug("s" + tenant.value().substring(0, 8)), "Shop", "PKR", "PK", "en");
    }

    static Product product(TenantId tenant, int stock) {
        Product p = ProductTestData.aProduct().withStock(stock).build();
        products.add(tenant, p);
        return p;
    }

    static PlaceOrderCommand details(List<PlaceOrderCommand.Line> lines) {
        return new PlaceOrderCommand(
                lines,
                new Contact("Amina", "+92 300 1234567", ""),
                new Address("12 Mall Road", "", "Lahore", "", "", "PK"),
                "",
                PaymentMethod.CASH_ON_DELIVERY);
    }

    @Test
    void anExpiredCart_isIgnored_evenBeforeDynamoDbsTtlRemovesIt() {
        TenantId tenant = TenantId.newId();
        Product figs = product(tenant, 5);
        String id = CartService.newCartId();
        Cart cart = Cart.empty(id).add(figs.id(), figs.defaultVariant().id(), 2);
        Instant now = Instant.now();

        carts.save(tenant, cart, now.plusSeconds(60));
        String expired = CartService.newCartId();
        carts.save(tenant, new Cart(expired, cart.lines()), now.minusSeconds(1));

        assertThat(carts.find(tenant, id, now)).hasValue(cart);
        assertThat(carts.find(tenant, id, now.plusSeconds(61))).isEmpty();
        assertThat(carts.find(tenant, expired, now)).isEmpty();
        assertThat(emulators
                        .dynamo()
                        .getItem(r -> r.tableName(Emulators.TABLE).key(Keys.cart(tenant, expired)))
                        .hasItem())
                .as("DynamoDB Local still holds the expired item")
                .isTrue();
        CartService later = new CartService(
                products, carts, Clock.fixed(now.plus(CartService.LIFETIME).plusSeconds(5), ZoneOffset.UTC));
        assertThat(later.cart(tenant, id).isEmpty()).isTrue();
    }

    @Test
    void anotherStoresCart_isNotFound() {
        TenantId owner = TenantId.newId();
        TenantId other = TenantId.newId();
        Product figs = product(owner, 5);
        String id = CartService.newCartId();
        cartService.add(owner, id, new AddToCartCommand(figs.id(), null, 1));

        assertThat(carts.find(other, id, Instant.now())).isEmpty();
        assertThat(cartService.cart(other, id).isEmpty()).isTrue();
        assertThatThrownBy(() ->
                        cartService.change(other, id, figs.defaultVariant().id(), 3))
                .isInstanceOf(io.dukan.core.shared.NotFoundException.class);
        assertThatThrownBy(() -> cartService.add(other, id, new AddToCartCommand(figs.id(), null, 1)))
                .isInstanceOf(io.dukan.core.shared.NotFoundException.class);
        assertThat(cartService.cart(owner, id).quantityOf(figs.defaultVariant().id()))
                .isEqualTo(1);
    }

    @Test
    void oneCheckoutToken_placedTenTimesAtOnce_andAgainLater_placesOneOrder_andTakesStockOnce() throws Exception {
        StoreSettings store = store();
        Product figs = product(store.tenantId(), 20);
        String cartId = CartService.newCartId();
        cartService.add(store.tenantId(), cartId, new AddToCartCommand(figs.id(), null, 3));
        String token = CheckoutService.newCheckoutToken();

        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Order>> clicks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clicks.add(() -> checkout.placeCart(store, cartId, token, CheckoutDynamoDbIT::details));
        }
        Set<String> codes = new HashSet<>();
        for (Future<Order> f : pool.invokeAll(clicks)) {
            codes.add(f.get().code());
        }
        pool.shutdown();
        Order again = checkout.placeCart(store, cartId, token, CheckoutDynamoDbIT::details);

        assertThat(codes).hasSize(1).containsExactly(again.code());
        assertThat(orders.recent(store.tenantId(), 10)).hasSize(1);
        assertThat(products.find(store.tenantId(), figs.id()).orElseThrow().stock())
                .isEqualTo(17);
        assertThat(cartService.cart(store.tenantId(), cartId).isEmpty()).isTrue();
        assertThat(again.shippingMethod()).isEqualTo("Standard delivery");
    }

    @Test
    void anIdempotencyKey_usedForAnotherOrder_isRefused() {
        StoreSettings store = store();
        Product figs = product(store.tenantId(), 20);
        PlaceOrderCommand one = details(List.of(new PlaceOrderCommand.Line(figs.id(), null, 1)));
        PlaceOrderCommand two = details(List.of(new PlaceOrderCommand.Line(figs.id(), null, 2)));

        Order first = checkout.place(store, one, Idempotency.ofApiKey("k-1", one.toString()));
        Order same = checkout.place(store, one, Idempotency.ofApiKey("k-1", one.toString()));

        assertThat(same).isEqualTo(first);
        assertThatThrownBy(() -> checkout.place(store, two, Idempotency.ofApiKey("k-1", two.toString())))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(products.find(store.tenantId(), figs.id()).orElseThrow().stock())
                .isEqualTo(19);
    }

    @Test
    void twoLinesOfOneSku_cannotBeatTheStockCheck_andNothingIsWritten() {
        StoreSettings store = store();
        Product figs = product(store.tenantId(), 10);
        PlaceOrderCommand split = details(List.of(
                new PlaceOrderCommand.Line(figs.id(), figs.defaultVariant().id(), 6),
                new PlaceOrderCommand.Line(figs.id(), null, 6)));

        assertThatThrownBy(() -> checkout.place(store, split, Idempotency.ofApiKey("split", split.toString())))
                .isInstanceOf(OutOfStockException.class)
                .hasMessageContaining("Dried figs");

        assertThat(products.find(store.tenantId(), figs.id()).orElseThrow().stock())
                .isEqualTo(10);
        assertThat(orders.recent(store.tenantId(), 10)).isEmpty();
        assertThat(orders.findPlaced(store.tenantId(), Idempotency.ofApiKey("split", split.toString())))
                .isEmpty();
    }

    @Test
    void shippingPaymentsAndCurrencies_roundTrip_andChargeTheChosenRate_recordingTheRateShown() {
        StoreSettings store = store();
        Product figs = product(store.tenantId(), 10);
        assertThat(shipping.settings(store).configured()).isFalse();
        shipping.saveZone(
                store,
                ShippingZoneCommand.of(
                        "",
                        "Home",
                        "PK",
                        List.of(
                                new ShippingZoneCommand.RateRow("", "Courier", "FLAT", "250", "", "1000"),
                                new ShippingZoneCommand.RateRow("", "Cargo", "BY_WEIGHT", "", "1=100, 5=300", "")),
                        "PKR"));
        settings.updatePayments(store.tenantId(), PaymentSettingsCommand.of(false, true, "Shop", "HBL", "PK36", ""));
        settings.updateCurrencies(store, "USD 0.0036");

        ShippingSettings saved = shipping.settings(store);
        assertThat(saved.configured()).isTrue();
        assertThat(saved.zones().get(0).rates()).extracting("name").containsExactly("Courier", "Cargo");
        assertThat(settings.payments(store.tenantId()))
                .isEqualTo(new PaymentSettings(
                        false, true, new PaymentSettings.BankTransferDetails("Shop", "HBL", "PK36", "")));
        assertThat(settings.currencies(store.tenantId())).isEqualTo(DisplayCurrencies.parse("USD 0.0036", "PKR"));

        String cargo = saved.zones().get(0).rates().get(1).id();
        PlaceOrderCommand command = new PlaceOrderCommand(
                List.of(new PlaceOrderCommand.Line(figs.id(), null, 3)),
                new Contact("Amina", "+92 300 1234567", ""),
                new Address("12 Mall Road", "", "Lahore", "", "", "PK"),
                "",
                PaymentMethod.BANK_TRANSFER,
                cargo,
                "USD");
        Order order = checkout.place(store, command, null);

        assertThat(order.shipping()).isEqualTo(new Money(30000, "PKR")); // 3 × 500 g = 1.5 kg: the 5 kg band
        assertThat(order.shippingMethod()).isEqualTo("Cargo");
        assertThat(order.total()).isEqualTo(new Money(165000, "PKR"));
        assertThat(order.displayed().currency()).isEqualTo("USD");
        assertThat(order.displayed().rate()).isEqualByComparingTo(new BigDecimal("0.0036"));
        assertThat(orders.findByCode(store.tenantId(), order.code())).hasValue(order);
    }
}
