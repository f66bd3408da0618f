package io.dukan.aws.dynamodb;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** A store's products: one partition per store, sorted by id (ids sort by creation time). */
@Singleton
final class DynamoDbProducts implements ProductRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbProducts(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public void add(TenantId tenant, Product p) {
        dynamo.putItem(r -> r.tableName(table).conditionExpression("attribute_not_exists(pk)").item(
                Items.item(Keys.product(tenant, p.id()))
                        .with("productId", p.id().value())
                        .with("name", p.name())
                        .with("description", p.description())
                        .with("priceMinor", p.price().minor())
                        .with("currency", p.price().currency())
                        .with("stock", p.stock())
                        .with("imageKey", p.imageKey().isEmpty() ? null : p.imageKey())
                        .with("createdAt", p.createdAt().toString())
                        .build()));
    }

    @Override
    public Optional<Product> find(TenantId tenant, ProductId id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Keys.product(tenant, id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toProduct(Items.of(item)));
    }

    @Override
    public Page<Product> list(TenantId tenant, String cursor, int limit) {
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", Keys.s(Keys.catalog(tenant)), ":prefix", Keys.s("PRODUCT#")))
                    .scanIndexForward(false)
                    .limit(limit);
            if (Ids.looksLikeId(cursor, 16)) {
                r.exclusiveStartKey(Keys.product(tenant, new ProductId(cursor)));
            }
        });
        List<Product> products = response.items().stream().map(i -> toProduct(Items.of(i))).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !products.isEmpty()
                ? products.get(products.size() - 1).id().value()
                : null;
        return new Page<>(products, next);
    }

    static Product toProduct(Items i) {
        return new Product(new ProductId(i.s("productId")), i.s("name"), i.s("description") == null ? "" : i.s("description"),
                new Money(i.n("priceMinor"), i.s("currency")), (int) i.n("stock"),
                i.s("imageKey") == null ? "" : i.s("imageKey"), Instant.parse(i.s("createdAt")));
    }
}
