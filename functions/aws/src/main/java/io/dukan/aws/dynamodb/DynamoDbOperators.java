package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.n;
import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.account.OneTimeTokens;
import io.dukan.core.operator.Operator;
import io.dukan.core.operator.OperatorRepository;
import io.dukan.core.operator.OperatorSession;
import io.dukan.core.operator.PlatformAudit;
import io.dukan.core.operator.PlatformAuditEntry;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Operator accounts, sessions, sign-in failures and the platform audit log, under PLATFORM# keys. */
@Singleton
@Requires(env = "provisioning")
final class DynamoDbOperators implements OperatorRepository, PlatformAudit {

    private final DynamoDbClient dynamo;
    private final String table;
    private final WindowCounter failures;

    @jakarta.inject.Inject
    DynamoDbOperators(DynamoDbClient dynamo, TableName table) {
        this(dynamo, table.value());
    }

    /** For the operator command, which runs outside a Micronaut context. */
    public DynamoDbOperators(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.failures = new WindowCounter(dynamo, table);
    }

    @Override
    public Optional<Operator> find(String email) {
        Map<String, AttributeValue> item = dynamo.getItem(r ->
                        r.tableName(table).key(PlatformKeys.operator(email)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Items i = Items.of(item);
        return Optional.of(new Operator(
                i.s("email"),
                i.s("passwordHash"),
                i.s("totpSecret"),
                i.n("lastTotpStep"),
                Instant.parse(i.s("createdAt")),
                i.s("createdBy")));
    }

    @Override
    public boolean create(Operator o) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    put(Items.item(PlatformKeys.operator(o.email()))
                            .with("email", o.email())
                            .with("passwordHash", o.passwordHash())
                            .with("totpSecret", o.totpSecret())
                            .with("lastTotpStep", o.lastTotpStep())
                            .with("createdAt", o.createdAt().toString())
                            .with("createdBy", o.createdBy())
                            .build()),
                    put(Items.item(PlatformKeys.operatorListed(o.email()))
                            .with("createdAt", o.createdAt().toString())
                            .build())));
            return true;
        } catch (TransactionCanceledException exists) {
            if (Cancellations.anyFailed(exists.cancellationReasons(), Cancellations.CONDITION_FAILED)) {
                return false;
            }
            throw exists;
        }
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
    }

    @Override
    public boolean anyOperator() {
        return !dynamo.query(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(PlatformKeys.OPERATORS)))
                        .limit(1))
                .items()
                .isEmpty();
    }

    @Override
    public boolean useTotpStep(String email, long step) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(PlatformKeys.operator(email))
                    .updateExpression("SET lastTotpStep = :step")
                    .conditionExpression("attribute_exists(pk) AND lastTotpStep < :step")
                    .expressionAttributeValues(Map.of(":step", n(step))));
            return true;
        } catch (ConditionalCheckFailedException usedAlready) {
            return false;
        }
    }

    @Override
    public int countAttempt(String email, Instant now, Instant windowEnd) {
        return failures.increment(PlatformKeys.operatorLoginFailures(email), now, windowEnd);
    }

    @Override
    public void clearAttempts(String email) {
        failures.clear(PlatformKeys.operatorLoginFailures(email));
    }

    @Override
    public void saveSession(OperatorSession session) {
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(PlatformKeys.operatorSession(OneTimeTokens.hash(session.token())))
                        .with("email", session.email())
                        .with("expiresAtIso", session.expiresAt().toString())
                        .with(Keys.EXPIRES_AT, session.expiresAt().getEpochSecond())
                        .build()));
    }

    @Override
    public Optional<OperatorSession> findSession(String token) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(PlatformKeys.operatorSession(OneTimeTokens.hash(token)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Items i = Items.of(item);
        return Optional.of(new OperatorSession(token, i.s("email"), Instant.parse(i.s("expiresAtIso"))));
    }

    @Override
    public void deleteSession(String token) {
        dynamo.deleteItem(r -> r.tableName(table).key(PlatformKeys.operatorSession(OneTimeTokens.hash(token))));
    }

    // --- the platform audit log --------------------------------------------------------------------------------

    @Override
    public void record(PlatformAuditEntry entry, TenantId store) {
        String sort = PlatformKeys.auditSort(entry.at(), Ids.newSecret());
        writeAudit(PlatformKeys.AUDIT, sort, entry);
        if (store != null) {
            writeAudit(PlatformKeys.storeAudit(store.value()), sort, entry);
        }
    }

    private void writeAudit(String pk, String sort, PlatformAuditEntry entry) {
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(Keys.key(pk, sort))
                        .with("at", entry.at().toString())
                        .with("actor", entry.actor())
                        .with("action", entry.action())
                        .with("subject", entry.subject())
                        .with("reason", entry.reason())
                        .build()));
    }

    @Override
    public Page<PlatformAuditEntry> recent(String cursor, int limit) {
        QueryResponse page = dynamo.query(r -> {
            r.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(PlatformKeys.AUDIT)))
                    .scanIndexForward(false)
                    .limit(Math.max(1, Math.min(limit, 200)));
            if (cursor != null && cursor.matches("[0-9T:.Z-]{27}#[a-z2-7]{26}")) {
                r.exclusiveStartKey(Keys.key(PlatformKeys.AUDIT, cursor));
            }
        });
        String next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? page.lastEvaluatedKey().get(Keys.SK).s()
                : null;
        return new Page<>(page.items().stream().map(DynamoDbOperators::entry).toList(), next);
    }

    @Override
    public List<PlatformAuditEntry> ofStore(TenantId store, int limit) {
        return dynamo
                .query(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(PlatformKeys.storeAudit(store.value()))))
                        .scanIndexForward(false)
                        .limit(Math.max(1, Math.min(limit, 200))))
                .items()
                .stream()
                .map(DynamoDbOperators::entry)
                .toList();
    }

    private static PlatformAuditEntry entry(Map<String, AttributeValue> item) {
        Items i = Items.of(item);
        return new PlatformAuditEntry(
                Instant.parse(i.s("at")),
                i.s("actor"),
                i.s("action"),
                i.s("subject") == null ? "" : i.s("subject"),
                i.s("reason") == null ? "" : i.s("reason"));
    }
}
