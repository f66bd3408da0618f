package io.dukan.aws.dynamodb;

import io.dukan.core.account.AccountExistsException;
import io.dukan.core.account.InvalidLinkException;
import io.dukan.core.account.Invite;
import io.dukan.core.account.PasswordResets;
import io.dukan.core.account.ResetToken;
import io.dukan.core.account.Role;
import io.dukan.core.account.StoreUser;
import io.dukan.core.account.TeamMember;
import io.dukan.core.account.TeamRepository;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A store's staff and one-time links, in its partition. {tenantId}#TEAM holds MEMBER#{email} and INVITE#{id} items
 * (the staff page is one Query); each link's token is an item {tenantId}#TOKEN#{sha256} with a purpose (INVITE or
 * RESET) and a TTL. Using a link deletes its token item on condition that it still exists, inside the transaction
 * that does what the link is for, so a link works once even when clicked twice at the same moment.
 */
@Singleton
final class DynamoDbTeam implements TeamRepository, PasswordResets {

    private static final String INVITE = "INVITE";
    private static final String RESET = "RESET";
    private static final String EXISTS = "attribute_exists(pk)";

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbTeam(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public void saveInvite(Invite invite) {
        TenantId t = invite.tenantId();
        Map<String, AttributeValue> listed = Items.item(Keys.teamInvite(t, invite.id()))
                .with("email", invite.email())
                .with("role", invite.role().name())
                .with("invitedBy", invite.invitedBy())
                .with("createdAt", invite.createdAt().toString())
                .with("tokenHash", invite.tokenHash())
                .with(Keys.EXPIRES_AT, invite.expiresAt().getEpochSecond())
                .build();
        Map<String, AttributeValue> token = Items.item(Keys.oneTimeToken(t, invite.tokenHash()))
                .with("purpose", INVITE)
                .with("inviteId", invite.id())
                .with("email", invite.email())
                .with("role", invite.role().name())
                .with("invitedBy", invite.invitedBy())
                .with("createdAt", invite.createdAt().toString())
                .with(Keys.EXPIRES_AT, invite.expiresAt().getEpochSecond())
                .build();
        dynamo.transactWriteItems(r -> r.transactItems(put(listed), put(token)));
    }

    @Override
    public Optional<Invite> findInvite(TenantId tenant, String tokenHash) {
        return token(tenant, tokenHash, INVITE)
                .map(i -> new Invite(
                        tenant,
                        i.s("inviteId"),
                        i.s("email"),
                        Role.valueOf(i.s("role")),
                        i.s("invitedBy"),
                        Instant.parse(i.s("createdAt")),
                        Instant.ofEpochSecond(i.n(Keys.EXPIRES_AT)),
                        tokenHash));
    }

    @Override
    public List<Invite> invites(TenantId tenant) {
        return team(tenant, "INVITE#").stream()
                .map(i -> new Invite(
                        tenant,
                        i.s(Keys.SK).substring("INVITE#".length()),
                        i.s("email"),
                        Role.valueOf(i.s("role")),
                        i.s("invitedBy"),
                        Instant.parse(i.s("createdAt")),
                        Instant.ofEpochSecond(i.n(Keys.EXPIRES_AT)),
                        i.s("tokenHash")))
                .toList();
    }

    @Override
    public List<TeamMember> members(TenantId tenant) {
        return team(tenant, "MEMBER#").stream()
                .map(i -> new TeamMember(
                        i.s("email"), i.s("name"), Role.valueOf(i.s("role")), Instant.parse(i.s("joinedAt"))))
                .toList();
    }

    @Override
    public void join(Invite invite, StoreUser user, TeamMember member) {
        TenantId t = invite.tenantId();
        Map<String, AttributeValue> userItem = Items.item(Keys.user(t, user.email()))
                .with("email", user.email())
                .with("passwordHash", user.passwordHash())
                .with("role", user.role().name())
                .build();
        Map<String, AttributeValue> memberItem = Items.item(Keys.teamMember(t, member.email()))
                .with("email", member.email())
                .with("name", member.name())
                .with("role", member.role().name())
                .with("joinedAt", member.joinedAt().toString())
                .build();
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder()
                            .delete(Delete.builder()
                                    .tableName(table)
                                    .key(Keys.oneTimeToken(t, invite.tokenHash()))
                                    .conditionExpression(EXISTS)
                                    .build())
                            .build(),
                    TransactWriteItem.builder()
                            .delete(Delete.builder()
                                    .tableName(table)
                                    .key(Keys.teamInvite(t, invite.id()))
                                    .build())
                            .build(),
                    TransactWriteItem.builder()
                            .put(Put.builder()
                                    .tableName(table)
                                    .item(userItem)
                                    .conditionExpression("attribute_not_exists(pk)")
                                    .build())
                            .build(),
                    put(memberItem)));
        } catch (TransactionCanceledException e) {
            if (Cancellations.failed(e.cancellationReasons(), 0, Cancellations.CONDITION_FAILED)) {
                throw new InvalidLinkException();
            }
            if (Cancellations.failed(e.cancellationReasons(), 2, Cancellations.CONDITION_FAILED)) {
                throw new AccountExistsException(user.email());
            }
            throw e;
        }
    }

    @Override
    public void deleteInvite(TenantId tenant, String inviteId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(Keys.teamInvite(tenant, inviteId))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return;
        }
        String tokenHash = Items.of(item).s("tokenHash");
        dynamo.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(table)
                                .key(Keys.oneTimeToken(tenant, tokenHash))
                                .build())
                        .build(),
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(table)
                                .key(Keys.teamInvite(tenant, inviteId))
                                .build())
                        .build()));
    }

    @Override
    public boolean removeMember(TenantId tenant, String email) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    // only staff: an owner's account is never removed this way
                    TransactWriteItem.builder()
                            .delete(Delete.builder()
                                    .tableName(table)
                                    .key(Keys.user(tenant, email))
                                    .conditionExpression("#role = :staff")
                                    .expressionAttributeNames(Map.of("#role", "role"))
                                    .expressionAttributeValues(Map.of(":staff", Keys.s(Role.STAFF.name())))
                                    .build())
                            .build(),
                    TransactWriteItem.builder()
                            .delete(Delete.builder()
                                    .tableName(table)
                                    .key(Keys.teamMember(tenant, email))
                                    .build())
                            .build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (Cancellations.failed(e.cancellationReasons(), 0, Cancellations.CONDITION_FAILED)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void save(ResetToken token) {
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(Keys.oneTimeToken(token.tenantId(), token.tokenHash()))
                        .with("purpose", RESET)
                        .with("email", token.email())
                        .with(Keys.EXPIRES_AT, token.expiresAt().getEpochSecond())
                        .build()));
    }

    @Override
    public Optional<ResetToken> find(TenantId tenant, String tokenHash) {
        return token(tenant, tokenHash, RESET)
                .map(i -> new ResetToken(tenant, tokenHash, i.s("email"), Instant.ofEpochSecond(i.n(Keys.EXPIRES_AT))));
    }

    @Override
    public void reset(ResetToken token, String newPasswordHash) {
        TenantId t = token.tenantId();
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder()
                            .delete(Delete.builder()
                                    .tableName(table)
                                    .key(Keys.oneTimeToken(t, token.tokenHash()))
                                    .conditionExpression(EXISTS)
                                    .build())
                            .build(),
                    TransactWriteItem.builder()
                            .update(Update.builder()
                                    .tableName(table)
                                    .key(Keys.user(t, token.email()))
                                    .updateExpression("SET passwordHash = :hash")
                                    .conditionExpression(EXISTS)
                                    .expressionAttributeValues(Map.of(":hash", Keys.s(newPasswordHash)))
                                    .build())
                            .build()));
        } catch (TransactionCanceledException e) {
            if (Cancellations.anyFailed(e.cancellationReasons(), Cancellations.CONDITION_FAILED)) {
                throw new InvalidLinkException();
            }
            throw e;
        }
    }

    private Optional<Items> token(TenantId tenant, String tokenHash, String purpose) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(Keys.oneTimeToken(tenant, tokenHash))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty() || !purpose.equals(Items.of(item).s("purpose"))) {
            return Optional.empty();
        }
        return Optional.of(Items.of(item));
    }

    private List<Items> team(TenantId tenant, String prefix) {
        List<Items> items = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", Keys.s(Keys.team(tenant)), ":prefix", Keys.s(prefix)))
                        .consistentRead(true))
                .items()
                .forEach(i -> items.add(Items.of(i)));
        return items;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item).build())
                .build();
    }
}
