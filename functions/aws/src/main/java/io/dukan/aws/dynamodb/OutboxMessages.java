package io.dukan.aws.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads what {@link DynamoDbOutbox} kept, for the local cloud's /_outbox page (dev only: it scans the table, which
 * no function's request path may do, and it sees every store's mail).
 */
public final class OutboxMessages {

    /** One kept message. */
    public record Message(
            String tenantId,
            String id,
            Instant sentAt,
            String from,
            String to,
            String replyTo,
            String subject,
            String text) {}

    private final DynamoDbClient dynamo;
    private final String table;

    public OutboxMessages(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Every store's messages, newest first, at most {@code limit}; expired ones left out. */
    public List<Message> recent(int limit) {
        List<Message> all = new ArrayList<>();
        long now = Instant.now().getEpochSecond();
        dynamo.scanPaginator(r -> r.tableName(table)
                        .filterExpression("contains(pk, :outbox) AND expiresAt > :now")
                        .expressionAttributeValues(Map.of(":outbox", Keys.s("#OUTBOX"), ":now", Keys.n(now))))
                .items()
                .forEach(item -> {
                    if (item.get(Keys.PK).s().endsWith("#OUTBOX")) {
                        all.add(message(item));
                    }
                });
        all.sort(
                Comparator.comparing(Message::sentAt).reversed().thenComparing(Message::id, Comparator.reverseOrder()));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    /** One message of one store. */
    public Optional<Message> find(String tenantId, String id) {
        if (!io.dukan.core.shared.Ids.looksLikeId(tenantId, 32) || !io.dukan.core.shared.Ids.looksLikeId(id, 16)) {
            return Optional.empty();
        }
        return dynamo
                .queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .filterExpression("id = :id")
                        .expressionAttributeValues(Map.of(
                                ":pk",
                                Keys.s(Keys.outbox(new io.dukan.core.tenant.TenantId(tenantId))),
                                ":id",
                                Keys.s(id))))
                .items()
                .stream()
                .findFirst()
                .map(OutboxMessages::message);
    }

    private static Message message(Map<String, AttributeValue> item) {
        Items i = Items.of(item);
        return new Message(
                i.s("tenantId"),
                i.s("id"),
                Instant.parse(i.s("sentAt")),
                i.s("from"),
                i.s("to"),
                i.s("replyTo"),
                i.s("subject"),
                i.s("text"));
    }
}
