package io.dukan.aws.dynamodb;

import io.dukan.core.tenant.OwnerAddress;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The owner's sign-in address: attribute ownerEmail of the store's settings item. */
@Singleton
final class DynamoDbOwnerAddress implements OwnerAddress {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbOwnerAddress(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public Optional<String> ownerEmail(TenantId tenant) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Keys.settings(tenant)).projectionExpression("ownerEmail"))
                .item();
        AttributeValue v = item == null ? null : item.get("ownerEmail");
        return v == null || v.s() == null || v.s().isBlank() ? Optional.empty() : Optional.of(v.s());
    }

    @Override
    public void remember(TenantId tenant, String email) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Keys.settings(tenant))
                    .updateExpression("SET ownerEmail = :e")
                    // only on an existing settings item (never create a bare one) that keeps no address yet
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(ownerEmail)")
                    .expressionAttributeValues(Map.of(":e", AttributeValue.fromS(email))));
        } catch (ConditionalCheckFailedException kept) {
            // kept already (or no such store): nothing to do
        }
    }
}
