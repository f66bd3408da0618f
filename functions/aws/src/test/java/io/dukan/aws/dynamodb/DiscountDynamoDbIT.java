package io.dukan.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.aws.testing.Emulators;
import io.dukan.core.cart.CartService;
import io.dukan.core.catalog.Product;
import io.dukan.core.checkout.CheckoutService;
import io.dukan.core.checkout.CheckoutSettingsService;
import io.dukan.core.discount.Discount;
import io.dukan.core.discount.DiscountCodeTakenException;
import io.dukan.core.discount.DiscountCommand;
import io.dukan.core.discount.DiscountInUseException;
import io.dukan.core.discount.DiscountRefusal;
import io.dukan.core.discount.DiscountRefusedException;
import io.dukan.core.discount.DiscountService;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.DiscountClaim;
import io.dukan.core.order.DiscountUnavailableException;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderRepository;
import io.dukan.core.order.OrderService;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PlaceOrderCommand;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.Money;
import io.dukan.core.shipping.ShippingService;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.ProductTestData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Discount codes against DynamoDB Local, through the real checkout and order transaction: the race for a code's last
 * use, refusals that write nothing, once per customer, and another store's code.
 */
class DiscountDynamoDbIT {

    static Emulators emulators;
    static DynamoDbProducts products;
    static DynamoDbOrders orders;
    static DynamoDbDiscounts discountCodes;
    static DiscountService discounts;
    static CheckoutService checkout;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        TableName table = TestTables.emulators();
        products = new DynamoDbProducts(emulators.dynamo(), table);
        orders = new DynamoDbOrders(emulators.dynamo(), table);
        discountCodes = new DynamoDbDiscounts(emulators.dynamo(), table);
        discounts = new DiscountService(discountCodes, Clock.systemUTC());
        checkout = new CheckoutService(
                new CartService(products, new DynamoDbCarts(emulators.dynamo(), table), Clock.systemUTC()),
                new OrderService(products, orders),
                orders,
                new ShippingService(new DynamoDbShipping(emulators.dynamo(), table)),
                new CheckoutSettingsService(new DynamoDbCheckoutSettings(emulators.dynamo(), table)),
                discounts,
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
        Product p = ProductTestData.aProduct()
                .pricedAt(new Money(45_000, "PKR"))
                .withStock(stock)
                .build();
        products.add(tenant, p);
        return p;
    }

    static PlaceOrderCommand order(Product p, String code, String phone, String email) {
        return new PlaceOrderCommand(
                List.of(new PlaceOrderCommand.Line(p.id(), null, 1)),
                new Contact("Amina", phone, email),
                new Address("12 Mall Road", "", "Lahore", "", "", "PK"),
                "",
                PaymentMethod.CASH_ON_DELIVERY,
                "",
                "",
                code);
    }

    static Discount create(
            StoreSettings store,
            String code,
            String kind,
            String value,
            String minimum,
            String ends,
            String limit,
            boolean once) {
        return discounts.create(
                store, DiscountCommand.of(code, kind, value, minimum, "", ends, limit, once, "PKR", ZoneOffset.UTC));
    }

    static int stockOf(TenantId tenant, Product p) {
        return products.find(tenant, p.id()).orElseThrow().defaultVariant().stock();
    }

    @Test
    void twentyShoppersRacingForTheLastUse_giveExactlyOneDiscountedOrder() throws Exception {
        StoreSettings store = store();
        Product figs = product(store.tenantId(), 100);
        create(store, "LASTONE", "PERCENTAGE", "20", "", "", "1", false);
        int racers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String phone = String.format("+92 300 %07d", i);
            results.add(pool.submit((Callable<Object>) () -> {
                go.await();
                try {
                    return checkout.place(store, order(figs, "lastone", phone, ""), null);
                } catch (DiscountRefusedException refused) {
                    return refused;
                }
            }));
        }
        go.countDown();
        List<Order> placed = new ArrayList<>();
        List<DiscountRefusedException> refused = new ArrayList<>();
        for (Future<Object> f : results) {
            Object r = f.get();
            if (r instanceof Order o) {
                placed.add(o);
            } else {
                refused.add((DiscountRefusedException) r);
            }
        }
        pool.shutdown();

