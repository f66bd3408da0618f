package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.n;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A count within a time window, as one item whose TTL (expiresAt) is the end of the window: failed sign-ins,
 * password-reset requests. An expired item is ignored on read, since DynamoDB's TTL deletion lags.
 */
final class WindowCounter {

    private final DynamoDbClient dynamo;
    private final String table;

    WindowCounter(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    int count(Map<String, AttributeValue> key, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        if (item == null || item.isEmpty() || Items.of(item).n(Keys.EXPIRES_AT) <= now.getEpochSecond()) {
            return 0;
        }
        return (int) Items.of(item).n("count");
    }

    void add(Map<String, AttributeValue> key, Instant now, Instant windowEnd) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key)
                    .updateExpression("ADD #count :one")
                    .conditionExpression("expiresAt > :now")
                    .expressionAttributeNames(Map.of("#count", "count"))
                    .expressionAttributeValues(Map.of(":one", n(1), ":now", n(now.getEpochSecond()))));
        } catch (ConditionalCheckFailedException noOpenWindow) {
            dynamo.putItem(r -> r.tableName(table).item(Items.item(key)
                    .with("count", 1)
                    .with(Keys.EXPIRES_AT, windowEnd.getEpochSecond())
                    .build()));
        }
    }
}
