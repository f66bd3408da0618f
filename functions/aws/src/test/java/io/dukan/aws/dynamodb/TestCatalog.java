package io.dukan.aws.dynamodb;

import io.dukan.aws.testing.Emulators;
import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.Product;
import io.dukan.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Puts products straight into the table through the real adapter, for tests that need what the admin cannot make
 * yet (several options and variants, drafts, tags).
 */
public final class TestCatalog {

    private TestCatalog() {}

    public static Product add(Emulators emulators, TenantId tenant, Product product) {
        return add(emulators.dynamo(), Emulators.TABLE, tenant, product);
    }

    /** Into any table laid out as template.yaml declares it (e.g. the local cloud's). */
    public static Product add(DynamoDbClient dynamo, String table, TenantId tenant, Product product) {
        new DynamoDbProducts(dynamo, TestTables.named(table)).add(tenant, product);
        return product;
    }

    /** Stores a collection through the real adapter. */
    public static Collection addCollection(Emulators emulators, TenantId tenant, Collection collection) {
        new DynamoDbCollections(emulators.dynamo(), TestTables.emulators()).add(tenant, collection);
        return collection;
    }
}
