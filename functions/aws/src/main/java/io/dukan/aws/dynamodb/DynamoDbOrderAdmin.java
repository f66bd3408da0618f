package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.n;
import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.catalog.ProductId;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderAdminRepository;
import io.dukan.core.order.OrderChangedException;
import io.dukan.core.order.OrderFilter;
import io.dukan.core.order.OrderLine;
import io.dukan.core.payment.PaymentEvents;
import io.dukan.core.payment.ProviderEvent;
import io.dukan.core.shared.Page;
import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Orders after placement: the inbox's tabs (one Query per page, on the order partition or one of the inbox GSIs,
 * see {@link OrderInbox}), changes written on condition that the order's version is still the one read, a
 * cancellation's restock in the same transaction, and payment-provider events stored once with their effect.
 */
@Singleton
final class DynamoDbOrderAdmin implements OrderAdminRepository, PaymentEvents {

    /** Restocking retries when a product or variant vanished between reading and writing; bounded. */
    static final int MAX_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbOrderAdmin(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public Optional<Order> findByNumber(TenantId tenant, long number) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Keys.order(tenant, number)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(DynamoDbOrders.toOrder(Items.of(item)));
    }

    @Override
    public Page<Order> list(TenantId tenant, OrderFilter filter, String after, int limit) {
        String index = OrderInbox.indexOf(filter);
        Long afterNumber = after != null && after.matches("[0-9]{1,12}") ? Long.parseLong(after) : null;
        String ownPartition = Keys.orders(tenant);
        QueryRequest.Builder query =
                QueryRequest.builder().tableName(table).scanIndexForward(false).limit(limit);
        Map<String, AttributeValue> start = new HashMap<>();
        if (index == null) {
            query.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(ownPartition)));
        } else {
            String partition = Keys.orderInbox(tenant, filter.name());
            query.indexName(index)
                    .keyConditionExpression("#ix = :ix")
                    .expressionAttributeNames(Map.of("#ix", index))
                    .expressionAttributeValues(Map.of(":ix", s(partition)));
            start.put(index, s(partition));
        }
        if (afterNumber != null) {
            start.put(Keys.PK, s(ownPartition));
            start.put(Keys.SK, s(Keys.orderSort(afterNumber)));
            query.exclusiveStartKey(start);
        }
        // IAM's LeadingKeys checks only the table's partition key, so another store's role can write an item of its
        // own whose index keys name this store: a row read through an index counts only when its item is this
        // store's (its pk is this store's orders partition). Skipped rows are read past, up to MAX_INDEX_READS.
        List<Order> orders = new ArrayList<>();
        boolean more = false;
        Map<String, AttributeValue> lastEvaluated = null;
        for (int read = 0; read < MAX_INDEX_READS; read++) {
            QueryResponse response = dynamo.query(query.build());
            List<Map<String, AttributeValue>> items = response.items();
            lastEvaluated = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
            for (int i = 0; i < items.size(); i++) {
                if (orders.size() == limit) {
                    more = true;
                    break;
                }
                if (isOwnOrder(items.get(i), ownPartition)) {
                    orders.add(DynamoDbOrders.toOrder(Items.of(items.get(i))));
                }
            }
            if (more || lastEvaluated == null) {
                more = more || lastEvaluated != null;
                break;
            }
            if (orders.size() == limit) {
                more = true;
                break;
            }
            query.exclusiveStartKey(lastEvaluated);
        }
        String next = null;
        if (more || lastEvaluated != null) {
            next = !orders.isEmpty()
                    ? Long.toString(orders.get(orders.size() - 1).number())
                    : numberOf(lastEvaluated);
        }
        return new Page<>(orders, next);
    }

    /** Index reads per page at most, when rows that are not this store's are read past. */
    static final int MAX_INDEX_READS = 10;

    private static boolean isOwnOrder(Map<String, AttributeValue> item, String ownPartition) {
        AttributeValue pk = item.get(Keys.PK);
        AttributeValue sk = item.get(Keys.SK);
        return pk != null
                && ownPartition.equals(pk.s())
                && sk != null
                && sk.s() != null
                && sk.s().matches("ORDER#[0-9]{12}");
    }

    /** The order number a continuation key stands at, when it has one (else the listing ends there). */
    private static String numberOf(Map<String, AttributeValue> key) {
        AttributeValue sk = key == null ? null : key.get(Keys.SK);
        if (sk == null || sk.s() == null || !sk.s().matches("ORDER#[0-9]{12}")) {
            return null;
        }
        return Long.toString(Long.parseLong(sk.s().substring("ORDER#".length())));
    }

    @Override
    public void update(TenantId tenant, Order changed, int expectedVersion, boolean restock) {
        if (!restock) {
            try {
                dynamo.putItem(toPutRequest(orderPut(tenant, changed, expectedVersion)));
            } catch (ConditionalCheckFailedException | TransactionConflictException e) {
                throw new OrderChangedException();
            }
            return;
        }
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder()
                    .put(orderPut(tenant, changed, expectedVersion))
                    .build());
            for (Update update : restockUpdates(tenant, changed.lines())) {
                writes.add(TransactWriteItem.builder().update(update).build());
            }
            try {
                dynamo.transactWriteItems(r -> r.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                if (Cancellations.failed(e.cancellationReasons(), 0, Cancellations.CONDITION_FAILED)
                        || Cancellations.failed(e.cancellationReasons(), 0, Cancellations.CONFLICT)) {
                    throw new OrderChangedException();
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw new TryAgainLaterException(
                            "the store is busy; the order was not cancelled, please try again", e);
                }
                // a product or variant went away (or was being written) meanwhile: read the stock again
            }
        }
    }

    private static PutItemRequest toPutRequest(Put put) {
        return PutItemRequest.builder()
                .tableName(put.tableName())
                .item(put.item())
                .conditionExpression(put.conditionExpression())
                .expressionAttributeValues(put.expressionAttributeValues())
                .build();
    }

    private Put orderPut(TenantId tenant, Order changed, int expectedVersion) {
        return Put.builder()
                .tableName(table)
                .item(DynamoDbOrders.orderItem(tenant, changed))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(expectedVersion)))
                .build();
    }

    /**
     * One update per product that still exists, adding back each line's quantity to the variants it still has
     * (a transaction may touch an item once; a removed product or variant is not brought back to life).
     */
    private List<Update> restockUpdates(TenantId tenant, List<OrderLine> lines) {
        Map<ProductId, Map<String, Integer>> byProduct = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            byProduct
                    .computeIfAbsent(line.productId(), id -> new LinkedHashMap<>())
                    .merge(line.variantId().value(), line.quantity(), Integer::sum);
        }
        List<Update> updates = new ArrayList<>();
        for (Map.Entry<ProductId, Map<String, Integer>> product : byProduct.entrySet()) {
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                            .key(Keys.product(tenant, product.getKey()))
                            .consistentRead(true)
                            .projectionExpression("#stock")
                            .expressionAttributeNames(Map.of("#stock", "stock")))
                    .item();
            Map<String, AttributeValue> stock = item == null || !item.containsKey("stock")
                    ? Map.of()
                    : item.get("stock").m();
            List<String> sets = new ArrayList<>();
            List<String> exists = new ArrayList<>();
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            int v = 0;
            for (Map.Entry<String, Integer> variant : product.getValue().entrySet()) {
                if (!stock.containsKey(variant.getKey())) {
                    continue;
                }
                names.put("#v" + v, variant.getKey());
                values.put(":q" + v, n(variant.getValue()));
                sets.add("stock.#v" + v + " = stock.#v" + v + " + :q" + v);
                exists.add("attribute_exists(stock.#v" + v + ")");
                v++;
            }
            if (!sets.isEmpty()) {
                updates.add(Update.builder()
                        .tableName(table)
                        .key(Keys.product(tenant, product.getKey()))
                        .updateExpression("SET " + String.join(", ", sets))
                        .conditionExpression("attribute_exists(pk) AND " + String.join(" AND ", exists))
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build());
            }
        }
        return updates;
    }

    @Override
    public boolean recordOnce(
            TenantId tenant,
            String provider,
            ProviderEvent event,
            String outcome,
            Order changed,
            int expectedVersion,
            boolean restock) {
        Items record = Items.item(Keys.paymentEvent(tenant, provider, event.id()))
                .with("provider", provider)
                .with("eventId", event.id())
                .with("type", event.type().name())
                .with("orderCode", event.orderCode())
                .with("outcome", outcome)
                .with("receivedAt", Instant.now().toString());
        if (event.amount() != null) {
            record.with("amountMinor", event.amount().minor())
                    .with("currency", event.amount().currency());
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(record.build())
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build());
        if (changed != null) {
            writes.add(TransactWriteItem.builder()
                    .put(orderPut(tenant, changed, expectedVersion))
                    .build());
            if (restock) {
                // the unpaid order's reservation goes back in the same transaction as its cancellation
                for (Update update : restockUpdates(tenant, changed.lines())) {
                    writes.add(TransactWriteItem.builder().update(update).build());
                }
            }
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (Cancellations.failed(e.cancellationReasons(), 0, Cancellations.CONDITION_FAILED)) {
                return false;
            }
            if (changed != null
                    && (Cancellations.failed(e.cancellationReasons(), 1, Cancellations.CONDITION_FAILED)
                            || Cancellations.anyFailed(e.cancellationReasons(), Cancellations.CONFLICT)
                            || (restock
                                    && Cancellations.anyFailed(
                                            e.cancellationReasons(), Cancellations.CONDITION_FAILED)))) {
                // a product or variant went away meanwhile: the caller reads everything again
                throw new OrderChangedException();
            }
            throw e;
        }
    }
}
