package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.ProvisioningStep;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.core.tenant.StoreSlugTakenException;
import io.dukan.core.tenant.StoreStatus;
import io.dukan.core.tenant.TenantId;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The platform's store records and slug claims, under PLATFORM# keys: the signup function (register, read) and the
 * fleet worker (steps, status, the owner's password hash until the owner's account holds it).
 */
@Singleton
@Requires(env = {"provisioning", "fleet"})
final class DynamoDbStoreRegistry implements StoreRegistry {

    private static final String NOT_EXISTS = "attribute_not_exists(pk)";
    /** The owner's password hash, on the store record from signup until the owner's account holds it. */
    static final String OWNER_HASH = "ownerPasswordHash";
    /**
     * Real DynamoDB cancels transactions racing on the same item (TransactionConflict); each retry may find the
     * slug or the signup settled. Bounded: a signup waits a fraction of a second, not forever.
     */
    static final int MAX_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbStoreRegistry(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public Registration register(Store store, String idempotencyKey, String ownerPasswordHash) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(Items.item(Keys.slug(store.slug()))
                .with("tenantId", store.id().value())
                .build()));
        Map<String, AttributeValue> storeItem = new HashMap<>(storeItem(store));
        storeItem.put(OWNER_HASH, s(ownerPasswordHash));
        writes.add(put(storeItem));
        if (idempotencyKey != null) {
            writes.add(put(Items.item(Keys.signup(idempotencyKey))
                    .with("tenantId", store.id().value())
                    .build()));
        }
        // last, so the positions Cancellations reads above stay as they were
        writes.add(put(DynamoDbStoreDirectory.entry(store)));
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(r -> r.transactItems(writes));
                return new Registration(store, true);
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (idempotencyKey != null && Cancellations.failed(reasons, 2, Cancellations.CONDITION_FAILED)) {
                    return new Registration(earlierStore(idempotencyKey, e), false);
                }
                if (Cancellations.failed(reasons, 0, Cancellations.CONDITION_FAILED)) {
                    throw new StoreSlugTakenException(store.slug());
                }
                if (!Cancellations.anyFailed(reasons, Cancellations.CONFLICT)) {
                    throw e;
                }
                if (attempt >= MAX_ATTEMPTS) {
                    return afterLastConflict(store, idempotencyKey, e);
                }
                pause(attempt);
            }
        }
    }

    /** Still racing after every attempt: settle what the racers left behind if it says enough, else ask to retry. */
    private Registration afterLastConflict(Store store, String idempotencyKey, TransactionCanceledException e) {
        Optional<Store> earlier = idempotencyKey == null ? Optional.empty() : findBySignup(idempotencyKey);
        if (earlier.isPresent()) {
            return new Registration(earlier.get(), false);
        }
        if (pointer(Keys.slug(store.slug())).isPresent()) {
            throw new StoreSlugTakenException(store.slug());
        }
        throw new TryAgainLaterException(
                "someone else is signing up for the store address '" + store.slug()
                        + "' at this moment; nothing was created, please try again",
                e);
    }

    private Store earlierStore(String idempotencyKey, TransactionCanceledException e) {
        return findBySignup(idempotencyKey)
                .orElseThrow(() -> new IllegalStateException(
                        "signup " + idempotencyKey + " is recorded but its store is missing", e));
    }

    @Override
    public Optional<Store> findById(TenantId id) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Keys.store(id)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toStore(Items.of(item)));
    }

    @Override
    public Optional<String> ownerPasswordHash(TenantId id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(Keys.store(id))
                        .projectionExpression(OWNER_HASH)
                        .consistentRead(true))
                .item();
        return item == null || !item.containsKey(OWNER_HASH)
                ? Optional.empty()
                : Optional.of(item.get(OWNER_HASH).s());
    }

    @Override
    public void forgetOwnerPasswordHash(TenantId id) {
        dynamo.updateItem(r -> r.tableName(table)
                .key(Keys.store(id))
                .updateExpression("REMOVE " + OWNER_HASH)
                .conditionExpression("attribute_exists(pk)"));
    }

    @Override
    public Optional<Store> findBySlug(Slug slug) {
        return pointer(Keys.slug(slug)).flatMap(this::findById);
    }

    @Override
    public void markStepDone(TenantId id, ProvisioningStep step) {
        changeSteps(id, "ADD", step);
    }

    @Override
    public void markStepUndone(TenantId id, ProvisioningStep step) {
        changeSteps(id, "DELETE", step);
    }

    /** Adds the step to the store's stepsDone set, or deletes it from the set ({@code change}: ADD or DELETE). */
    private void changeSteps(TenantId id, String change, ProvisioningStep step) {
        dynamo.updateItem(r -> r.tableName(table)
                .key(Keys.store(id))
                .updateExpression(change + " stepsDone :s SET updatedAt = :now")
                .expressionAttributeValues(Map.of(
                        ":s",
                        AttributeValue.fromSs(List.of(step.name())),
                        ":now",
                        s(Instant.now().toString()))));
    }

    @Override
    public void setStatus(TenantId id, StoreStatus status, String reason) {
        String update = reason == null
                ? "SET #st = :st, updatedAt = :now REMOVE failureReason"
                : "SET #st = :st, updatedAt = :now, failureReason = :why";
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":st", s(status.name()));
        values.put(":now", s(Instant.now().toString()));
        if (reason != null) {
            values.put(":why", s(truncate(reason)));
        }
        Map<String, AttributeValue> record = dynamo.updateItem(r -> r.tableName(table)
                        .key(Keys.store(id))
                        .updateExpression(update)
                        .expressionAttributeNames(Map.of("#st", "status"))
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes();
        String createdAt = record == null ? null : Items.of(record).s("createdAt");
        if (createdAt != null) {
            try {
                dynamo.updateItem(r -> r.tableName(table)
                        .key(PlatformKeys.directoryEntry(Instant.parse(createdAt), id.value()))
                        .updateExpression("SET #st = :st")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeNames(Map.of("#st", "status"))
                        .expressionAttributeValues(Map.of(":st", s(status.name()))));
            } catch (ConditionalCheckFailedException notInTheDirectory) {
                // a store from before the directory: the operator command's reindex-stores adds it
            }
        }
    }

    @Override
    public void releaseSlug(Slug slug, TenantId holder) {
        try {
            dynamo.deleteItem(r -> r.tableName(table)
                    .key(Keys.slug(slug))
                    .conditionExpression("tenantId = :t")
                    .expressionAttributeValues(Map.of(":t", s(holder.value()))));
        } catch (ConditionalCheckFailedException heldByAnotherOrGone) {
            // nothing of ours to release
        }
    }

    private Optional<Store> findBySignup(String idempotencyKey) {
        return pointer(Keys.signup(idempotencyKey)).flatMap(this::findById);
    }

    private Optional<TenantId> pointer(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(key).consistentRead(true))
                .item();
        if (item == null || !item.containsKey("tenantId")) {
            return Optional.empty();
        }
        return Optional.of(new TenantId(item.get("tenantId").s()));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression(NOT_EXISTS)
                        .build())
                .build();
    }

    private static Map<String, AttributeValue> storeItem(Store store) {
        Items item = Items.item(Keys.store(store.id()))
                .with("tenantId", store.id().value())
                .with("slug", store.slug().value())
                .with("name", store.name())
                .with("ownerEmail", store.ownerEmail())
                .with("currency", store.currency())
                .with("country", store.country())
                .with("language", store.language())
                .with("status", store.status().name())
                .with("failureReason", store.failureReason())
                .with("createdAt", store.createdAt().toString())
                .with("updatedAt", store.createdAt().toString());
        if (!store.stepsDone().isEmpty()) {
            item.with(
                    "stepsDone",
                    AttributeValue.fromSs(
                            store.stepsDone().stream().map(Enum::name).toList()));
        }
        return item.build();
    }

    private static Store toStore(Items item) {
        Set<ProvisioningStep> steps = EnumSet.noneOf(ProvisioningStep.class);
        AttributeValue done = item.raw("stepsDone");
        if (done != null && done.hasSs()) {
            done.ss().forEach(name -> steps.add(ProvisioningStep.valueOf(name)));
        }
        return new Store(
                new TenantId(item.s("tenantId")),
                new Slug(item.s("slug")),
                item.s("name"),
                item.s("ownerEmail"),
                item.s("currency"),
                item.s("country"),
                item.s("language"),
                StoreStatus.valueOf(item.s("status")),
                item.s("failureReason"),
                steps,
                Instant.parse(item.s("createdAt")));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L + 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering a store", e);
        }
    }

    private static String truncate(String reason) {
        return reason.length() <= 1000 ? reason : reason.substring(0, 1000) + "…";
    }
}
