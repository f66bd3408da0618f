package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.ScriptedDynamo.TRANSACT_WRITE;
import static io.dukan.aws.dynamodb.ScriptedDynamo.cancelled;
import static io.dukan.aws.dynamodb.ScriptedDynamo.getItem;
import static io.dukan.aws.dynamodb.ScriptedDynamo.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dukan.aws.testing.ScriptedAws;
import io.dukan.aws.testing.ScriptedAws.Request;
import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreRegistry.Registration;
import io.dukan.core.tenant.StoreSlugTakenException;
import io.dukan.core.tenant.StoreStatus;
import io.dukan.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What DynamoDB Local cannot show: real DynamoDB's cancellation reasons, scripted over the real client. */
class DynamoDbStoreRegistryTest {

    private static final String SIGNUP_KEY = "signup-0001";

    private final ScriptedDynamo dynamo = new ScriptedDynamo();
    private final ScriptedAws aws = dynamo.aws;
    private final DynamoDbStoreRegistry registry = new DynamoDbStoreRegistry(dynamo.client, ScriptedDynamo.table());
    private final Store store = aStore(new TenantId("newnewnewnewnew2"), "bilal-crafts");

    @Test
    void register_retries_whenRealDynamoDbReportsATransactionConflict() {
        // given another signup's transaction on the same slug item cancels ours once
        aws.onFirst(1, TRANSACT_WRITE, cancelled("TransactionConflict", "None", "None"));

        // when
        Registration registration = registry.register(store, SIGNUP_KEY, "hash");

        // then
        assertThat(registration).isEqualTo(new Registration(store, true));
        List<Request> writes = aws.matching(TRANSACT_WRITE);
        assertThat(writes).hasSize(2);
        assertThat(writes.get(1).json().path("TransactItems"))
                .isEqualTo(writes.get(0).json().path("TransactItems"));
        JsonNode slugClaim = writes.get(0).json().at("/TransactItems/0/Put");
        assertThat(slugClaim.at("/Item/pk/S").asText()).isEqualTo("PLATFORM#SLUG#bilal-crafts");
        assertThat(slugClaim.path("ConditionExpression").asText()).isEqualTo("attribute_not_exists(pk)");
    }

    @Test
    void register_saysTheSlugIsTaken_whenAnotherStoreHoldsIt() {
        // given
        aws.on(TRANSACT_WRITE, cancelled("ConditionalCheckFailed", "None", "None"));

        // when / then
        assertThatThrownBy(() -> registry.register(store, SIGNUP_KEY, "hash"))
                .isInstanceOf(StoreSlugTakenException.class);
        assertThat(aws.matching(TRANSACT_WRITE)).hasSize(1);
    }

    @Test
    void register_returnsTheEarlierStore_whenTheSameSignupWasAlreadyRecorded() {
        // given the first submission of this signup registered its store, holding the slug too
        TenantId earlierId = new TenantId("oldoldoldoldold2");
        aws.on(TRANSACT_WRITE, cancelled("ConditionalCheckFailed", "None", "ConditionalCheckFailed"))
                .on(getItem("PLATFORM#SIGNUP#" + SIGNUP_KEY), item("tenantId", earlierId.value()))
                .on(getItem("PLATFORM#STORE#" + earlierId.value()), storeItem(earlierId));

        // when
        Registration registration = registry.register(store, SIGNUP_KEY, "hash");

        // then
        assertThat(registration.created()).isFalse();
        assertThat(registration.store().id()).isEqualTo(earlierId);
        assertThat(registration.store().slug()).isEqualTo(new Slug("bilal-crafts"));
        assertThat(aws.matching(TRANSACT_WRITE)).hasSize(1);
    }

    @Test
    void register_saysTheSlugIsTaken_whenConflictsOutlastTheRetries_andTheSlugIsNowHeld() {
        // given
        aws.on(TRANSACT_WRITE, cancelled("TransactionConflict", "None", "None"))
                .on(getItem("PLATFORM#SLUG#bilal-crafts"), item("tenantId", "otherotherother2"));

        // when / then
        assertThatThrownBy(() -> registry.register(store, SIGNUP_KEY, "hash"))
                .isInstanceOf(StoreSlugTakenException.class);
        assertThat(aws.matching(TRANSACT_WRITE)).hasSize(DynamoDbStoreRegistry.MAX_ATTEMPTS);
    }

    @Test
    void register_asksToTryAgainLater_whenConflictsOutlastTheRetries_andTheSlugIsStillFree() {
        // given (GetItem finds nothing by default)
        aws.on(TRANSACT_WRITE, cancelled("TransactionConflict", "None", "None"));

        // when / then
        assertThatThrownBy(() -> registry.register(store, SIGNUP_KEY, "hash"))
                .isInstanceOf(TryAgainLaterException.class)
                .hasMessageContaining("bilal-crafts");
        assertThat(aws.matching(TRANSACT_WRITE)).hasSize(DynamoDbStoreRegistry.MAX_ATTEMPTS);
    }

    @Test
    void setStatus_recordsTheReason_orRemovesAnOldOne() {
        // when
        registry.setStatus(store.id(), StoreStatus.FAILED, "could not deploy");
        registry.setStatus(store.id(), StoreStatus.ACTIVE, null);

        // then
        List<JsonNode> updates = aws.matching(r -> r.isTarget("dynamodb", "UpdateItem")).stream()
                .map(Request::json)
                .toList();
        assertThat(updates.get(0).path("UpdateExpression").asText())
                .isEqualTo("SET #st = :st, updatedAt = :now, failureReason = :why");
        assertThat(updates.get(0).at("/ExpressionAttributeValues/:why/S").asText())
                .isEqualTo("could not deploy");
        assertThat(updates.get(0).at("/ExpressionAttributeValues/:st/S").asText())
                .isEqualTo("FAILED");
        assertThat(updates.get(1).path("UpdateExpression").asText())
                .isEqualTo("SET #st = :st, updatedAt = :now REMOVE failureReason");
        assertThat(updates.get(1).path("ExpressionAttributeValues").has(":why")).isFalse();
        assertThat(updates)
                .allSatisfy(
                        u -> assertThat(u.at("/ExpressionAttributeNames/#st").asText())
                                .isEqualTo("status"));
    }

    private static Store aStore(TenantId id, String slug) {
        return new Store(
                id,
                new Slug(slug),
                "Bilal Crafts",
                "bilal@example.com",
                "PKR",
                "PK",
                "ur",
                StoreStatus.PROVISIONING,
                null,
                Set.of(),
                Instant.parse("2026-01-15T10:00:00Z"));
    }

    private static ScriptedAws.Reply storeItem(TenantId id) {
        return item(
                "pk",
                "PLATFORM#STORE#" + id.value(),
                "sk",
                "STORE",
                "tenantId",
                id.value(),
                "slug",
                "bilal-crafts",
                "name",
                "Bilal Crafts",
                "ownerEmail",
                "bilal@example.com",
                "currency",
                "PKR",
                "country",
                "PK",
                "language",
                "ur",
                "status",
                "PROVISIONING",
                "createdAt",
                "2026-01-15T10:00:00Z");
    }
}
