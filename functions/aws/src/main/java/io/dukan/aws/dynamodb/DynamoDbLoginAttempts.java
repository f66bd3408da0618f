package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.n;

import io.dukan.core.account.LoginAttempts;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Failed sign-ins per store and email: one item whose TTL (expiresAt) is the end of the window. An expired item is
 * ignored on read, since DynamoDB's TTL deletion lags.
 */
@Singleton
final class DynamoDbLoginAttempts implements LoginAttempts {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbLoginAttempts(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public int recentFailures(TenantId tenant, String email, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Keys.loginFailures(tenant, email)).consistentRead(true)).item();
        if (item == null || item.isEmpty() || Items.of(item).n(Keys.EXPIRES_AT) <= now.getEpochSecond()) {
            return 0;
        }
        return (int) Items.of(item).n("failures");
    }

    @Override
    public void recordFailure(TenantId tenant, String email, Instant now, Instant windowEnd) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Keys.loginFailures(tenant, email))
                    .updateExpression("ADD failures :one")
                    .conditionExpression("expiresAt > :now")
                    .expressionAttributeValues(Map.of(":one", n(1), ":now", n(now.getEpochSecond()))));
        } catch (ConditionalCheckFailedException noOpenWindow) {
            dynamo.putItem(r -> r.tableName(table).item(Items.item(Keys.loginFailures(tenant, email))
                    .with("failures", 1)
                    .with(Keys.EXPIRES_AT, windowEnd.getEpochSecond())
                    .build()));
        }
    }

    @Override
    public void clear(TenantId tenant, String email) {
        dynamo.deleteItem(r -> r.tableName(table).key(Keys.loginFailures(tenant, email)));
    }
}
