package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.n;
import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.signup.PendingSignup;
import io.dukan.core.signup.PendingSignups;
import io.dukan.core.tenant.Slug;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Pending signups: "PLATFORM#VERIFY#{sha256 of the link's token}" until the link is followed (TTL = the link's
 * expiry), then, in approval mode, "PLATFORM#APPROVALS" / id until an operator decides. Taking one is a conditional
 * DeleteItem returning the old item, so a link (or an approval) is used once however many follow it at once.
 */
@Singleton
@Requires(env = "provisioning")
final class DynamoDbPendingSignups implements PendingSignups {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbPendingSignups(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public void saveUnverified(PendingSignup pending) {
        dynamo.putItem(r -> r.tableName(table).item(item(Keys.unverifiedSignup(pending.tokenHash()), pending)));
    }

    @Override
    public Optional<PendingSignup> findUnverified(String tokenHash, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(r ->
                        r.tableName(table).key(Keys.unverifiedSignup(tokenHash)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty() || Items.of(item).n(Keys.EXPIRES_AT) <= now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(pending(item));
    }

    @Override
    public Optional<PendingSignup> takeUnverified(String tokenHash, Instant now) {
        return take(Keys.unverifiedSignup(tokenHash), now);
    }

    @Override
    public void saveAwaitingApproval(PendingSignup pending) {
        dynamo.putItem(r -> r.tableName(table).item(item(Keys.awaitingApproval(pending.id()), pending)));
    }

    @Override
    public List<PendingSignup> awaitingApproval(int limit, Instant now) {
        List<PendingSignup> all = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .filterExpression("expiresAt > :now")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.APPROVALS), ":now", n(now.getEpochSecond()))))
                .items()
                .forEach(i -> all.add(pending(i)));
        all.sort(Comparator.comparing(PendingSignup::requestedAt).thenComparing(PendingSignup::id));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    @Override
    public Optional<PendingSignup> takeAwaitingApproval(String id, Instant now) {
        if (!io.dukan.core.shared.Ids.looksLikeId(id, 32)) {
            return Optional.empty();
        }
        return take(Keys.awaitingApproval(id), now);
    }

    private Optional<PendingSignup> take(Map<String, AttributeValue> key, Instant now) {
        try {
            Map<String, AttributeValue> old = dynamo.deleteItem(r -> r.tableName(table)
                            .key(key)
                            .conditionExpression("attribute_exists(pk) AND expiresAt > :now")
                            .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))
                            .returnValues(ReturnValue.ALL_OLD))
                    .attributes();
            return old == null || old.isEmpty() ? Optional.empty() : Optional.of(pending(old));
        } catch (ConditionalCheckFailedException usedOrExpired) {
            return Optional.empty();
        }
    }

    private static Map<String, AttributeValue> item(Map<String, AttributeValue> key, PendingSignup p) {
        return Items.item(key)
                .with("id", p.id())
                .with("tokenHash", p.tokenHash())
                .with("storeName", p.storeName())
                .with("slug", p.slug().value())
                .with("ownerEmail", p.ownerEmail())
                .with("passwordHash", p.passwordHash())
                .with("currency", p.currency())
                .with("country", p.country())
                .with("language", p.language())
                .with("idempotencyKey", p.idempotencyKey())
                .with("clientAddress", p.clientAddress())
                .with("requestedAt", p.requestedAt().toString())
                .with(Keys.EXPIRES_AT, p.expiresAt().getEpochSecond())
                .build();
    }

    private static PendingSignup pending(Map<String, AttributeValue> item) {
        Items i = Items.of(item);
        return new PendingSignup(
                i.s("id"),
                i.s("tokenHash"),
                i.s("storeName"),
                new Slug(i.s("slug")),
                i.s("ownerEmail"),
                i.s("passwordHash"),
                i.s("currency"),
                i.s("country"),
                i.s("language"),
                i.s("idempotencyKey"),
                i.s("clientAddress"),
                Instant.parse(i.s("requestedAt")),
                Instant.ofEpochSecond(i.n(Keys.EXPIRES_AT)));
    }
}
