package io.dukan.aws.dynamodb;

import io.dukan.aws.testing.Emulators;
import io.dukan.core.catalog.Product;
import io.dukan.core.order.OrderAdminService;
import java.time.Clock;

/** Test access to the adapters the insight tests drive orders with (the owner's order actions). */
public final class TestInsight {

    private TestInsight() {}

    /** The owner's order actions (mark paid, ship, cancel) over the real adapters. */
    public static OrderAdminService orderAdmin(Emulators emulators) {
        TableName table = TestTables.emulators();
        return new OrderAdminService(
                new DynamoDbOrders(emulators.dynamo(), table),
                new DynamoDbOrderAdmin(emulators.dynamo(), table),
                Clock.systemUTC());
    }

    /**
     * A store as provisioning leaves it: its platform record (registered, then ACTIVE, opened at {@code createdAt})
     * and its own data, in {@code country} selling in {@code currency}.
     */
    public static io.dukan.core.tenant.StoreSettings openStore(
            Emulators emulators, String slug, String currency, String country, java.time.Instant createdAt) {
        TableName table = TestTables.emulators();
        io.dukan.core.tenant.TenantId id = io.dukan.core.tenant.TenantId.newId();
        io.dukan.core.tenant.StoreSettings settings = new io.dukan.core.tenant.StoreSettings(
                id, new io.dukan.core.tenant.Slug(slug), "Store " + slug, currency, country, "en");
        DynamoDbStoreRegistry registry = new DynamoDbStoreRegistry(emulators.dynamo(), table);
        registry.register(
                new io.dukan.core.tenant.Store(
                        id,
                        settings.slug(),
                        settings.name(),
                        "owner@" + slug + ".example",
                        currency,
                        country,
                        "en",
                        io.dukan.core.tenant.StoreStatus.PROVISIONING,
                        "",
                        java.util.Set.of(),
                        createdAt),
                null,
                "x");
        new DynamoDbStoreData(emulators.dynamo(), table)
                .createStoreData(
                        settings,
                        new io.dukan.core.account.StoreUser(
                                id, "owner@" + slug + ".example", "x", io.dukan.core.account.Role.OWNER));
        registry.setStatus(id, io.dukan.core.tenant.StoreStatus.ACTIVE, "");
        return settings;
    }

    /** Every order of the store, read from its partition (for recounts; never what a page does). */
    public static java.util.List<io.dukan.core.order.Order> allOrders(
            Emulators emulators, io.dukan.core.tenant.TenantId t) {
        java.util.List<io.dukan.core.order.Order> orders = new java.util.ArrayList<>();
        for (var page : emulators
                .dynamo()
                .queryPaginator(r -> r.tableName(Emulators.TABLE)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(java.util.Map.of(":pk", Keys.s(Keys.orders(t))))
                        .consistentRead(true))) {
            page.items().forEach(i -> orders.add(DynamoDbOrders.toOrder(Items.of(i))));
        }
        return orders;
    }

    /** The product with an HS code and a country of origin. */
    public static Product withTradeFacts(Product p, String hsCode, String origin) {
        return new Product(
                p.id(),
                p.name(),
                p.description(),
                p.status(),
                p.options(),
                p.variants(),
                p.images(),
                p.collections(),
                p.tags(),
                hsCode,
                origin,
                p.sellWhenSoldOut(),
                p.createdAt(),
                p.updatedAt());
    }
}
