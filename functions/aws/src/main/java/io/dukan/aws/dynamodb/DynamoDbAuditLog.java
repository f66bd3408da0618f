package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.account.AuditEntry;
import io.dukan.core.account.AuditLog;
import io.dukan.core.shared.Ids;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Admin actions in the store's partition {tenantId}#AUDIT, sorted by time (sort key: ISO instant + random). */
@Singleton
final class DynamoDbAuditLog implements AuditLog {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbAuditLog(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public void record(TenantId tenant, AuditEntry entry) {
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(Keys.auditEntry(tenant, entry.at(), Ids.newSecret()))
                        .with("at", entry.at().toString())
                        .with("actor", entry.actor())
                        .with("action", entry.action())
                        .with("subject", entry.subject())
                        .build()));
    }

    @Override
    public List<AuditEntry> recent(TenantId tenant, int limit) {
        return dynamo
                .query(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.audit(tenant))))
                        .scanIndexForward(false)
                        .limit(limit))
                .items()
                .stream()
                .map(Items::of)
                .map(i -> new AuditEntry(
                        Instant.parse(i.s("at")),
                        i.s("actor"),
                        i.s("action"),
                        i.s("subject") == null ? "" : i.s("subject")))
                .toList();
    }
}
