package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.offboard.Offboarding;
import io.dukan.core.offboard.OffboardingRepository;
import io.dukan.core.offboard.OffboardingState;
import io.dukan.core.offboard.OffboardingStep;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.TenantId;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Offboarding records under PLATFORM#OFFBOARD#{tenantId}: the provisioning function starts one, the worker runs it. */
@Singleton
@Requires(env = {"provisioning", "fleet"})
final class DynamoDbOffboardings implements OffboardingRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbOffboardings(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public boolean start(Offboarding o) {
        Map<String, AttributeValue> item = Items.item(Keys.offboarding(o.tenantId()))
                .with("tenantId", o.tenantId().value())
                .with("slug", o.slug().value())
                .with("requestedBy", o.requestedBy())
                .with("requestedAt", o.requestedAt().toString())
                .with("state", o.state().name())
                .with("dataCursor", "")
                .with("itemsDeleted", 0)
                .build();
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #st = :reopened")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(Map.of(":reopened", s(OffboardingState.REOPENED.name()))));
            return true;
        } catch (ConditionalCheckFailedException running) {
            return false;
        }
    }

    @Override
    public Optional<Offboarding> find(TenantId id) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Keys.offboarding(id)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Items i = Items.of(item);
        Set<OffboardingStep> steps = EnumSet.noneOf(OffboardingStep.class);
        AttributeValue done = i.raw("stepsDone");
        if (done != null && done.hasSs()) {
            done.ss().forEach(name -> steps.add(OffboardingStep.valueOf(name)));
        }
        return Optional.of(new Offboarding(
                id,
                new Slug(i.s("slug")),
                i.s("requestedBy"),
                Instant.parse(i.s("requestedAt")),
                OffboardingState.valueOf(i.s("state")),
                steps,
                i.s("dataCursor"),
                i.raw("itemsDeleted") == null ? 0 : i.n("itemsDeleted"),
                i.s("exportKey"),
                instant(i.s("exportExpiresAt")),
                instant(i.s("deletedAt")),
                i.s("failure")));
    }

    @Override
    public void markStepDone(TenantId id, OffboardingStep step) {
        update(id, "ADD stepsDone :s", Map.of(":s", AttributeValue.fromSs(List.of(step.name()))));
    }

    @Override
    public void saveCursor(TenantId id, String cursor, long itemsDeleted) {
        update(
                id,
                "SET dataCursor = :c, itemsDeleted = :n",
                Map.of(":c", s(cursor == null ? "" : cursor), ":n", Keys.n(itemsDeleted)));
    }

    @Override
    public void exported(TenantId id, String key, Instant expiresAt) {
        update(id, "SET exportKey = :k, exportExpiresAt = :e", Map.of(":k", s(key), ":e", s(expiresAt.toString())));
    }

    @Override
    public void setState(TenantId id, OffboardingState state, String failure, Instant deletedAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":st", s(state.name()));
        StringBuilder set = new StringBuilder("SET #st = :st");
        StringBuilder remove = new StringBuilder();
        if (failure != null) {
            set.append(", failure = :f");
            values.put(":f", s(failure));
        } else {
            remove.append(" REMOVE failure");
        }
        if (deletedAt != null) {
            set.append(", deletedAt = :d");
            values.put(":d", s(deletedAt.toString()));
        }
        if (state == OffboardingState.REOPENED) {
            // a later attempt starts over: the steps of this one are history
            remove.append(remove.isEmpty() ? " REMOVE " : ", ").append("stepsDone");
        }
        Map<String, String> names = Map.of("#st", "state");
        String expression = set + remove.toString();
        dynamo.updateItem(r -> r.tableName(table)
                .key(Keys.offboarding(id))
                .updateExpression(expression)
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    private void update(TenantId id, String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":now", s(Instant.now().toString()));
        dynamo.updateItem(r -> r.tableName(table)
                .key(Keys.offboarding(id))
                .updateExpression(expression + (expression.startsWith("SET") ? ", " : " SET ") + "updatedAt = :now")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(all));
    }

    private static Instant instant(String text) {
        return text == null || text.isEmpty() ? null : Instant.parse(text);
    }
}
