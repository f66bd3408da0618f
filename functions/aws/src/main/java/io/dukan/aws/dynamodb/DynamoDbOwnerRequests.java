package io.dukan.aws.dynamodb;

import io.dukan.core.offboard.OwnerRequests;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The owner's request to close the store, in the store's partition ({tenantId}#STORE / OFFBOARD_REQUEST). */
@Singleton
final class DynamoDbOwnerRequests implements OwnerRequests {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbOwnerRequests(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public void request(TenantId tenant, String ownerEmail, Instant at) {
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(Keys.offboardRequest(tenant))
                        .with("ownerEmail", ownerEmail)
                        .with("at", at.toString())
                        .build()));
    }

    @Override
    public Optional<Request> find(TenantId tenant) {
        Map<String, AttributeValue> item = dynamo.getItem(r ->
                        r.tableName(table).key(Keys.offboardRequest(tenant)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Items i = Items.of(item);
        return Optional.of(new Request(i.s("ownerEmail"), Instant.parse(i.s("at"))));
    }
}
