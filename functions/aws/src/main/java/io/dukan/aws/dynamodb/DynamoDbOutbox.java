package io.dukan.aws.dynamodb;

import io.dukan.aws.notify.EmailProperties;
import io.dukan.core.notify.EmailMessage;
import io.dukan.core.notify.EmailSender;
import io.dukan.core.shared.Ids;
import io.dukan.core.tenant.TenantId;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * "Sends" by keeping the message in the store's own partition ({tenantId}#OUTBOX, newest last by sort key, gone by
 * TTL after {@link #KEPT_FOR}): the local cloud's mail, read at /_outbox. Active when dukan.email.mode=outbox.
 */
@Singleton
@Requires(env = {"shop", "provisioning", "fleet"})
@Requires(property = "dukan.email.mode", value = EmailProperties.OUTBOX)
final class DynamoDbOutbox implements EmailSender {

    static final Duration KEPT_FOR = Duration.ofDays(30);

    private final software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo;
    private final String table;
    private final String from;
    private final Clock clock;

    DynamoDbOutbox(
            software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo,
            TableName table,
            EmailProperties properties,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table.value();
        this.from = properties.getFrom() == null ? "" : properties.getFrom();
        this.clock = clock;
    }

    @Override
    public void send(TenantId tenant, EmailMessage message) {
        Instant now = clock.instant();
        String id = Ids.newId();
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(Keys.outboxMessage(tenant, now, id))
                        .with("id", id)
                        .with("tenantId", tenant.value())
                        .with("sentAt", now.toString())
                        .with("from", from)
                        .with("to", message.to())
                        .with("replyTo", message.replyTo().isEmpty() ? null : message.replyTo())
                        .with("subject", message.subject())
                        .with("text", message.text())
                        .with(Keys.EXPIRES_AT, now.plus(KEPT_FOR).getEpochSecond())
                        .build()));
    }
}
