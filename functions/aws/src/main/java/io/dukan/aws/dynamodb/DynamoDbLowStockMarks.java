package io.dukan.aws.dynamodb;

import io.dukan.core.tenant.LowStockMarks;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The low-stock item (sk LOWSTOCK) in the store's INSIGHT partition: {@code threshold} (a number) and {@code marked}
 * (a string set of variant ids). Marking is {@code ADD} under {@code NOT contains}: of two orders that take the same
 * variant below the threshold at once, exactly one marks it (and sends the alert). It lives beside the dashboard's
 * aggregates so that the insight function, which sees every product change on the table's stream, may take a mark
 * off when a variant's stock rises above the threshold (see {@link InsightAggregator}), whatever raised it.
 */
@Singleton
final class DynamoDbLowStockMarks implements LowStockMarks {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbLowStockMarks(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    static Map<String, AttributeValue> key(TenantId t) {
        return Keys.key(Keys.insight(t), "LOWSTOCK");
    }

    @Override
    public State state(TenantId tenant) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(key(tenant)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return new State(DEFAULT_THRESHOLD, Set.of());
        }
        AttributeValue marked = item.get("marked");
        return new State(threshold(item), marked == null || !marked.hasSs() ? Set.of() : Set.copyOf(marked.ss()));
    }

    @Override
    public int threshold(TenantId tenant) {
        return threshold(dynamo.getItem(r -> r.tableName(table).key(key(tenant)).projectionExpression("threshold"))
                .item());
    }

    static int threshold(Map<String, AttributeValue> item) {
        AttributeValue threshold = item == null ? null : item.get("threshold");
        return threshold == null || threshold.n() == null ? DEFAULT_THRESHOLD : Integer.parseInt(threshold.n());
    }

    @Override
    public boolean mark(TenantId tenant, String variantId) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(key(tenant))
                    .updateExpression("ADD marked :set")
                    .conditionExpression("attribute_not_exists(marked) OR NOT contains(marked, :id)")
                    .expressionAttributeValues(Map.of(
                            ":set",
                            AttributeValue.fromSs(java.util.List.of(variantId)),
                            ":id",
                            AttributeValue.fromS(variantId))));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    @Override
    public void unmark(TenantId tenant, Collection<String> variantIds) {
        if (variantIds.isEmpty()) {
            return;
        }
        dynamo.updateItem(r -> r.tableName(table)
                .key(key(tenant))
                .updateExpression("DELETE marked :set")
                .expressionAttributeValues(Map.of(":set", AttributeValue.fromSs(java.util.List.copyOf(variantIds)))));
    }

    @Override
    public void setThreshold(TenantId tenant, int threshold) {
        if (threshold < 0 || threshold > MAX_THRESHOLD) {
            throw new IllegalArgumentException("threshold " + threshold);
        }
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(key(tenant))
                    .updateExpression("SET threshold = :t REMOVE marked")
                    .conditionExpression("attribute_not_exists(threshold) OR threshold <> :t")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromN(Integer.toString(threshold)))));
        } catch (ConditionalCheckFailedException unchanged) {
            // the same threshold saved again: the marks stay
        }
    }
}
