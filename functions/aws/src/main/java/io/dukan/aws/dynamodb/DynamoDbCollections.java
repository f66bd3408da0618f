package io.dukan.aws.dynamodb;

import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.CollectionRepository;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** A store's collections, in its catalog partition beside the products ({@code COLLECTION#{id}}); all read in one Query. */
@Singleton
final class DynamoDbCollections implements CollectionRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbCollections(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public void add(TenantId tenant, Collection c) {
        dynamo.putItem(r -> r.tableName(table).item(item(tenant, c)).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public void update(TenantId tenant, Collection c) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item(tenant, c)).conditionExpression("attribute_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new NotFoundException("no such collection");
        }
    }

    @Override
    public void delete(TenantId tenant, CollectionId id) {
        dynamo.deleteItem(r -> r.tableName(table).key(Keys.collection(tenant, id)));
    }

    @Override
    public Optional<Collection> find(TenantId tenant, CollectionId id) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Keys.collection(tenant, id)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toCollection(Items.of(item)));
    }

    @Override
    public List<Collection> all(TenantId tenant) {
        return dynamo
                .queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :c)")
                        .expressionAttributeValues(
                                Map.of(":pk", Keys.s(Keys.catalog(tenant)), ":c", Keys.s("COLLECTION#"))))
                .items()
                .stream()
                .map(i -> toCollection(Items.of(i)))
                .sorted(Comparator.comparing((Collection c) -> c.title().toLowerCase(Locale.ROOT)))
                .limit(MAX_COLLECTIONS)
                .toList();
    }

    private static Map<String, AttributeValue> item(TenantId tenant, Collection c) {
        return Items.item(Keys.collection(tenant, c.id()))
                .with("collectionId", c.id().value())
                .with("title", c.title())
                .with("description", c.description())
                .with("createdAt", c.createdAt().toString())
                .with("tr", translations(c))
                .build();
    }

    private static Collection toCollection(Items i) {
        return new Collection(
                new CollectionId(i.s("collectionId")),
                i.s("title"),
                i.s("description") == null ? "" : i.s("description"),
                Instant.parse(i.s("createdAt")),
                translations(i.raw("tr")));
    }

    /** Title and description per extra language, in the collection's own item: {@code tr.{lang}.{title,description}}. */
    private static AttributeValue translations(Collection c) {
        Map<String, AttributeValue> m = new java.util.HashMap<>();
        c.translations()
                .forEach((language, w) -> m.put(
                        language,
                        AttributeValue.fromM(
                                Map.of("title", Keys.s(w.title()), "description", Keys.s(w.description())))));
        return AttributeValue.fromM(m);
    }

    private static Map<String, Collection.Words> translations(AttributeValue tr) {
        if (tr == null || !tr.hasM()) {
            return Map.of();
        }
        Map<String, Collection.Words> out = new java.util.HashMap<>();
        tr.m()
                .forEach((language, w) -> out.put(
                        language,
                        new Collection.Words(
                                w.m().get("title").s(), w.m().get("description").s())));
        return out;
    }
}
