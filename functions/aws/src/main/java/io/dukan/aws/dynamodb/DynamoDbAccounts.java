package io.dukan.aws.dynamodb;

import io.dukan.core.account.AccountRepository;
import io.dukan.core.account.Role;
import io.dukan.core.account.Session;
import io.dukan.core.account.StoreUser;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A store's users and server-side sessions; a session expires by TTL and is checked on read as well. */
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
        return get(Keys.user(tenant, email)).map(i -> new StoreUser(tenant, i.s("email"), i.s("passwordHash"),
                Role.valueOf(i.s("role"))));
    }

    @Override
    public void saveSession(Session session) {
        dynamo.putItem(r -> r.tableName(table).item(Items.item(Keys.session(session.tenantId(), session.token()))
                .with("email", session.email())
                .with("role", session.role().name())
                .with(Keys.EXPIRES_AT, session.expiresAt().getEpochSecond())
                .build()));
    }

    @Override
    public Optional<Session> findSession(TenantId tenant, String token) {
        return get(Keys.session(tenant, token)).map(i -> new Session(tenant, token, i.s("email"),
                Role.valueOf(i.s("role")), Instant.ofEpochSecond(i.n(Keys.EXPIRES_AT))));
    }

    @Override
    public void deleteSession(TenantId tenant, String token) {
        dynamo.deleteItem(r -> r.tableName(table).key(Keys.session(tenant, token)));
    }

    private Optional<Items> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Items.of(item));
    }
}
