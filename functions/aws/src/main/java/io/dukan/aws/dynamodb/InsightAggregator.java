package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.n;
import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.aws.dynamodb.OrderContribution.ProductFacts;
import io.dukan.aws.dynamodb.OrderContribution.StoreFacts;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.Variant;
import io.dukan.core.insight.StoreFigures;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderLine;
import io.dukan.core.tenant.TenantId;
import io.dukan.web.i18n.Zones;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Keeps the aggregates as the table changes: the insight function hands it each stream record (order items,
 * product items, store records), at least once and in order per item.
 *
 * <p><b>Orders, exactly once.</b> Each order has an "applied" item in its store's INSIGHT partition
 * ({@code APPLIED#ORDER#…}) holding the order version last applied and the counters that version contributed. A
 * record is applied in one TransactWriteItems: that item is put on condition that it still holds the version read
 * (or does not exist), together with ADD updates of the difference between the new contribution and the one
 * applied before. A redelivered record (batch retry, replay) finds its version, or a later one, already applied
 * and changes nothing; two deliveries racing fail the condition, and the loser re-reads and finds it done.
 *
 * <p><b>Stores.</b> A store's first order of a UTC day moves it between the platform's "last order on day D"
 * counters (active stores = the sum over the last 30 days); its first order of a month counts it active in its
 * cohort's row. The store's ACTIVITY item (last day, active months, a sequence number checked in the same
 * transaction) makes both happen once. A store record becoming ACTIVE counts one new store in its ISO week and
 * one in its cohort, once (a marker put on condition it is new).
 *
 * <p><b>Low stock.</b> Product records keep one LOWQ# item per variant whose stock is at most {@link
 * StoreFigures#MAX_LOW_STOCK} (active products that stop selling when sold out), its sort key beginning with the
 * stock ({@code LOWQ#004#product#variant}), so that the dashboard reads the variants at or below the store's
 * threshold as one key range, lowest first, with a limit. A stock change moves the item (delete the old key, put
 * the new). Those writes are absolute (the record's images), so replaying them is harmless.
 *
 * <p><b>Low-stock alerts re-armed.</b> When a product record raises a variant's stock above the store's threshold
 * (the editor, the JSON API, a cancelled or expired order's restock: every path writes the product item), the
 * variant's mark in the LOWSTOCK item ({@link DynamoDbLowStockMarks}) is taken off, so its next crossing is e-mailed
 * again. Only records that raise some stock read that item.
 *
 * <p>Deleted orders and products (offboarding) take nothing out: past figures stay, and they hold no personal data.
 */
@Singleton
public final class InsightAggregator {

    /** One change of one item, as a stream record carries it (images null when absent). */
    public record Change(
            String eventName,
            Map<String, AttributeValue> keys,
            Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage) {}

    static final int MAX_ATTEMPTS = 12;
    static final String LOW_PREFIX = "LOWQ#";
    static final String UNKNOWN_MONTH = "unknown";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Map<TenantId, StoreFacts> stores = new ConcurrentHashMap<>();

    InsightAggregator(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    /** Applies one change; throws when it could not (the caller reports the record, and Lambda retries it). */
    public void apply(Change change) {
        Map<String, AttributeValue> keys = change.keys();
        String pk = keys.get(Keys.PK).s();
        String sk = keys.get(Keys.SK).s();
        if (pk.endsWith("#ORDERS") && sk.startsWith("ORDER#") && change.newImage() != null) {
            applyOrder(tenantOf(pk), sk, DynamoDbOrders.toOrder(Items.of(change.newImage())));
        } else if (pk.endsWith("#CATALOG") && sk.startsWith("PRODUCT#")) {
            applyProduct(tenantOf(pk), change.oldImage(), change.newImage());
        } else if (pk.startsWith("PLATFORM#STORE#") && change.newImage() != null) {
            applyStore(change.oldImage(), change.newImage());
        }
    }

    private static TenantId tenantOf(String pk) {
        return new TenantId(pk.substring(0, pk.indexOf('#')));
    }

    // Orders

    private void applyOrder(TenantId tenant, String orderSort, Order order) {
        Map<String, AttributeValue> markerKey = Keys.key(Keys.insight(tenant), "APPLIED#" + orderSort);
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> marker = dynamo.getItem(
                            r -> r.tableName(table).key(markerKey).consistentRead(true))
                    .item();
            boolean first = marker == null || marker.isEmpty();
            long appliedVersion =
                    first ? 0 : Long.parseLong(marker.get("version").n());
            if (appliedVersion >= order.version()) {
                return; // a redelivery, or an older version after a newer one: already in the figures
            }
            StoreFacts store = storeFacts(tenant);
            Map<String, ProductFacts> products = first ? productFacts(tenant, order) : readFacts(marker);
            OrderContribution before = first ? OrderContribution.of(Map.of()) : readCounters(marker);
            OrderContribution now = OrderContribution.of(tenant, order, store, products);
            OrderContribution delta = now.minus(before);

            List<TransactWriteItem> writes = new ArrayList<>();
            Put.Builder put = Put.builder()
                    .tableName(table)
                    .item(Items.item(markerKey)
                            .with("version", order.version())
                            .with("counters", counters(now))
                            .with("facts", facts(products))
                            .build());
            if (first) {
                put.conditionExpression("attribute_not_exists(pk)");
            } else {
                put.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(appliedVersion)));
            }
            writes.add(TransactWriteItem.builder().put(put.build()).build());
            Map<String, Map<String, Long>> adds = new LinkedHashMap<>(delta.counters());
            Map<String, Map<String, AttributeValue>> sets = new HashMap<>();
            String day = OrderContribution.dayKey(tenant, OrderContribution.storeDay(order, store));
            if (adds.containsKey(day)) {
                Map<String, AttributeValue> names = new HashMap<>();
                names.put("currency", s(order.total().currency()));
                for (OrderLine line : order.lines()) {
                    names.put("n#" + line.productId().value(), s(line.productName()));
                }
                sets.put(day, names);
            }
            if (first) {
                activity(tenant, order, store, adds, writes);
            }
            adds.forEach((key, attrs) -> writes.add(TransactWriteItem.builder()
                    .update(update(key, attrs, sets.getOrDefault(key, Map.of())))
                    .build()));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                boolean raced = Cancellations.anyFailed(reasons, Cancellations.CONDITION_FAILED)
                        || Cancellations.anyFailed(reasons, Cancellations.CONFLICT);
                if (!raced || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /**
     * The store's first order of a UTC day or month: moves the store's "last order day" between the platform's
     * day counters, and counts it active in its cohort for the month. Adds the ACTIVITY item's conditional update.
     */
    private void activity(
            TenantId tenant,
            Order order,
            StoreFacts store,
            Map<String, Map<String, Long>> adds,
            List<TransactWriteItem> writes) {
        Map<String, AttributeValue> key = Keys.key(Keys.insight(tenant), "ACTIVITY");
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(key).consistentRead(true))
                .item();
        Items activity = Items.of(item == null ? Map.of() : item);
        long seq = activity.n("seq");
        String lastDay = activity.s("lastDay");
        Set<String> months = new HashSet<>();
        if (activity.raw("months") != null) {
            months.addAll(activity.raw("months").ss());
        }
        String day = order.placedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        String month = day.substring(0, 7);
        boolean laterDay = lastDay == null || day.compareTo(lastDay) > 0;
        boolean newMonth = !months.contains(month);
        if (!laterDay && !newMonth) {
            return;
        }
        String stores = OrderContribution.key(Keys.platformInsight(Keys.platformShard(tenant)), "STORES");
        Map<String, Long> counts = adds.computeIfAbsent(stores, k -> new HashMap<>());
        List<String> sets = new ArrayList<>(List.of("seq = :next"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":next", n(seq + 1));
        if (laterDay) {
            counts.merge("d#" + day, 1L, Long::sum);
            if (lastDay != null) {
                counts.merge("d#" + lastDay, -1L, Long::sum);
            }
            sets.add("lastDay = :day");
            values.put(":day", s(day));
        }
        String add = "";
        if (newMonth) {
            counts.merge("r#" + store.cohortMonth() + "#" + month, 1L, Long::sum);
            add = " ADD months :month";
            values.put(":month", AttributeValue.fromSs(List.of(month)));
        }
        Update.Builder update =
                Update.builder().tableName(table).key(key).updateExpression("SET " + String.join(", ", sets) + add);
        if (item == null || item.isEmpty()) {
            update.conditionExpression("attribute_not_exists(pk)");
        } else {
            update.conditionExpression("seq = :seq");
            values.put(":seq", n(seq));
        }
        writes.add(TransactWriteItem.builder()
                .update(update.expressionAttributeValues(values).build())
                .build());
    }

    private Update update(String key, Map<String, Long> adds, Map<String, AttributeValue> sets) {
        int sep = key.indexOf(OrderContribution.SEPARATOR);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> addParts = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> e : adds.entrySet()) {
            names.put("#a" + i, e.getKey());
            values.put(":a" + i, n(e.getValue()));
            addParts.add("#a" + i + " :a" + i);
            i++;
        }
        List<String> setParts = new ArrayList<>();
        int j = 0;
        for (Map.Entry<String, AttributeValue> e : sets.entrySet()) {
            names.put("#s" + j, e.getKey());
            values.put(":s" + j, e.getValue());
            setParts.add("#s" + j + " = :s" + j);
            j++;
        }
        String expression = (setParts.isEmpty() ? "" : "SET " + String.join(", ", setParts) + " ")
                + (addParts.isEmpty() ? "" : "ADD " + String.join(", ", addParts));
        return Update.builder()
                .tableName(table)
                .key(Keys.key(key.substring(0, sep), key.substring(sep + 1)))
                .updateExpression(expression.strip())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /** The store's country (its zone) and its cohort month, from its platform record; kept per instance. */
    private StoreFacts storeFacts(TenantId tenant) {
        return stores.computeIfAbsent(tenant, t -> {
            Items record = Items.of(orEmpty(
                    dynamo.getItem(r -> r.tableName(table).key(Keys.store(t)).consistentRead(true))
                            .item()));
            String country = record.s("country");
            if (country == null) {
                country = Items.of(orEmpty(dynamo.getItem(r ->
                                        r.tableName(table).key(Keys.settings(t)).consistentRead(true))
                                .item()))
                        .s("country");
            }
            String created = record.s("createdAt");
            String cohort = created == null ? UNKNOWN_MONTH : created.substring(0, 7);
            String c = country == null ? "" : country;
            return new StoreFacts(c, Zones.forCountry(c), cohort);
        });
    }

    /** The HS code and origin of the order's products, read once when the order is first counted. */
    private Map<String, ProductFacts> productFacts(TenantId tenant, Order order) {
        Map<String, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            keys.put(line.productId().value(), Keys.product(tenant, line.productId()));
        }
        Map<String, ProductFacts> facts = new HashMap<>();
        List<Map<String, AttributeValue>> pending = new ArrayList<>(keys.values());
        for (int start = 0; start < pending.size(); start += 100) {
            List<Map<String, AttributeValue>> chunk = pending.subList(start, Math.min(pending.size(), start + 100));
            Map<String, KeysAndAttributes> request = Map.of(
                    table,
                    KeysAndAttributes.builder()
                            .keys(chunk)
                            .projectionExpression("productId, hsCode, originCountry")
                            .build());
            for (int round = 0; !request.isEmpty() && round < MAX_ATTEMPTS; round++) {
                Map<String, KeysAndAttributes> asked = request;
                var response = dynamo.batchGetItem(b -> b.requestItems(asked));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    Items i = Items.of(item);
                    facts.put(
                            i.s("productId"), new ProductFacts(orEmpty(i.s("hsCode")), orEmpty(i.s("originCountry"))));
                }
                request = response.unprocessedKeys();
            }
        }
        return facts;
    }

    private static AttributeValue counters(OrderContribution c) {
        Map<String, AttributeValue> m = new HashMap<>();
        c.counters().forEach((key, attrs) -> {
            Map<String, AttributeValue> a = new HashMap<>();
            attrs.forEach((name, v) -> a.put(name, n(v)));
            m.put(key, AttributeValue.fromM(a));
        });
        return AttributeValue.fromM(m);
    }

    private static OrderContribution readCounters(Map<String, AttributeValue> marker) {
        Map<String, Map<String, Long>> counters = new HashMap<>();
        marker.get("counters").m().forEach((key, attrs) -> {
            Map<String, Long> a = new HashMap<>();
            attrs.m().forEach((name, v) -> a.put(name, Long.parseLong(v.n())));
            counters.put(key, a);
        });
        return OrderContribution.of(counters);
    }

    private static AttributeValue facts(Map<String, ProductFacts> facts) {
        Map<String, AttributeValue> m = new HashMap<>();
        facts.forEach((id, f) -> m.put(id, AttributeValue.fromM(Map.of("hs", s(f.hsCode()), "origin", s(f.origin())))));
        return AttributeValue.fromM(m);
    }

    private static Map<String, ProductFacts> readFacts(Map<String, AttributeValue> marker) {
        Map<String, ProductFacts> facts = new HashMap<>();
        AttributeValue stored = marker.get("facts");
        if (stored != null && stored.hasM()) {
            stored.m()
                    .forEach((id, f) -> facts.put(
                            id,
                            new ProductFacts(
                                    f.m().get("hs").s(), f.m().get("origin").s())));
        }
        return facts;
    }

    // Products: low stock

    private void applyProduct(
            TenantId tenant, Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        Map<String, Long> before = lowVariants(oldImage);
        Map<String, Long> after = lowVariants(newImage);
        Product product = newImage == null ? null : DynamoDbProducts.toProduct(Items.of(newImage));
        String productId =
                product != null ? product.id().value() : Items.of(oldImage).s("productId");
        for (Map.Entry<String, Long> was : before.entrySet()) {
            if (!was.getValue().equals(after.get(was.getKey()))) {
                dynamo.deleteItem(r -> r.tableName(table).key(lowKey(tenant, productId, was.getKey(), was.getValue())));
            }
        }
        if (product == null) {
            return;
        }
        for (Variant v : product.variants()) {
            Long stock = after.get(v.id().value());
            if (stock != null && !stock.equals(before.get(v.id().value()))) {
                dynamo.putItem(r -> r.tableName(table)
                        .item(Items.item(lowKey(tenant, productId, v.id().value(), stock))
                                .with("productId", productId)
                                .with("variantId", v.id().value())
                                .with("name", product.name())
                                .with("variantTitle", String.join(" / ", v.optionValues()))
                                .with("stock", stock)
                                .build()));
            }
        }
        rearm(tenant, oldImage, product);
    }

    /** Takes the low-stock mark off the variants whose stock this change raised above the store's threshold. */
    private void rearm(TenantId tenant, Map<String, AttributeValue> oldImage, Product product) {
        if (oldImage == null || oldImage.isEmpty()) {
            return; // a new product: none of its variants can have been reported
        }
        Map<String, Integer> was = new HashMap<>();
        DynamoDbProducts.toProduct(Items.of(oldImage)).variants().forEach(v -> was.put(v.id().value(), v.stock()));
        Map<String, Integer> raised = new HashMap<>();
        for (Variant v : product.variants()) {
            Integer old = was.get(v.id().value());
            if (old != null && v.stock() > old) {
                raised.put(v.id().value(), v.stock());
            }
        }
        if (raised.isEmpty()) {
            return; // an order took stock, or nothing about stock changed: no read
        }
        Map<String, AttributeValue> key = DynamoDbLowStockMarks.key(tenant);
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(key).consistentRead(true).projectionExpression("threshold, marked"))
                .item();
        if (item == null
                || item.isEmpty()
                || item.get("marked") == null
                || !item.get("marked").hasSs()) {
            return;
        }
        int threshold = DynamoDbLowStockMarks.threshold(item);
        Set<String> marked = new HashSet<>(item.get("marked").ss());
        List<String> restocked = raised.entrySet().stream()
                .filter(e -> e.getValue() > threshold && marked.contains(e.getKey()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (!restocked.isEmpty()) {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(key)
                    .updateExpression("DELETE marked :set")
                    .expressionAttributeValues(Map.of(":set", AttributeValue.fromSs(restocked))));
        }
    }

    /** The zero-padded stock that begins a low-stock item's sort key (so the keys sort by stock). */
    static String stockKey(long stock) {
        return String.format("%03d", Math.max(0, Math.min(stock, StoreFigures.MAX_LOW_STOCK)));
    }

    private static Map<String, AttributeValue> lowKey(TenantId tenant, String productId, String variantId, long stock) {
        return Keys.key(Keys.insight(tenant), LOW_PREFIX + stockKey(stock) + "#" + productId + "#" + variantId);
    }

    /** Variant id → stock for the variants of an image that count as (possibly) low. */
    private static Map<String, Long> lowVariants(Map<String, AttributeValue> image) {
        Map<String, Long> low = new HashMap<>();
        if (image == null || image.isEmpty()) {
            return low;
        }
        Product p = DynamoDbProducts.toProduct(Items.of(image));
        if (p.status() != ProductStatus.ACTIVE || p.sellWhenSoldOut()) {
            return low;
        }
        for (Variant v : p.variants()) {
            if (v.stock() <= StoreFigures.MAX_LOW_STOCK) {
                low.put(v.id().value(), (long) v.stock());
            }
        }
        return low;
    }

    // Store records: new stores per week and cohort sizes

    private void applyStore(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        Items now = Items.of(newImage);
        boolean active = "ACTIVE".equals(now.s("status"));
        boolean wasActive =
                oldImage != null && "ACTIVE".equals(Items.of(oldImage).s("status"));
        if (!active || wasActive || now.s("tenantId") == null || now.s("createdAt") == null) {
            return;
        }
        TenantId tenant = new TenantId(now.s("tenantId"));
        LocalDate created =
                Instant.parse(now.s("createdAt")).atZone(ZoneOffset.UTC).toLocalDate();
        String week = created.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", created.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        Map<String, Long> counts = new HashMap<>();
        counts.put("w#" + week, 1L);
        counts.put("size#" + created.toString().substring(0, 7), 1L);
        String stores = OrderContribution.key(Keys.platformInsight(Keys.platformShard(tenant)), "STORES");
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(table)
                                .item(Items.item(Keys.newStoreMark(tenant))
                                        .with("week", week)
                                        .build())
                                .conditionExpression("attribute_not_exists(pk)")
                                .build())
                        .build(),
                TransactWriteItem.builder()
                        .update(update(stores, counts, Map.of()))
                        .build());
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(r -> r.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                if (Cancellations.failed(e.cancellationReasons(), 0, Cancellations.CONDITION_FAILED)) {
                    return; // counted before
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static Map<String, AttributeValue> orEmpty(Map<String, AttributeValue> item) {
        return item == null ? Map.of() : item;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L + 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while updating aggregates", e);
        }
    }
}
