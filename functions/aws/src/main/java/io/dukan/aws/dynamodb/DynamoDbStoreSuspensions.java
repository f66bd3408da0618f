package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.operator.StoreSuspensions;
import io.dukan.core.operator.Suspension;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A store's suspension: the item {tenantId}#SUSPENSION the store's own function reads (its role reaches it through
 * LeadingKeys; the provisioning function's role may write only that partition of a store), and the same facts on
 * the platform's store record and directory item. Suspending writes the store's item first: that is what closes the
 * store.
 */
@Singleton
final class DynamoDbStoreSuspensions implements StoreSuspensions {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbStoreSuspensions(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public void suspend(TenantId store, Suspension suspension) {
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(PlatformKeys.suspension(store.value()))
                        .with("reason", suspension.reason())
                        .with("by", suspension.by())
                        .with("since", suspension.since().toString())
                        .build()));
        Map<String, AttributeValue> record;
        try {
            record = dynamo.updateItem(r -> r.tableName(table)
                            .key(Keys.store(store))
                            .updateExpression("SET suspendedSince = :since, suspendedBy = :by, suspendedReason = :why")
                            .conditionExpression("attribute_exists(pk)")
                            .expressionAttributeValues(Map.of(
                                    ":since", s(suspension.since().toString()),
                                    ":by", s(suspension.by()),
                                    ":why", s(suspension.reason())))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
        } catch (ConditionalCheckFailedException noPlatformRecord) {
            return; // the store is closed (its own item); there is no platform record to note it on
        }
        directory(record, "SET suspended = :yes", Map.of(":yes", AttributeValue.fromBool(true)));
    }

    @Override
    public void lift(TenantId store) {
        dynamo.deleteItem(r -> r.tableName(table).key(PlatformKeys.suspension(store.value())));
        Map<String, AttributeValue> record;
        try {
            record = dynamo.updateItem(r -> r.tableName(table)
                            .key(Keys.store(store))
                            .updateExpression("REMOVE suspendedSince, suspendedBy, suspendedReason")
                            .conditionExpression("attribute_exists(pk)")
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
        } catch (ConditionalCheckFailedException noPlatformRecord) {
            return;
        }
        directory(record, "REMOVE suspended", Map.of());
    }

    private void directory(Map<String, AttributeValue> record, String update, Map<String, AttributeValue> values) {
        Items i = Items.of(record);
        if (i.s("createdAt") == null) {
            return;
        }
        try {
            dynamo.updateItem(r -> {
                r.tableName(table)
                        .key(PlatformKeys.directoryEntry(Instant.parse(i.s("createdAt")), i.s("tenantId")))
                        .updateExpression(update)
                        .conditionExpression("attribute_exists(pk)");
                if (!values.isEmpty()) {
                    r.expressionAttributeValues(values);
                }
            });
        } catch (ConditionalCheckFailedException notInTheDirectoryYet) {
            // a store from before the directory: reindex-stores adds it with its suspension
        }
    }

    @Override
    public Optional<Suspension> current(TenantId store) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(PlatformKeys.suspension(store.value()))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Items i = Items.of(item);
        return Optional.of(new Suspension(i.s("reason"), i.s("by"), Instant.parse(i.s("since"))));
    }
}
