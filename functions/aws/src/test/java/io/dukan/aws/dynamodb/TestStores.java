package io.dukan.aws.dynamodb;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.account.Role;
import io.dukan.core.account.StoreUser;
import io.dukan.core.cart.CartService;
import io.dukan.core.checkout.CheckoutService;
import io.dukan.core.checkout.CheckoutSettingsService;
import io.dukan.core.checkout.PaymentSettingsCommand;
import io.dukan.core.discount.DiscountService;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderLine;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Writes a store's own records through the real adapter, as provisioning's STORE_DATA step does. */
public final class TestStores {

    private TestStores() {}

    public static StoreSettings seed(
            Emulators emulators, String slug, String currency, String ownerEmail, String password) {
        return seed(emulators, slug, "Store " + slug, currency, ownerEmail, password);
    }

    public static StoreSettings seed(
            Emulators emulators, String slug, String name, String currency, String ownerEmail, String password) {
        DynamoDbStoreData data = new DynamoDbStoreData(emulators.dynamo(), TestTables.emulators());
        StoreSettings settings = new StoreSettings(TenantId.newId(), new Slug(slug), name, currency, "PK", "en");
        data.createStoreData(
                settings,
                new StoreUser(
                        settings.tenantId(),
                        ownerEmail,
                        BCrypt.withDefaults().hashToString(4, password.toCharArray()),
                        Role.OWNER));
        return settings;
    }

    /** A store record for tests that need only its tenant: Pakistan, rupees, English. */
    public static StoreSettings storeOf(TenantId tenant) {
        return new StoreSettings(tenant, new Slug("s" + tenant.value().substring(0, 8)), "Shop", "PKR", "PK", "en");
    }

    /** The checkout as the shop function wires it, over the real adapters. */
    public static CheckoutService checkout(DynamoDbClient dynamo, TableName table) {
        DynamoDbProducts products = new DynamoDbProducts(dynamo, table);
        DynamoDbOrders orders = new DynamoDbOrders(dynamo, table);
        return new CheckoutService(
                new CartService(products, new DynamoDbCarts(dynamo, table), Clock.systemUTC()),
                new OrderService(products, orders),
                orders,
                new ShippingService(new DynamoDbShipping(dynamo, table)),
                new CheckoutSettingsService(new DynamoDbCheckoutSettings(dynamo, table)),
                new DiscountService(new DynamoDbDiscounts(dynamo, table), Clock.systemUTC()),
                Clock.systemUTC(),
                CheckoutService.OnlineMethods.NONE);
    }

    /**
     * Places an order as the shop's JSON API does ({@link CheckoutService#place}, no idempotency key) through the real
     * adapters: the store's shipping zones and payment methods apply (a new store delivers free in its own country and
     * takes cash on delivery; see {@link #acceptBankTransfer}).
     */
    public static Order placeOrder(Emulators emulators, StoreSettings store, PlaceOrderCommand command) {
        return checkout(emulators.dynamo(), TestTables.emulators()).place(store, command, null);
    }

    /** The owner's payment settings: cash on delivery and bank transfer to a test account. */
    public static void acceptBankTransfer(Emulators emulators, TenantId tenant) {
        new CheckoutSettingsService(new DynamoDbCheckoutSettings(emulators.dynamo(), TestTables.emulators()))
                .updatePayments(
                        tenant,
                        PaymentSettingsCommand.of(
                                true, true, "Test Traders", "Test Bank", "PK00TEST0000000000000001", ""));
    }

    /**
     * A card order, written through the real order repository. No shopper can place one yet: the checkout offers
     * only the offline methods ({@link CheckoutService#paymentMethods}); until it offers cards when a provider is
     * configured, this stands in for the provider-backed checkout so the webhook path can be tested. Priced from the
     * catalog as the checkout prices; no delivery charge.
     */
    public static Order placeCardOrder(
            Emulators emulators,
            StoreSettings store,
            List<PlaceOrderCommand.Line> lines,
            Contact contact,
            Address address) {
        TableName table = TestTables.emulators();
        DynamoDbOrders orders = new DynamoDbOrders(emulators.dynamo(), table);
        List<OrderLine> priced = new OrderService(new DynamoDbProducts(emulators.dynamo(), table), orders)
                .price(store.tenantId(), lines)
                .lines();
        return orders.place(
                store.tenantId(),
                new OrderRepository.Draft(
                        Ids.newSecret(),
                        priced,
                        new Money(0, store.currency()),
                        contact,
                        address,
                        "",
                        "",
                        PaymentMethod.CARD,
                        null,
                        Instant.now()));
    }
}
