package io.dukan.aws.dynamodb;

import io.dukan.core.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Every item of one store, found and deleted a page at a time (offboarding; the fleet worker only). A store's items
 * live under many partition keys, some with random parts no index lists (carts, checkout tokens, login failures for
 * any typed address), so the only complete way to find them is a Scan of the table filtered on the store's key
 * prefix ("{tenantId}#", {@link Keys#tenantPrefix}). A Scan reads the whole table: at on-demand prices about
 * US$0.03 per GB (eventually consistent reads), once per closed store, never on a request path. Each page's items
 * are deleted by BatchWriteItem in groups of 25, unprocessed ones sent again with a growing pause. The cursor is the
 * Scan's LastEvaluatedKey: a page deleted twice (a crash before the cursor was saved) deletes nothing the second time.
 */
public final class TenantItems {

    static final int BATCH = 25;
    static final int MAX_UNPROCESSED_ROUNDS = 12;

    private final DynamoDbClient dynamo;
    private final String table;
    private final int pageSize;

    public TenantItems(DynamoDbClient dynamo, String table, int pageSize) {
        this.dynamo = dynamo;
        this.table = table;
        this.pageSize = pageSize;
    }

    /** What one page deleted, and the cursor of the next page (null once the table has been read to its end). */
    public record Page(int deleted, String next) {}

    /** Deletes the store's items in the page of the table that starts at {@code cursor} ("" for the first). */
    public Page deletePage(TenantId tenant, String cursor) {
        Map<String, AttributeValue> start = decode(cursor);
        ScanResponse page = dynamo.scan(r -> {
            r.tableName(table)
                    .limit(pageSize)
                    .consistentRead(true)
                    .projectionExpression("#pk, #sk")
                    .filterExpression("begins_with(#pk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":prefix", Keys.s(Keys.tenantPrefix(tenant))));
            if (start != null) {
                r.exclusiveStartKey(start);
            }
        });
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            // the filter already did it; checked again because deleting another store's item cannot be undone
            if (item.get(Keys.PK).s().startsWith(Keys.tenantPrefix(tenant))) {
                keys.add(Keys.key(item.get(Keys.PK).s(), item.get(Keys.SK).s()));
            }
        }
        for (int from = 0; from < keys.size(); from += BATCH) {
            delete(keys.subList(from, Math.min(keys.size(), from + BATCH)));
        }
        Map<String, AttributeValue> last = page.lastEvaluatedKey();
        return new Page(keys.size(), last == null || last.isEmpty() ? null : encode(last));
    }

    /** Whether any item of the store is left (a consistent Scan to the end; for checks, not for paths). */
    public long count(TenantId tenant) {
        return dynamo
                .scanPaginator(r -> r.tableName(table)
                        .consistentRead(true)
                        .filterExpression("begins_with(#pk, :prefix)")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK))
                        .expressionAttributeValues(Map.of(":prefix", Keys.s(Keys.tenantPrefix(tenant)))))
                .items()
                .stream()
                .count();
    }

    private void delete(List<Map<String, AttributeValue>> keys) {
        List<WriteRequest> requests = keys.stream()
                .map(k -> WriteRequest.builder()
                        .deleteRequest(DeleteRequest.builder().key(k).build())
                        .build())
                .toList();
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round >= MAX_UNPROCESSED_ROUNDS) {
                throw new IllegalStateException(
                        "DynamoDB left " + pending.get(table).size() + " deletions unprocessed after " + round
                                + " rounds; the next delivery resumes");
            }
            if (round > 0) {
                pause(Duration.ofMillis(Math.min(2_000, 50L << round)));
            }
            Map<String, List<WriteRequest>> send = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(send));
            Map<String, List<WriteRequest>> unprocessed = response.unprocessedItems();
            pending = unprocessed == null || unprocessed.isEmpty() ? Map.of() : new HashMap<>(unprocessed);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting a store's items", e);
        }
    }

    static String encode(Map<String, AttributeValue> key) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(key.get(Keys.PK).s().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(key.get(Keys.SK).s().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        int dot = cursor.indexOf('.');
        Base64.Decoder b64 = Base64.getUrlDecoder();
        return Keys.key(
                new String(b64.decode(cursor.substring(0, dot)), StandardCharsets.UTF_8),
                new String(b64.decode(cursor.substring(dot + 1)), StandardCharsets.UTF_8));
    }
}
