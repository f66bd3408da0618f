package io.dukan.aws.dynamodb;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.account.Role;
import io.dukan.core.account.StoreUser;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderService;
import io.dukan.core.order.PlaceOrderCommand;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;

/** Writes a store's own records through the real adapter, as provisioning's STORE_DATA step does. */
public final class TestStores {

    private TestStores() {}

    public static StoreSettings seed(Emulators emulators, String slug, String currency, String ownerEmail,
            String password) {
        return seed(emulators, slug, "Store " + slug, currency, ownerEmail, password);
    }

    public static StoreSettings seed(Emulators emulators, String slug, String name, String currency, String ownerEmail,
            String password) {
        DynamoDbStoreData data = new DynamoDbStoreData(emulators.dynamo(), TestTables.emulators());
        StoreSettings settings = new StoreSettings(TenantId.newId(), new Slug(slug), name, currency, "PK", "en");
        data.createStoreData(settings, new StoreUser(settings.tenantId(), ownerEmail,
                BCrypt.withDefaults().hashToString(4, password.toCharArray()), Role.OWNER));
        return settings;
    }

    /** Places an order through the real use case and repository. */
    public static Order placeOrder(Emulators emulators, TenantId tenant, PlaceOrderCommand command) {
        TableName table = TestTables.emulators();
        return new OrderService(new DynamoDbProducts(emulators.dynamo(), table),
                new DynamoDbOrders(emulators.dynamo(), table), Clock.systemUTC()).place(tenant, command);
    }
}
