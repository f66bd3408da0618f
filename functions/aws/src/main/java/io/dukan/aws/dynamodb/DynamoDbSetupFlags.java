package io.dukan.aws.dynamodb;

import io.dukan.core.tenant.SetupFlags;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The setup guide's flags: one item (sk SETUP) in the store's partition, each flag set by its own UpdateItem. */
@Singleton
final class DynamoDbSetupFlags implements SetupFlags.Repository {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbSetupFlags(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    static Map<String, AttributeValue> key(TenantId t) {
        return Keys.key(t.value() + "#STORE", "SETUP");
    }

    @Override
    public SetupFlags flags(TenantId tenant) {
        Map<String, AttributeValue> item =
                dynamo.getItem(r -> r.tableName(table).key(key(tenant))).item();
        if (item == null || item.isEmpty()) {
            return SetupFlags.NONE;
        }
        return new SetupFlags(bool(item.get("shared")), bool(item.get("dismissed")));
    }

    @Override
    public void markShared(TenantId tenant) {
        set(tenant, "shared", true);
    }

    @Override
    public void setDismissed(TenantId tenant, boolean dismissed) {
        set(tenant, "dismissed", dismissed);
    }

    private void set(TenantId tenant, String name, boolean value) {
        dynamo.updateItem(r -> r.tableName(table)
                .key(key(tenant))
                .updateExpression("SET #f = :v")
                .expressionAttributeNames(Map.of("#f", name))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromBool(value))));
    }

    private static boolean bool(AttributeValue v) {
        return v != null && Boolean.TRUE.equals(v.bool());
    }
}
