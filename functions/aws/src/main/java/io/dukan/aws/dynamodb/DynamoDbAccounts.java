package io.dukan.aws.dynamodb;

import io.dukan.core.account.AccountRepository;
import io.dukan.core.account.Role;
import io.dukan.core.account.Session;
import io.dukan.core.account.StoreUser;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A store's users and server-side sessions; a session expires by TTL and is checked on read as well. Each session
 * also has an entry under {tenantId}#USERSESSIONS#{email}, so a password reset or a removal can end them all.
 */
@Singleton
final class DynamoDbAccounts implements AccountRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbAccounts(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public Optional<StoreUser> findUser(TenantId tenant, String email) {
        return get(Keys.user(tenant, email))
                .map(i -> new StoreUser(tenant, i.s("email"), i.s("passwordHash"), Role.valueOf(i.s("role"))));
    }

    /** The session and its entry in the user's session index, together (so "end all sessions" finds it). */
    @Override
    public void saveSession(Session session) {
        Map<String, AttributeValue> item = Items.item(Keys.session(session.tenantId(), session.token()))
                .with("email", session.email())
                .with("role", session.role().name())
                .with(Keys.EXPIRES_AT, session.expiresAt().getEpochSecond())
                .build();
        Map<String, AttributeValue> index = Items.item(
                        Keys.userSession(session.tenantId(), session.email(), session.token()))
                .with(Keys.EXPIRES_AT, session.expiresAt().getEpochSecond())
                .build();
        dynamo.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder()
                        .put(Put.builder().tableName(table).item(item).build())
                        .build(),
                TransactWriteItem.builder()
                        .put(Put.builder().tableName(table).item(index).build())
                        .build()));
    }

    @Override
    public Optional<Session> findSession(TenantId tenant, String token) {
        return get(Keys.session(tenant, token))
                .map(i -> new Session(
                        tenant,
                        token,
                        i.s("email"),
                        Role.valueOf(i.s("role")),
                        Instant.ofEpochSecond(i.n(Keys.EXPIRES_AT))));
    }

    @Override
    public void deleteSession(TenantId tenant, String token) {
        Map<String, AttributeValue> old = dynamo.deleteItem(
                        r -> r.tableName(table).key(Keys.session(tenant, token)).returnValues(ReturnValue.ALL_OLD))
                .attributes();
        if (old != null && old.containsKey("email")) {
            dynamo.deleteItem(r -> r.tableName(table)
                    .key(Keys.userSession(tenant, Items.of(old).s("email"), token)));
        }
    }

    @Override
    public void deleteSessions(TenantId tenant, String email) {
        List<Map<String, AttributeValue>> entries = dynamo
                .queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", Keys.s(Keys.userSessions(tenant, email))))
                        .consistentRead(true))
                .items()
                .stream()
                .toList();
        List<WriteRequest> deletes = new ArrayList<>();
        for (Map<String, AttributeValue> entry : entries) {
            String token = entry.get(Keys.SK).s().substring("SESSION#".length());
            deletes.add(delete(Keys.session(tenant, token)));
            deletes.add(delete(Map.of(Keys.PK, entry.get(Keys.PK), Keys.SK, entry.get(Keys.SK))));
        }
        for (int from = 0; from < deletes.size(); from += 25) { // BatchWriteItem takes 25 requests at most
            Map<String, List<WriteRequest>> pending =
                    Map.of(table, List.copyOf(deletes.subList(from, Math.min(deletes.size(), from + 25))));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 5) {
                    throw new IllegalStateException("DynamoDB kept back deletes of the sessions of a user");
                }
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
            }
        }
    }

    private static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(key).build())
                .build();
    }

    private Optional<Items> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(key).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Items.of(item));
    }
}
