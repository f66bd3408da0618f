package io.dukan.aws.dynamodb;

import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductImage;
import io.dukan.core.catalog.ProductOption;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.Variant;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A store's products: one item per product in the store's catalog partition, sorted by id (ids sort by creation
 * time). Variants live inside the product item; their stock is a map {@code stock.{variantId}} so an order can
 * take several variants of one product in a single conditional update.
 */
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
        dynamo.putItem(r -> r.tableName(table).conditionExpression("attribute_not_exists(pk)")
                .item(toItem(tenant, p)));
    }

    static Map<String, AttributeValue> toItem(TenantId tenant, Product p) {
        Map<String, AttributeValue> stock = new HashMap<>();
        for (Variant v : p.variants()) {
            stock.put(v.id().value(), Keys.n(v.stock()));
        }
        return Items.item(Keys.product(tenant, p.id()))
                .with("productId", p.id().value())
                .with("name", p.name())
                .with("description", p.description())
                .with("status", p.status().name())
                .with("currency", p.defaultVariant().price().currency())
                .with("options", AttributeValue.fromL(p.options().stream().map(o -> AttributeValue.fromM(Map.of(
                        "name", Keys.s(o.name()), "values", strings(o.values())))).toList()))
                .with("variants", AttributeValue.fromL(p.variants().stream().map(DynamoDbProducts::variant).toList()))
                .with("stock", AttributeValue.fromM(stock))
                .with("images", AttributeValue.fromL(p.images().stream().map(i -> AttributeValue.fromM(Map.of(
                        "key", Keys.s(i.key()), "alt", Keys.s(i.alt())))).toList()))
                .with("collections", strings(p.collections().stream().map(CollectionId::value).toList()))
                .with("tags", strings(p.tags()))
                .with("words", strings(List.copyOf(words(p))))
                .with("hsCode", p.hsCode())
                .with("originCountry", p.originCountry())
                .with("sellWhenSoldOut", AttributeValue.fromBool(p.sellWhenSoldOut()))
                .with("createdAt", p.createdAt().toString())
                .with("updatedAt", p.updatedAt().toString())
                .build();
    }

    /** Lower-case words of the title, the tags and the SKUs: what storefront search matches. */
    static Set<String> words(Product p) {
        Set<String> words = new LinkedHashSet<>(tokens(p.name()));
        p.tags().forEach(t -> words.addAll(tokens(t)));
        p.variants().forEach(v -> words.addAll(tokens(v.sku())));
        return words;
    }

    static List<String> tokens(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(w -> !w.isEmpty()).distinct().toList();
    }

    private static AttributeValue variant(Variant v) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("id", Keys.s(v.id().value()));
        m.put("sku", Keys.s(v.sku()));
        m.put("optionValues", strings(v.optionValues()));
        m.put("priceMinor", Keys.n(v.price().minor()));
        if (v.compareAtPrice() != null) {
            m.put("compareAtMinor", Keys.n(v.compareAtPrice().minor()));
        }
        m.put("weightGrams", Keys.n(v.weightGrams()));
        return AttributeValue.fromM(m);
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Keys::s).toList());
    }

    @Override
    public Optional<Product> find(TenantId tenant, ProductId id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Keys.product(tenant, id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toProduct(Items.of(item)));
    }

    @Override
    public Page<Product> list(TenantId tenant, String cursor, int limit) {
        return page(tenant, cursor, limit, null, Map.of());
    }

    // Until the catalog's own indexes land these filter one Query of the catalog partition: still a single
    // request per page, but what it reads grows with the catalog.
    @Override
    public Page<Product> listActive(TenantId tenant, String cursor, int limit) {
        return page(tenant, cursor, limit, "#status = :active", Map.of());
    }

    @Override
    public Page<Product> listActiveInCollection(TenantId tenant, CollectionId collection, String cursor, int limit) {
        return page(tenant, cursor, limit, "#status = :active AND contains(collections, :c)",
                Map.of(":c", Keys.s(collection.value())));
    }

    @Override
    public Page<Product> searchActive(TenantId tenant, String words, String cursor, int limit) {
        List<String> tokens = tokens(words).stream().limit(5).toList();
        if (tokens.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        StringBuilder filter = new StringBuilder("#status = :active");
        Map<String, AttributeValue> values = new HashMap<>();
        for (int w = 0; w < tokens.size(); w++) {
            filter.append(" AND contains(words, :w").append(w).append(')');
            values.put(":w" + w, Keys.s(tokens.get(w)));
        }
        return page(tenant, cursor, limit, filter.toString(), values);
    }

    private Page<Product> page(TenantId tenant, String cursor, int limit, String filter,
            Map<String, AttributeValue> filterValues) {
        Map<String, AttributeValue> values = new HashMap<>(filterValues);
        values.put(":pk", Keys.s(Keys.catalog(tenant)));
        values.put(":prefix", Keys.s("PRODUCT#"));
        QueryRequest.Builder r = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .scanIndexForward(false)
                .limit(limit);
        if (filter != null) {
            values.put(":active", Keys.s(ProductStatus.ACTIVE.name()));
            r.filterExpression(filter).expressionAttributeNames(Map.of("#status", "status"));
        }
        r.expressionAttributeValues(values);
        if (Ids.looksLikeId(cursor, 16)) {
            r.exclusiveStartKey(Keys.product(tenant, new ProductId(cursor)));
        }
        QueryResponse response = dynamo.query(r.build());
        List<Product> products = response.items().stream().map(i -> toProduct(Items.of(i))).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey().get(Keys.SK).s().substring("PRODUCT#".length())
                : null;
        return new Page<>(products, next);
    }

    static Product toProduct(Items i) {
        String currency = i.s("currency");
        Map<String, AttributeValue> stock = i.raw("stock").m();
        List<Variant> variants = i.raw("variants").l().stream().map(AttributeValue::m).map(m -> {
            String id = m.get("id").s();
            AttributeValue left = stock.get(id);
            return new Variant(new VariantId(id), m.get("sku").s(), strings(m.get("optionValues")),
                    new Money(Long.parseLong(m.get("priceMinor").n()), currency),
                    m.containsKey("compareAtMinor") ? new Money(Long.parseLong(m.get("compareAtMinor").n()), currency) : null,
                    left == null ? 0 : Integer.parseInt(left.n()), Integer.parseInt(m.get("weightGrams").n()));
        }).toList();
        List<ProductOption> options = i.raw("options").l().stream().map(AttributeValue::m)
                .map(m -> new ProductOption(m.get("name").s(), strings(m.get("values")))).toList();
        List<ProductImage> images = i.raw("images").l().stream().map(AttributeValue::m)
                .map(m -> new ProductImage(m.get("key").s(), m.get("alt").s())).toList();
        return new Product(new ProductId(i.s("productId")), i.s("name"), orEmpty(i.s("description")),
                ProductStatus.valueOf(i.s("status")), options, variants, images,
                strings(i.raw("collections")).stream().map(CollectionId::new).toList(), strings(i.raw("tags")),
                orEmpty(i.s("hsCode")), orEmpty(i.s("originCountry")), Boolean.TRUE.equals(i.raw("sellWhenSoldOut").bool()),
                Instant.parse(i.s("createdAt")), Instant.parse(i.s("updatedAt")));
    }

    private static List<String> strings(AttributeValue list) {
        return list == null || !list.hasL() ? List.of() : list.l().stream().map(AttributeValue::s).toList();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
