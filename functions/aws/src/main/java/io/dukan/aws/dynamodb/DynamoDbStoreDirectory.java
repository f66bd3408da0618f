package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.operator.StoreDirectory;
import io.dukan.core.operator.StoreFilter;
import io.dukan.core.operator.StoreListing;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.TenantId;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The store directory: one item per store in the partition PLATFORM#STORES, sorted by creation time, written in
 * the signup's own transaction ({@link DynamoDbStoreRegistry#register}) and updated with the store's status and
 * suspension. A page of the operators' list is one Query of at most {@link StoreDirectory#READ_LIMIT} items (a
 * single partition holds 10,000 stores' ~300-byte items in about 3 MB; its 3,000 reads/s are far beyond what
 * operators need). Stores registered before the directory existed are added by {@link #rebuild} (the operator
 * command's {@code reindex-stores}).
 */
@Singleton
@Requires(env = {"provisioning", "fleet"})
final class DynamoDbStoreDirectory implements StoreDirectory {

    private static final String CURSOR = "[0-9T:.Z-]{27}#[a-z2-7]{1,32}";

    private final DynamoDbClient dynamo;
    private final String table;

    @jakarta.inject.Inject
    DynamoDbStoreDirectory(DynamoDbClient dynamo, TableName table) {
        this(dynamo, table.value());
    }

    public DynamoDbStoreDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The directory item of a store just registered (status as recorded). */
    static Map<String, AttributeValue> entry(Store store) {
        return Items.item(PlatformKeys.directoryEntry(
                        store.createdAt(), store.id().value()))
                .with("tenantId", store.id().value())
                .with("slug", store.slug().value())
                .with("name", store.name())
                .with("ownerEmail", store.ownerEmail())
                .with("country", store.country())
                .with("language", store.language())
                .with("status", store.status().name())
                .with("createdAt", store.createdAt().toString())
                .build();
    }

    @Override
    public Page<StoreListing> page(StoreFilter filter, String cursor, int limit) {
        int wanted = Math.max(1, Math.min(limit, 100));
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(PlatformKeys.DIRECTORY));
        String condition = "pk = :pk";
        String from = filter.createdFrom() == null
                ? null
                : PlatformKeys.SORTABLE_TIME.format(
                        filter.createdFrom().atStartOfDay(ZoneOffset.UTC).toInstant());
        String to = filter.createdTo() == null
                ? null
                : PlatformKeys.SORTABLE_TIME.format(filter.createdTo()
                                .plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant())
                        + "#";
        if (from != null && to != null) {
            condition += " AND sk BETWEEN :from AND :to";
            values.put(":from", s(from));
            values.put(":to", s(to));
        } else if (from != null) {
            condition += " AND sk >= :from";
            values.put(":from", s(from));
        } else if (to != null) {
            condition += " AND sk < :to";
            values.put(":to", s(to));
        }
        String keyCondition = condition;
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table)
                    .keyConditionExpression(keyCondition)
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    .limit(READ_LIMIT);
            if (!names.isEmpty()) {
                r.expressionAttributeNames(names);
            }
            if (cursor != null && cursor.matches(CURSOR)) {
                r.exclusiveStartKey(Keys.key(PlatformKeys.DIRECTORY, cursor));
            }
        });
        List<StoreListing> matches = new ArrayList<>();
        String next = null;
        List<Map<String, AttributeValue>> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            StoreListing listing = listing(items.get(i));
            if (filter.matches(listing)) {
                matches.add(listing);
                if (matches.size() == wanted) {
                    if (i < items.size() - 1 || hasMore(response)) {
                        next = items.get(i).get(Keys.SK).s();
                    }
                    break;
                }
            }
        }
        if (next == null && matches.size() < wanted && hasMore(response)) {
            next = response.lastEvaluatedKey().get(Keys.SK).s();
        }
        return new Page<>(matches, next);
    }

    private static boolean hasMore(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
    }

    static StoreListing listing(Map<String, AttributeValue> item) {
        Items i = Items.of(item);
        boolean suspended = item.containsKey("suspended")
                && Boolean.TRUE.equals(item.get("suspended").bool());
        return new StoreListing(
                new TenantId(i.s("tenantId")),
                i.s("slug"),
                i.s("name") == null ? "" : i.s("name"),
                i.s("ownerEmail") == null ? "" : i.s("ownerEmail"),
                i.s("country") == null ? "" : i.s("country"),
                i.s("language") == null ? "" : i.s("language"),
                suspended ? "SUSPENDED" : i.s("status"),
                Instant.parse(i.s("createdAt")),
                i.s("shopVersion") == null ? "" : i.s("shopVersion"));
    }

    /**
     * Adds a directory item for every store record that has none (stores registered before the directory existed):
     * a paginated Scan of the table for PLATFORM#STORE# records, run once by an operator (never on a request path).
     * Returns how many items were written.
     */
    public int rebuild() {
        int written = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(r -> {
                r.tableName(table)
                        .filterExpression("begins_with(pk, :p) AND sk = :sk")
                        .expressionAttributeValues(Map.of(":p", s("PLATFORM#STORE#"), ":sk", s("STORE")));
                if (from != null) {
                    r.exclusiveStartKey(from);
                }
            });
            for (Map<String, AttributeValue> item : page.items()) {
                Items i = Items.of(item);
                Instant created = Instant.parse(i.s("createdAt"));
                Items entry = Items.item(PlatformKeys.directoryEntry(created, i.s("tenantId")));
                for (String name : List.of(
                        "tenantId", "slug", "name", "ownerEmail", "country", "language", "status", "createdAt")) {
                    if (item.containsKey(name)) {
                        entry.with(name, item.get(name));
                    }
                }
                if (item.containsKey("suspendedSince")) {
                    entry.with("suspended", AttributeValue.fromBool(true));
                }
                dynamo.putItem(r -> r.tableName(table).item(entry.build()));
                written++;
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return written;
    }
}
