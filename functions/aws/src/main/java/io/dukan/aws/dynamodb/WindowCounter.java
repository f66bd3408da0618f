package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.n;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A count within a time window, as one item whose TTL (expiresAt) is the end of the window: sign-in attempts,
 * password-reset requests, signups per address. An expired item is ignored on read, since DynamoDB's TTL deletion
 * lags.
 *
 * <p>{@link #increment} is atomic: an {@code ADD} on an open window, else a conditional {@code SET} that opens a new
 * one only when none is open, so requests sent at once each get their own number and none overwrites another's.
 */
final class WindowCounter {

    private static final int OPEN_RETRIES = 5;

    private final DynamoDbClient dynamo;
    private final String table;

    WindowCounter(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    int count(Map<String, AttributeValue> key, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(key).consistentRead(true))
                .item();
        if (item == null || item.isEmpty() || Items.of(item).n(Keys.EXPIRES_AT) <= now.getEpochSecond()) {
            return 0;
        }
        return (int) Items.of(item).n("count");
    }

    void add(Map<String, AttributeValue> key, Instant now, Instant windowEnd) {
        increment(key, now, windowEnd);
    }

    /** Counts one more and returns the window's count including it; a window ending at windowEnd opens if none is. */
    int increment(Map<String, AttributeValue> key, Instant now, Instant windowEnd) {
        return incrementWindow(key, now, windowEnd).count();
    }

    /** The count of a window, and when the window ends. */
    record Window(int count, Instant end) {}

    /** As {@link #increment}, with the end of the window the count is in. */
    Window incrementWindow(Map<String, AttributeValue> key, Instant now, Instant windowEnd) {
        for (int attempt = 0; ; attempt++) {
            try {
                Map<String, AttributeValue> updated = dynamo.updateItem(r -> r.tableName(table)
                                .key(key)
                                .updateExpression("ADD #count :one")
                                .conditionExpression("expiresAt > :now")
                                .expressionAttributeNames(Map.of("#count", "count"))
                                .expressionAttributeValues(Map.of(":one", n(1), ":now", n(now.getEpochSecond())))
                                .returnValues(ReturnValue.ALL_NEW))
                        .attributes();
                return new Window(
                        (int) Items.of(updated).n("count"),
                        Instant.ofEpochSecond(Items.of(updated).n(Keys.EXPIRES_AT)));
            } catch (ConditionalCheckFailedException noOpenWindow) {
                // open a new window below, unless another request opens it first
            }
            try {
                dynamo.updateItem(r -> r.tableName(table)
                        .key(key)
                        .updateExpression("SET #count = :one, expiresAt = :end")
                        .conditionExpression("attribute_not_exists(expiresAt) OR expiresAt <= :now")
                        .expressionAttributeNames(Map.of("#count", "count"))
                        .expressionAttributeValues(Map.of(
                                ":one", n(1), ":now", n(now.getEpochSecond()), ":end", n(windowEnd.getEpochSecond()))));
                return new Window(1, Instant.ofEpochSecond(windowEnd.getEpochSecond()));
            } catch (ConditionalCheckFailedException openedMeanwhile) {
                if (attempt >= OPEN_RETRIES) {
                    throw openedMeanwhile;
                }
            }
        }
    }

    /**
     * Gives back a counted {@code taken}-th request: the window is removed when nothing was counted after it (the count
     * is still {@code taken}), else only this one is taken off, so counts raised meanwhile by others stay.
     */
    void release(Map<String, AttributeValue> key, int taken, Instant now) {
        try {
            dynamo.deleteItem(r -> r.tableName(table)
                    .key(key)
                    .conditionExpression("#count = :taken")
                    .expressionAttributeNames(Map.of("#count", "count"))
                    .expressionAttributeValues(Map.of(":taken", n(taken))));
            return;
        } catch (ConditionalCheckFailedException countedMeanwhile) {
            // others were counted after this one: take off only this one
        }
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(key)
                    .updateExpression("ADD #count :minusOne")
                    .conditionExpression("expiresAt > :now AND #count > :zero")
                    .expressionAttributeNames(Map.of("#count", "count"))
                    .expressionAttributeValues(
                            Map.of(":minusOne", n(-1), ":zero", n(0), ":now", n(now.getEpochSecond()))));
        } catch (ConditionalCheckFailedException windowGone) {
            // the window ended or was cleared: nothing to give back
        }
    }

    void clear(Map<String, AttributeValue> key) {
        dynamo.deleteItem(r -> r.tableName(table).key(key));
    }
}
