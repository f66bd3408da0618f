package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.n;
import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.DiscountClaim;
import io.dukan.core.order.DiscountUnavailableException;
import io.dukan.core.order.DisplayCurrency;
import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Idempotency;
import io.dukan.core.order.IdempotencyKeyReusedException;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderDiscount;
import io.dukan.core.order.OrderEvent;
import io.dukan.core.order.OrderLine;
import io.dukan.core.order.OrderRepository;
import io.dukan.core.order.OutOfStockException;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Orders. Placing one is a single TransactWriteItems: the store's order counter moves from the number read to the
 * next (so two orders never share a number), the order and its public-code pointer are put, and every line's
 * variant's stock is decremented on condition that enough is left. Lines arrive aggregated per variant; the
 * stock updates are grouped per product item. An order with a discount code also counts the code's use (and writes
 * the once-per-customer markers) in the same transaction ({@link DynamoDbDiscounts#claimWrites}), so a code with one
 * use left gives exactly one order however many shoppers race for it.
 */
@Singleton
final class DynamoDbOrders implements OrderRepository {

    /**
     * Counter races are retried; each retry re-reads the counter. Bounded so a request cannot spin forever: past
     * it, the shopper is asked to try again (HTTP 503), nothing having been written.
     */
    static final int MAX_ATTEMPTS = 25;

    /** How long a checkout token or idempotency key keeps answering with its order (then DynamoDB's TTL drops it). */
    static final Duration IDEMPOTENCY_KEPT = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbOrders(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public Order place(TenantId tenant, Draft draft) {
        return place(tenant, draft, (Idempotency) null);
    }

    @Override
    public Optional<Order> findPlaced(TenantId tenant, Idempotency idempotency) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(Keys.checkout(tenant, idempotency.key()))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Items pointer = Items.of(item);
        if (!idempotency.fingerprint().equals(pointer.s("fingerprint"))) {
            throw new IdempotencyKeyReusedException();
        }
        return findByCode(tenant, pointer.s("code"));
    }

    /**
     * With a key, the transaction also puts the key's pointer to the order on condition that it is new; a placement
     * that loses that race (or finds the pointer already there) answers with the order the pointer names.
     */
    @Override
    public Order place(TenantId tenant, Draft draft, Idempotency idempotency) {
        Money subtotal = draft.subtotal();
        Map<ProductId, List<OrderLine>> byProduct = new LinkedHashMap<>();
        for (OrderLine line : draft.lines()) {
            byProduct.computeIfAbsent(line.productId(), id -> new ArrayList<>()).add(line);
        }
        List<List<OrderLine>> groups = List.copyOf(byProduct.values());
        int stockIndex = idempotency == null ? 3 : 4;
        int discountIndex = stockIndex + groups.size();
        for (int attempt = 1; ; attempt++) {
            if (idempotency != null) {
                Optional<Order> placed = findPlaced(tenant, idempotency);
                if (placed.isPresent()) {
                    return placed.get();
                }
            }
            long last = currentCounter(tenant);
            Order order = new Order(
                    last + 1,
                    draft.code(),
                    draft.lines(),
                    subtotal,
                    draft.shipping(),
                    draft.total(),
                    draft.contact(),
                    draft.address(),
                    draft.shippingMethod(),
                    draft.notes(),
                    draft.paymentMethod(),
                    PaymentStatus.PENDING,
                    FulfilmentStatus.UNFULFILLED,
                    "",
                    draft.displayed(),
                    List.of(new OrderEvent(draft.placedAt(), "shopper", "placed the order")),
                    draft.placedAt(),
                    1,
                    draft.applied());
            try {
                dynamo.transactWriteItems(
                        r -> r.transactItems(writes(tenant, order, last, groups, idempotency, draft.discount())));
                return order;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (idempotency != null && Cancellations.failed(reasons, 3, Cancellations.CONDITION_FAILED)) {
                    continue; // the same checkout was placed meanwhile: the next round returns its order
                }
                for (int i = 0; i < groups.size(); i++) {
                    if (Cancellations.failed(reasons, stockIndex + i, Cancellations.CONDITION_FAILED)) {
                        throw new OutOfStockException(groups.get(i).get(0).productName());
                    }
                }
                if (draft.discount() != null) {
                    if (Cancellations.failed(reasons, discountIndex, Cancellations.CONDITION_FAILED)) {
                        throw new DiscountUnavailableException(false);
                    }
                    for (int k = 1; k <= draft.discount().customerKeys().size(); k++) {
                        if (Cancellations.failed(reasons, discountIndex + k, Cancellations.CONDITION_FAILED)) {
                            throw new DiscountUnavailableException(true);
                        }
                    }
                }
                boolean counterRace = Cancellations.failed(reasons, 0, Cancellations.CONDITION_FAILED)
                        || Cancellations.anyFailed(reasons, Cancellations.CONFLICT);
                if (!counterRace) {
                    throw e;
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw new TryAgainLaterException(
                            "the store is very busy; nothing was ordered, please try again", e);
                }
                pause(attempt);
            }
        }
    }

    private List<TransactWriteItem> writes(
            TenantId tenant,
            Order order,
            long last,
            List<List<OrderLine>> groups,
            Idempotency idempotency,
            DiscountClaim claim) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Update.Builder counter = Update.builder()
                .tableName(table)
                .key(Keys.orderCounter(tenant))
                .updateExpression("SET lastNumber = :next");
        if (last < Order.FIRST_NUMBER) {
            counter.conditionExpression("attribute_not_exists(lastNumber)")
                    .expressionAttributeValues(Map.of(":next", n(order.number())));
        } else {
            counter.conditionExpression("lastNumber = :last")
                    .expressionAttributeValues(Map.of(":next", n(order.number()), ":last", n(last)));
        }
        writes.add(TransactWriteItem.builder().update(counter.build()).build());
        writes.add(TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(orderItem(tenant, order))
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build());
        writes.add(TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(Items.item(Keys.orderCode(tenant, order.code()))
                                .with("number", order.number())
                                .build())
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build());
        if (idempotency != null) {
            writes.add(TransactWriteItem.builder()
                    .put(Put.builder()
                            .tableName(table)
                            .item(Items.item(Keys.checkout(tenant, idempotency.key()))
                                    .with("code", order.code())
                                    .with("fingerprint", idempotency.fingerprint())
                                    .with(
                                            Keys.EXPIRES_AT,
                                            order.placedAt()
                                                    .plus(IDEMPOTENCY_KEPT)
                                                    .getEpochSecond())
                                    .build())
                            .conditionExpression("attribute_not_exists(pk)")
                            .build())
                    .build());
        }
        for (List<OrderLine> group : groups) {
            writes.add(TransactWriteItem.builder()
                    .update(stockUpdate(tenant, group))
                    .build());
        }
        if (claim != null) {
            writes.addAll(DynamoDbDiscounts.claimWrites(table, tenant, order.code(), claim));
        }
        return writes;
    }

    /**
     * One product's variants taken from stock in one update (a transaction may touch an item once). The condition
     * holds when every variant has enough, or when the owner keeps selling the product when it is sold out.
     */
    private Update stockUpdate(TenantId tenant, List<OrderLine> group) {
        List<String> sets = new ArrayList<>();
        List<String> enough = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":true", AttributeValue.fromBool(true));
        for (int v = 0; v < group.size(); v++) {
            OrderLine line = group.get(v);
            names.put("#v" + v, line.variantId().value());
            values.put(":q" + v, n(line.quantity()));
            sets.add("stock.#v" + v + " = stock.#v" + v + " - :q" + v);
            enough.add("stock.#v" + v + " >= :q" + v);
        }
        return Update.builder()
                .tableName(table)
                .key(Keys.product(tenant, group.get(0).productId()))
                .updateExpression("SET " + String.join(", ", sets))
                .conditionExpression("attribute_exists(pk) AND #status = :active AND (sellWhenSoldOut = :true OR ("
                        + String.join(" AND ", enough) + "))")
                .expressionAttributeNames(withStatus(names))
                .expressionAttributeValues(withActive(values))
                .build();
    }

    private static Map<String, String> withStatus(Map<String, String> names) {
        names.put("#status", "status");
        return names;
    }

    private static Map<String, AttributeValue> withActive(Map<String, AttributeValue> values) {
        values.put(":active", s(ProductStatus.ACTIVE.name()));
        return values;
    }

    /** The last number used, or FIRST_NUMBER - 1 for a store with no order yet. */
    private long currentCounter(TenantId tenant) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Keys.orderCounter(tenant)).consistentRead(true))
                .item();
        return item == null || !item.containsKey("lastNumber")
                ? Order.FIRST_NUMBER - 1
                : Long.parseLong(item.get("lastNumber").n());
    }

    @Override
    public Optional<Order> findByCode(TenantId tenant, String code) {
        Map<String, AttributeValue> pointer = dynamo.getItem(r ->
                        r.tableName(table).key(Keys.orderCode(tenant, code)).consistentRead(true))
                .item();
        if (pointer == null || !pointer.containsKey("number")) {
            return Optional.empty();
        }
        long number = Long.parseLong(pointer.get("number").n());
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Keys.order(tenant, number)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toOrder(Items.of(item)));
    }

    @Override
    public List<Order> recent(TenantId tenant, int limit) {
        return dynamo
                .query(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.orders(tenant))))
                        .scanIndexForward(false)
                        .limit(limit))
                .items()
                .stream()
                .map(i -> toOrder(Items.of(i)))
                .toList();
    }

    static Map<String, AttributeValue> orderItem(TenantId tenant, Order order) {
        List<AttributeValue> lines = order.lines().stream()
                .map(line -> {
                    Map<String, AttributeValue> m = new HashMap<>();
                    m.put("productId", s(line.productId().value()));
                    m.put("variantId", s(line.variantId().value()));
                    m.put("sku", s(line.sku()));
                    m.put("name", s(line.productName()));
                    m.put("variantTitle", s(line.variantTitle()));
                    m.put("unitPriceMinor", n(line.unitPrice().minor()));
                    m.put("quantity", n(line.quantity()));
                    return AttributeValue.fromM(m);
                })
                .toList();
        List<AttributeValue> history = order.history().stream()
                .map(e -> AttributeValue.fromM(
                        Map.of("at", s(e.at().toString()), "actor", s(e.actor()), "what", s(e.what()))))
                .toList();
        Address a = order.address();
        Items item = Items.item(Keys.order(tenant, order.number()))
                .with("number", order.number())
                .with("code", order.code())
                .with("lines", AttributeValue.fromL(lines))
                .with("subtotalMinor", order.subtotal().minor())
                .with("shippingMinor", order.shipping().minor())
                .with("totalMinor", order.total().minor())
                .with("currency", order.total().currency())
                .with("customerName", order.contact().name())
                .with("phone", order.contact().phone())
                .with("email", order.contact().email())
                .with(
                        "address",
                        AttributeValue.fromM(Map.of(
                                "line1",
                                s(a.line1()),
                                "line2",
                                s(a.line2()),
                                "city",
                                s(a.city()),
                                "region",
                                s(a.region()),
                                "postcode",
                                s(a.postcode()),
                                "country",
                                s(a.country()))))
                .with("shippingMethod", order.shippingMethod())
                .with("notes", order.notes())
                .with("paymentMethod", order.paymentMethod().name())
                .with("paymentStatus", order.paymentStatus().name())
                .with("fulfilmentStatus", order.fulfilmentStatus().name())
                .with("trackingNumber", order.trackingNumber())
                .with("history", AttributeValue.fromL(history))
                .with("placedAt", order.placedAt().toString())
                .with("version", order.version());
        OrderInbox.index(item, tenant, order);
        if (order.discount() != null) {
            item.with("discountCode", order.discount().code())
                    .with("discountMinor", order.discount().amount().minor())
                    .with(
                            "discountFreeDelivery",
                            AttributeValue.fromBool(order.discount().freeDelivery()));
        }
        if (order.displayed() != null) {
            item.with("displayCurrency", order.displayed().currency())
                    .with("displayRate", order.displayed().rate().toPlainString());
        }
        return item.build();
    }

    static Order toOrder(Items i) {
        String currency = i.s("currency");
        List<OrderLine> lines = i.raw("lines").l().stream()
                .map(AttributeValue::m)
                .map(m -> new OrderLine(
                        new ProductId(m.get("productId").s()),
                        new VariantId(m.get("variantId").s()),
                        m.get("sku").s(),
                        m.get("name").s(),
                        m.get("variantTitle").s(),
                        new Money(Long.parseLong(m.get("unitPriceMinor").n()), currency),
                        Integer.parseInt(m.get("quantity").n())))
                .toList();
        List<OrderEvent> history = i.raw("history").l().stream()
                .map(AttributeValue::m)
                .map(m -> new OrderEvent(
                        Instant.parse(m.get("at").s()),
                        m.get("actor").s(),
                        m.get("what").s()))
                .toList();
        Map<String, AttributeValue> a = i.raw("address").m();
        DisplayCurrency displayed = i.s("displayCurrency") == null
                ? null
                : new DisplayCurrency(i.s("displayCurrency"), new BigDecimal(i.s("displayRate")));
        return new Order(
                i.n("number"),
                i.s("code"),
                lines,
                new Money(i.n("subtotalMinor"), currency),
                new Money(i.n("shippingMinor"), currency),
                new Money(i.n("totalMinor"), currency),
                new Contact(i.s("customerName"), i.s("phone"), orEmpty(i.s("email"))),
                new Address(
                        a.get("line1").s(),
                        a.get("line2").s(),
                        a.get("city").s(),
                        a.get("region").s(),
                        a.get("postcode").s(),
                        a.get("country").s()),
                orEmpty(i.s("shippingMethod")),
                orEmpty(i.s("notes")),
                PaymentMethod.valueOf(i.s("paymentMethod")),
                PaymentStatus.valueOf(i.s("paymentStatus")),
                FulfilmentStatus.valueOf(i.s("fulfilmentStatus")),
                orEmpty(i.s("trackingNumber")),
                displayed,
                history,
                Instant.parse(i.s("placedAt")),
                (int) i.n("version"),
                i.s("discountCode") == null
                        ? null
                        : new OrderDiscount(
                                i.s("discountCode"),
                                new Money(i.n("discountMinor"), currency),
                                Boolean.TRUE.equals(
                                        i.raw("discountFreeDelivery").bool())));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(2, 10L + 5L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while placing an order", e);
        }
    }
}
