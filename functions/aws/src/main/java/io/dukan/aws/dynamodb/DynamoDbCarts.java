package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.n;
import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.cart.Cart;
import io.dukan.core.cart.CartLine;
import io.dukan.core.cart.CartRepository;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Carts, one item each ({@code {t}#CART#{id}}), with an {@code expiresAt} TTL. DynamoDB deletes expired items only
 * eventually (DynamoDB Local never), so an expired cart is treated as absent here.
 */
@Singleton
final class DynamoDbCarts implements CartRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbCarts(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public Optional<Cart> find(TenantId tenant, String cartId, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Keys.cart(tenant, cartId)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty() || Items.of(item).n(Keys.EXPIRES_AT) <= now.getEpochSecond()) {
            return Optional.empty();
        }
        List<CartLine> lines = Items.of(item).raw("lines").l().stream()
                .map(AttributeValue::m)
                .map(m -> new CartLine(
                        new ProductId(m.get("productId").s()),
                        new VariantId(m.get("variantId").s()),
                        Integer.parseInt(m.get("quantity").n())))
                .toList();
        return Optional.of(new Cart(cartId, lines));
    }

    @Override
    public void save(TenantId tenant, Cart cart, Instant expiresAt) {
        List<AttributeValue> lines = cart.lines().stream()
                .map(l -> AttributeValue.fromM(Map.of(
                        "productId",
                        s(l.productId().value()),
                        "variantId",
                        s(l.variantId().value()),
                        "quantity",
                        n(l.quantity()))))
                .toList();
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(Keys.cart(tenant, cart.id()))
                        .with("lines", AttributeValue.fromL(lines))
                        .with(Keys.EXPIRES_AT, expiresAt.getEpochSecond())
                        .build()));
    }

    @Override
    public void delete(TenantId tenant, String cartId) {
        dynamo.deleteItem(r -> r.tableName(table).key(Keys.cart(tenant, cartId)));
    }
}
