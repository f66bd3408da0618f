package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.n;
import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.catalog.ProductId;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderLine;
import io.dukan.core.order.OrderRepository;
import io.dukan.core.order.OutOfStockException;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * stock is decremented on condition that enough is left. Lines arrive aggregated per product.
 */
@Singleton
final class DynamoDbOrders implements OrderRepository {

    /**
     * Counter races are retried; each retry re-reads the counter. Bounded so a request cannot spin forever: past
     * it, the shopper is asked to try again (HTTP 503), nothing having been written.
     */
    static final int MAX_ATTEMPTS = 25;

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbOrders(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public Order place(TenantId tenant, Draft draft) {
        Money total = draft.lines().stream().map(OrderLine::lineTotal)
                .reduce(Money::plus).orElseThrow(() -> new IllegalArgumentException("an order needs lines"));
        for (int attempt = 1; ; attempt++) {
            long last = currentCounter(tenant);
            Order order = new Order(last + 1, draft.code(), draft.lines(), total, draft.customerName(), draft.phone(),
                    draft.address(), draft.paymentMethod(), draft.placedAt());
            try {
                dynamo.transactWriteItems(r -> r.transactItems(writes(tenant, order, last)));
                return order;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                for (int i = 0; i < order.lines().size(); i++) {
                    if (Cancellations.failed(reasons, 3 + i, Cancellations.CONDITION_FAILED)) {
                        throw new OutOfStockException(order.lines().get(i).productName());
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

    private List<TransactWriteItem> writes(TenantId tenant, Order order, long last) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Update.Builder counter = Update.builder().tableName(table).key(Keys.orderCounter(tenant))
                .updateExpression("SET lastNumber = :next");
        if (last < Order.FIRST_NUMBER) {
            counter.conditionExpression("attribute_not_exists(lastNumber)")
                    .expressionAttributeValues(Map.of(":next", n(order.number())));
        } else {
            counter.conditionExpression("lastNumber = :last")
                    .expressionAttributeValues(Map.of(":next", n(order.number()), ":last", n(last)));
        }
        writes.add(TransactWriteItem.builder().update(counter.build()).build());
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(orderItem(tenant, order))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(Items.item(Keys.orderCode(tenant, order.code())).with("number", order.number()).build())
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        for (OrderLine line : order.lines()) {
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(Keys.product(tenant, line.productId()))
                    .updateExpression("SET stock = stock - :q")
                    .conditionExpression("attribute_exists(pk) AND stock >= :q")
                    .expressionAttributeValues(Map.of(":q", n(line.quantity())))
                    .build()).build());
        }
        return writes;
    }

    /** The last number used, or FIRST_NUMBER - 1 for a store with no order yet. */
    private long currentCounter(TenantId tenant) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Keys.orderCounter(tenant))
                .consistentRead(true)).item();
        return item == null || !item.containsKey("lastNumber")
                ? Order.FIRST_NUMBER - 1
                : Long.parseLong(item.get("lastNumber").n());
    }

    @Override
    public Optional<Order> findByCode(TenantId tenant, String code) {
        Map<String, AttributeValue> pointer = dynamo.getItem(r -> r.tableName(table).key(Keys.orderCode(tenant, code))
                .consistentRead(true)).item();
        if (pointer == null || !pointer.containsKey("number")) {
            return Optional.empty();
        }
        long number = Long.parseLong(pointer.get("number").n());
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Keys.order(tenant, number))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toOrder(Items.of(item)));
    }

    @Override
    public List<Order> recent(TenantId tenant, int limit) {
        return dynamo.query(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.orders(tenant))))
                        .scanIndexForward(false)
                        .limit(limit))
                .items().stream().map(i -> toOrder(Items.of(i))).toList();
    }

    private static Map<String, AttributeValue> orderItem(TenantId tenant, Order order) {
        List<AttributeValue> lines = order.lines().stream().map(line -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("productId", s(line.productId().value()));
            m.put("name", s(line.productName()));
            m.put("unitPriceMinor", n(line.unitPrice().minor()));
            m.put("quantity", n(line.quantity()));
            return AttributeValue.fromM(m);
        }).toList();
        return Items.item(Keys.order(tenant, order.number()))
                .with("number", order.number())
                .with("code", order.code())
                .with("lines", AttributeValue.fromL(lines))
                .with("totalMinor", order.total().minor())
                .with("currency", order.total().currency())
                .with("customerName", order.customerName())
                .with("phone", order.phone())
                .with("address", order.address())
                .with("paymentMethod", order.paymentMethod().name())
                .with("placedAt", order.placedAt().toString())
                .build();
    }

    private static Order toOrder(Items i) {
        String currency = i.s("currency");
        List<OrderLine> lines = i.raw("lines").l().stream().map(AttributeValue::m).map(m -> new OrderLine(
                new ProductId(m.get("productId").s()), m.get("name").s(),
                new Money(Long.parseLong(m.get("unitPriceMinor").n()), currency),
                Integer.parseInt(m.get("quantity").n()))).toList();
        return new Order(i.n("number"), i.s("code"), lines, new Money(i.n("totalMinor"), currency),
                i.s("customerName"), i.s("phone"), i.s("address"), PaymentMethod.valueOf(i.s("paymentMethod")),
                Instant.parse(i.s("placedAt")));
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
