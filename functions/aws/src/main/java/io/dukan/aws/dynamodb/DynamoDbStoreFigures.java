package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.insight.StoreFigures;
import io.dukan.core.insight.StoreFiguresRepository;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The owner's dashboard from the store's aggregates (see {@link InsightAggregator}): one BatchGetItem (OPEN: orders
 * to ship, unpaid; LOWSTOCK: the store's one low-stock threshold), one Query of at most 31 day items, and one Query
 * of at most {@link StoreFigures#LOW_STOCK_SHOWN} + 1 low-stock items (their sort keys begin with the stock, so the
 * key range itself stops at the threshold), whatever the number of orders and products.
 */
@Singleton
final class DynamoDbStoreFigures implements StoreFiguresRepository {

    static final int TOP = 5;

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbStoreFigures(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public StoreFigures figures(TenantId tenant, String currency, LocalDate today) {
        String pk = Keys.insight(tenant);
        Map<String, AttributeValue> openKey = Keys.key(pk, "OPEN");
        Map<String, AttributeValue> lowKey = DynamoDbLowStockMarks.key(tenant);
        Map<String, AttributeValue> openItem = Map.of();
        Map<String, AttributeValue> lowItem = Map.of();
        Map<String, KeysAndAttributes> request = Map.of(
                table,
                KeysAndAttributes.builder()
                        .keys(openKey, lowKey)
                        .projectionExpression(
                                "sk, toShip, unpaidCod, unpaidCodMinor, unpaidBank, unpaidBankMinor, " + "threshold")
                        .build());
        for (int round = 0; !request.isEmpty() && round < 10; round++) {
            Map<String, KeysAndAttributes> asked = request;
            BatchGetItemResponse got = dynamo.batchGetItem(b -> b.requestItems(asked));
            for (Map<String, AttributeValue> item : got.responses().getOrDefault(table, List.of())) {
                if ("OPEN".equals(item.get("sk").s())) {
                    openItem = item;
                } else {
                    lowItem = item;
                }
            }
            request = got.unprocessedKeys();
        }
        Items open = Items.of(openItem);
        int threshold = DynamoDbLowStockMarks.threshold(lowItem);

        List<Map<String, AttributeValue>> days = queryAll(
                "pk = :pk AND sk BETWEEN :from AND :to",
                Map.of(
                        ":pk", s(pk),
                        ":from", s("DAY#" + today.minusDays(29)),
                        ":to", s("DAY#" + today)),
                null);
        long[] orders = new long[3];
        long[] sales = new long[3];
        Map<String, long[]> products = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Map<String, AttributeValue> item : days) {
            LocalDate day = LocalDate.parse(item.get("sk").s().substring("DAY#".length()));
            Items i = Items.of(item);
            int[] windows = day.equals(today)
                    ? new int[] {0, 1, 2}
                    : day.isAfter(today.minusDays(7)) ? new int[] {1, 2} : new int[] {2};
            for (int w : windows) {
                orders[w] += i.n("orders");
                sales[w] += i.n("sales");
            }
            item.forEach((name, value) -> {
                if (name.startsWith("q#")) {
                    products.computeIfAbsent(name.substring(2), k -> new long[2])[0] += Long.parseLong(value.n());
                } else if (name.startsWith("s#")) {
                    products.computeIfAbsent(name.substring(2), k -> new long[2])[1] += Long.parseLong(value.n());
                } else if (name.startsWith("n#")) {
                    names.put(name.substring(2), value.s());
                }
            });
        }
        List<StoreFigures.TopProduct> top = products.entrySet().stream()
                .filter(e -> e.getValue()[0] > 0)
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                        .thenComparingLong(e -> -e.getValue()[1])
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP)
                .map(e -> new StoreFigures.TopProduct(
                        e.getKey(),
                        names.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue()[0],
                        new Money(e.getValue()[1], currency)))
                .toList();

        List<Map<String, AttributeValue>> lowItems = dynamo.query(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(
                                ":pk", s(pk),
                                ":from", s(InsightAggregator.LOW_PREFIX + InsightAggregator.stockKey(0) + "#"),
                                ":to", s(InsightAggregator.LOW_PREFIX + InsightAggregator.stockKey(threshold) + "#~")))
                        .limit(StoreFigures.LOW_STOCK_SHOWN + 1))
                .items();
        List<StoreFigures.LowStock> low = lowItems.stream()
                .limit(StoreFigures.LOW_STOCK_SHOWN)
                .map(Items::of)
                .map(i -> new StoreFigures.LowStock(
                        i.s("productId"), i.s("variantId"), i.s("name"), i.s("variantTitle"), i.n("stock")))
                .sorted(Comparator.comparingLong(StoreFigures.LowStock::stock)
                        .thenComparing(StoreFigures.LowStock::productName))
                .toList();

        return new StoreFigures(
                new StoreFigures.Window(orders[0], new Money(sales[0], currency)),
                new StoreFigures.Window(orders[1], new Money(sales[1], currency)),
                new StoreFigures.Window(orders[2], new Money(sales[2], currency)),
                open.n("toShip"),
                new StoreFigures.Unpaid(open.n("unpaidCod"), new Money(open.n("unpaidCodMinor"), currency)),
                new StoreFigures.Unpaid(open.n("unpaidBank"), new Money(open.n("unpaidBankMinor"), currency)),
                top,
                low,
                lowItems.size() > StoreFigures.LOW_STOCK_SHOWN,
                threshold);
    }

    private List<Map<String, AttributeValue>> queryAll(
            String condition, Map<String, AttributeValue> values, String filter) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(r -> {
                r.tableName(table).keyConditionExpression(condition).expressionAttributeValues(values);
                if (filter != null) {
                    r.filterExpression(filter);
                }
                if (from != null) {
                    r.exclusiveStartKey(from);
                }
            });
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }
}
