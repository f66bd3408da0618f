package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.n;
import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.discount.Discount;
import io.dukan.core.discount.DiscountChangedException;
import io.dukan.core.discount.DiscountCodeTakenException;
import io.dukan.core.discount.DiscountInUseException;
import io.dukan.core.discount.DiscountKind;
import io.dukan.core.discount.DiscountRepository;
import io.dukan.core.order.DiscountClaim;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A store's discount codes, one item each in the store's DISCOUNTS partition (listed by one Query). Dates are epoch
 * seconds (0: no limit), so the order transaction's condition can compare them with the time of the order. The
 * use count is written only by {@link #claimWrites}, inside the order's TransactWriteItems.
 */
@Singleton
final class DynamoDbDiscounts implements DiscountRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbDiscounts(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public List<Discount> list(TenantId tenant, int limit) {
        return dynamo
                .query(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.discounts(tenant))))
                        .consistentRead(true)
                        .limit(limit))
                .items()
                .stream()
                .map(i -> toDiscount(Items.of(i)))
                .toList();
    }

    @Override
    public Optional<Discount> find(TenantId tenant, String code) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Keys.discount(tenant, code)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toDiscount(Items.of(item)));
    }

    @Override
    public void create(TenantId tenant, Discount d) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Items.item(Keys.discount(tenant, d.code()))
                            .with("code", d.code())
                            .with("kind", d.kind().name())
                            .with("value", d.value())
                            .with("minimumMinor", d.minimumMinor())
                            .with("currency", d.currency())
                            .with("startsAt", seconds(d.startsAt()))
                            .with("endsAt", seconds(d.endsAt()))
                            .with("usageLimit", d.usageLimit())
                            .with("oncePerCustomer", AttributeValue.fromBool(d.oncePerCustomer()))
                            .with("paused", AttributeValue.fromBool(d.paused()))
                            .with("used", d.used())
                            .with("terms", d.terms())
                            .with("createdAt", d.createdAt().toString())
                            .build())
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new DiscountCodeTakenException(d.code());
        }
    }

    @Override
    public void update(TenantId tenant, Discount d, int expectedTerms) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Keys.discount(tenant, d.code()))
                    .updateExpression("SET #kind = :kind, #value = :value, minimumMinor = :min, startsAt = :starts,"
                            + " endsAt = :ends, usageLimit = :limit, oncePerCustomer = :once, paused = :paused,"
                            + " terms = :terms")
                    .conditionExpression("attribute_exists(pk) AND terms = :expected")
                    .expressionAttributeNames(Map.of("#kind", "kind", "#value", "value"))
                    .expressionAttributeValues(Map.of(
                            ":kind", s(d.kind().name()),
                            ":value", n(d.value()),
                            ":min", n(d.minimumMinor()),
                            ":starts", n(seconds(d.startsAt())),
                            ":ends", n(seconds(d.endsAt())),
                            ":limit", n(d.usageLimit()),
                            ":once", AttributeValue.fromBool(d.oncePerCustomer()),
                            ":paused", AttributeValue.fromBool(d.paused()),
                            ":terms", n(d.terms()),
                            ":expected", n(expectedTerms))));
        } catch (ConditionalCheckFailedException e) {
            throw new DiscountChangedException();
        }
    }

    @Override
    public void delete(TenantId tenant, String code) {
        try {
            dynamo.deleteItem(r -> r.tableName(table)
                    .key(Keys.discount(tenant, code))
                    .conditionExpression("attribute_exists(pk) AND used = :zero")
                    .expressionAttributeValues(Map.of(":zero", n(0))));
        } catch (ConditionalCheckFailedException e) {
            if (find(tenant, code).isPresent()) {
                throw new DiscountInUseException();
            }
            throw new DiscountChangedException();
        }
    }

    @Override
    public boolean usedBy(TenantId tenant, String code, List<String> customerKeys) {
        for (String key : customerKeys) {
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                            .key(Keys.discountUse(tenant, code, key))
                            .consistentRead(true))
                    .item();
            if (item != null && !item.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The claim's writes for the order's transaction: first the code's use count + 1 on condition that the code still
     * has the terms the amount was worked out from, is not paused, is within its dates at the claim's time and has a
     * use left; then one marker per customer key, on condition that it is new.
     */
    static List<TransactWriteItem> claimWrites(String table, TenantId tenant, String orderCode, DiscountClaim claim) {
        String code = claim.applied().code();
        long now = claim.at().getEpochSecond();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(Keys.discount(tenant, code))
                        .updateExpression("SET used = used + :one")
                        .conditionExpression("attribute_exists(pk) AND terms = :terms AND paused = :false"
                                + " AND startsAt <= :now AND (endsAt = :zero OR endsAt > :now)"
                                + " AND (usageLimit = :zero OR used < usageLimit)")
                        .expressionAttributeValues(Map.of(
                                ":one", n(1),
                                ":terms", n(claim.terms()),
                                ":false", AttributeValue.fromBool(false),
                                ":now", n(now),
                                ":zero", n(0)))
                        .build())
                .build());
        for (String key : claim.customerKeys()) {
            writes.add(TransactWriteItem.builder()
                    .put(Put.builder()
                            .tableName(table)
                            .item(Items.item(Keys.discountUse(tenant, code, key))
                                    .with("orderCode", orderCode)
                                    .with("at", claim.at().toString())
                                    .build())
                            .conditionExpression("attribute_not_exists(pk)")
                            .build())
                    .build());
        }
        return writes;
    }

    private static long seconds(Instant at) {
        return at == null ? 0 : at.getEpochSecond();
    }

    private static Instant instant(long seconds) {
        return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
    }

    private static Discount toDiscount(Items i) {
        return new Discount(
                i.s("code"),
                DiscountKind.valueOf(i.s("kind")),
                i.n("value"),
                i.n("minimumMinor"),
                i.s("currency"),
                instant(i.n("startsAt")),
                instant(i.n("endsAt")),
                i.n("usageLimit"),
                Boolean.TRUE.equals(i.raw("oncePerCustomer").bool()),
                Boolean.TRUE.equals(i.raw("paused").bool()),
                i.n("used"),
                (int) i.n("terms"),
                Instant.parse(i.s("createdAt")));
    }
}