        assertThat(placed).hasSize(1);
        assertThat(placed.get(0).discount().amount()).isEqualTo(new Money(9_000, "PKR"));
        assertThat(placed.get(0).total()).isEqualTo(new Money(36_000, "PKR"));
        assertThat(refused)
                .hasSize(racers - 1)
                .allSatisfy(e -> assertThat(e.reason()).isEqualTo(DiscountRefusal.USED_UP));
        assertThat(orders.recent(store.tenantId(), 100)).hasSize(1);
        assertThat(discounts.discount(store.tenantId(), "LASTONE").used()).isEqualTo(1);
        assertThat(stockOf(store.tenantId(), figs)).isEqualTo(99);
        assertThat(orders.findByCode(store.tenantId(), placed.get(0).code())
                        .orElseThrow()
                        .discount())
                .isEqualTo(placed.get(0).discount());
    }

    @Test
    void expiredPausedBelowMinimumAndForeignCodes_areRefused_andNothingIsWritten() {
        StoreSettings store = store();
        StoreSettings other = store();
        Product figs = product(store.tenantId(), 10);
        String past = LocalDateTime.now(ZoneOffset.UTC)
                .minusHours(1)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        create(store, "OVER", "PERCENTAGE", "10", "", past, "", false);
        create(store, "RESTING", "PERCENTAGE", "10", "", "", "", false);
        discounts.pause(store.tenantId(), "RESTING", true);
        create(store, "BIGSPEND", "FIXED_AMOUNT", "100", "5000", "", "", false);
        create(other, "THEIRS", "PERCENTAGE", "50", "", "", "", false);

        assertThat(refusal(store, figs, "over").reason()).isEqualTo(DiscountRefusal.EXPIRED);
        assertThat(refusal(store, figs, "resting").reason()).isEqualTo(DiscountRefusal.PAUSED);
        DiscountRefusedException below = refusal(store, figs, "bigspend");
        assertThat(below.reason()).isEqualTo(DiscountRefusal.BELOW_MINIMUM);
        assertThat(below.minimum()).isEqualTo(new Money(500_000, "PKR"));
        DiscountRefusedException foreign = refusal(store, figs, "theirs");
        assertThat(foreign.reason()).isEqualTo(DiscountRefusal.UNKNOWN);
        assertThat(foreign.getMessage())
                .isEqualTo(refusal(store, figs, "nosuch").getMessage());

        assertThat(orders.recent(store.tenantId(), 10)).isEmpty();
        assertThat(stockOf(store.tenantId(), figs)).isEqualTo(10);
        assertThat(discounts.list(store.tenantId()))
                .hasSize(3)
                .allSatisfy(d -> assertThat(d.used()).isZero());
        assertThat(discounts.discount(other.tenantId(), "THEIRS").used()).isZero();
        assertThat(discounts.list(other.tenantId())).extracting(Discount::code).containsExactly("THEIRS");
    }

    @Test
    void oncePerCustomer_holdsAcrossTwoOrders_byPhoneOrEmail() {
        StoreSettings store = store();
        Product figs = product(store.tenantId(), 10);
        create(store, "WELCOME", "FIXED_AMOUNT", "50", "", "", "", true);

        Order first = checkout.place(store, order(figs, "WELCOME", "+92 300 1234567", "amina@example.com"), null);
        DiscountRefusedException samePhone = refusal(store, figs, "welcome", "0300 1234567", "");
        DiscountRefusedException sameEmail = refusal(store, figs, "welcome", "+92 345 7654321", "AMINA@example.com");
        Order someoneElse = checkout.place(store, order(figs, "WELCOME", "+92 333 1111111", ""), null);

        assertThat(first.discount().amount()).isEqualTo(new Money(5_000, "PKR"));
        assertThat(samePhone.reason()).isEqualTo(DiscountRefusal.ALREADY_USED);
        assertThat(sameEmail.reason()).isEqualTo(DiscountRefusal.ALREADY_USED);
        assertThat(someoneElse.discount()).isNotNull();
        assertThat(discounts.discount(store.tenantId(), "WELCOME").used()).isEqualTo(2);
        assertThat(orders.recent(store.tenantId(), 10)).hasSize(2);
        assertThat(stockOf(store.tenantId(), figs)).isEqualTo(8);
    }

    @Test
    void theOrderTransaction_refusesACustomerMarkerThatExists_evenPastTheServicesCheck() {
        StoreSettings store = store();
        Product figs = product(store.tenantId(), 10);
        create(store, "ONLYONCE", "PERCENTAGE", "10", "", "", "", true);
        Contact amina = new Contact("Amina", "+92 300 1234567", "");
        checkout.place(store, order(figs, "ONLYONCE", amina.phone(), ""), null);
        DiscountClaim stale = new DiscountClaim(
                new io.dukan.core.order.OrderDiscount("ONLYONCE", new Money(4_500, "PKR"), false),
                1,
                io.dukan.core.discount.DiscountCodes.customerKeys("ONLYONCE", amina.phone(), "", "PK"),
                Instant.now());

        assertThatThrownBy(() -> orders.place(store.tenantId(), draft(store, figs, amina, stale)))
                .isInstanceOfSatisfying(
                        DiscountUnavailableException.class,
                        e -> assertThat(e.usedByCustomer()).isTrue());
        assertThat(orders.recent(store.tenantId(), 10)).hasSize(1);
        assertThat(discounts.discount(store.tenantId(), "ONLYONCE").used()).isEqualTo(1);
        assertThat(stockOf(store.tenantId(), figs)).isEqualTo(9);
    }

    @Test
    void anEditAfterTheQuote_refusesTheOrderWithTheOldTerms() {
        StoreSettings store = store();
        Product figs = product(store.tenantId(), 10);
        Discount d = create(store, "EDITED", "PERCENTAGE", "10", "", "", "", false);
        Contact amina = new Contact("Amina", "+92 300 1234567", "");
        DiscountClaim claim = discounts.claim(store, "EDITED", new Money(45_000, "PKR"), new Money(0, "PKR"), amina);
        discounts.update(
                store.tenantId(),
                "EDITED",
                DiscountCommand.of("EDITED", "PERCENTAGE", "5", "", "", "", "", false, "PKR", ZoneOffset.UTC),
                d.terms());

        assertThatThrownBy(() -> orders.place(store.tenantId(), draft(store, figs, amina, claim)))
                .isInstanceOf(DiscountUnavailableException.class);
        assertThat(orders.recent(store.tenantId(), 10)).isEmpty();
        assertThat(stockOf(store.tenantId(), figs)).isEqualTo(10);
    }

    @Test
    void codesAreUniquePerStore_andAUsedCodeIsKept() {
        StoreSettings store = store();
        Product figs = product(store.tenantId(), 10);
        create(store, "KEEP", "PERCENTAGE", "10", "", "", "", false);
        create(store, "DROP", "PERCENTAGE", "10", "", "", "", false);
        checkout.place(store, order(figs, "keep", "+92 300 1234567", ""), null);

        assertThatThrownBy(() -> create(store, "keep", "FREE_DELIVERY", "", "", "", "", false))
                .isInstanceOf(DiscountCodeTakenException.class);
        assertThatThrownBy(() -> discounts.delete(store.tenantId(), "KEEP")).isInstanceOf(DiscountInUseException.class);
        discountCodes.delete(store.tenantId(), "DROP");
        assertThatThrownBy(() -> discountCodes.delete(store.tenantId(), "KEEP"))
                .as("the adapter's own condition, not only the service's check")
                .isInstanceOf(DiscountInUseException.class);

        assertThat(discounts.list(store.tenantId())).extracting(Discount::code).containsExactly("KEEP");
    }

    private static OrderRepository.Draft draft(StoreSettings store, Product p, Contact contact, DiscountClaim claim) {
        return new OrderRepository.Draft(
                Ids.newSecret(),
                new OrderService(products, orders)
                        .price(store.tenantId(), List.of(new PlaceOrderCommand.Line(p.id(), null, 1)))
                        .lines(),
                new Money(0, "PKR"),
                contact,
                new Address("12 Mall Road", "", "Lahore", "", "", "PK"),
                "",
                "",
                PaymentMethod.CASH_ON_DELIVERY,
                null,
                Instant.now(),
                claim);
    }

    private static DiscountRefusedException refusal(StoreSettings store, Product p, String code) {
        return refusal(store, p, code, "+92 300 1234567", "");
    }

    private static DiscountRefusedException refusal(
            StoreSettings store, Product p, String code, String phone, String email) {
        try {
            checkout.place(store, order(p, code, phone, email), null);
        } catch (DiscountRefusedException e) {
            return e;
        }
        throw new AssertionError("the code " + code + " was not refused");
    }
}
