package io.dukan.aws.dynamodb;

import io.dukan.aws.DukanProperties;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.catalog.Product;
import io.dukan.core.tenant.TenantId;

/**
 * Puts products straight into the table through the real adapter, for tests that need what the admin cannot make
 * yet (several options and variants, drafts, tags).
 */
public final class TestCatalog {

    private TestCatalog() {}

    public static Product add(Emulators emulators, TenantId tenant, Product product) {
        DukanProperties properties = new DukanProperties(new DukanProperties.Endpoints());
        properties.setTable(Emulators.TABLE);
        new DynamoDbProducts(emulators.dynamo(), new TableName(properties)).add(tenant, product);
        return product;
    }
}
