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
