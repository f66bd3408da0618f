package io.dukan.bench;

import io.dukan.core.shared.Ids;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB Local straight through the SDK, with the client the functions use (URL-connection): the floors of the
 * page and order figures (the exact requests a page or an order needs), and seeding products in bulk.
 *
 * <p>Keys and attributes mirror io.dukan.aws.dynamodb.Keys, DynamoDbProducts and DynamoDbOrders (package-private
 * there, so written out here); if those layouts change, change these with them.
 */
final class RawDynamo implements AutoCloseable {

    /** The tenant whose keys the order floor writes: not a store, never read by a function. */
    static final String FLOOR_TENANT = "benchfloor";

    private static final int BATCH = 25;
    private static final int MAX_ORDER_ATTEMPTS = 25;

    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private final DynamoDbClient dynamo;
    private final String table;

    RawDynamo(String endpoint, String region, String credential, String table) {
        this.dynamo = DynamoDbClient.builder()
                .httpClient(http)
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(credential, credential)))
                .build();
        this.table = table;
    }

    // --- the page floors: what the home page and a product page ask DynamoDB when warm ------------------------

    /**
     * The home page's product listing (DynamoDbProducts.listActive): one Query of the store's active-products index
     * partition for a page of ids (newest first), then one BatchGetItem for those products. Answers how many
     * products the page got.
     */
    int queryHome(String tenantId, int pageSize) {
        List<Map<String, AttributeValue>> ids = dynamo.query(r -> r.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(tenantId + "#PSTATUS#ACTIVE")))
                        .projectionExpression("sk")
                        .scanIndexForward(false)
                        .limit(pageSize))
                .items();
        if (ids.isEmpty()) {
            return 0;
        }
        Map<String, KeysAndAttributes> request = Map.of(
                table,
                KeysAndAttributes.builder()
                        .consistentRead(true)
                        .keys(ids.stream()
                                .map(i -> productKey(tenantId, i.get("sk").s()))
                                .toList())
                        .build());
        int found = 0;
        for (int attempt = 0; !request.isEmpty() && attempt < 8; attempt++) {
            Map<String, KeysAndAttributes> pending = request;
            BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(pending));
            found += response.responses().getOrDefault(table, List.of()).size();
            request = response.unprocessedKeys();
        }
        return found;
    }

    /** A product page's read (DynamoDbProducts.find). */
    boolean getProduct(String tenantId, String productId) {
        return dynamo.getItem(r ->
                        r.tableName(table).key(productKey(tenantId, productId)).consistentRead(true))
                .hasItem();
    }

    /** A product's name, read as the shop reads it (what the cold-start children must find in their answer). */
    String productName(String tenantId, String productId) {
        Map<String, AttributeValue> item = dynamo.getItem(r ->
                        r.tableName(table).key(productKey(tenantId, productId)).consistentRead(true))
                .item();
        if (item == null || !item.containsKey("name")) {
            throw new IllegalStateException("no product " + productId + " in store " + tenantId);
        }
        return item.get("name").s();
    }

    // --- the order floor: the requests one order needs, without the function around them -----------------------

    /** A floor product and its one variant (the stock map's key). */
    record FloorProduct(String productId, String variantId) {}

    /** Products of the floor tenant, laid out as the admin makes them, with a stock the windows cannot use up. */
    List<FloorProduct> createFloorProducts(int count, long stock) throws InterruptedException {
        List<FloorProduct> products = new ArrayList<>();
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = Ids.newId();
            String variant = Ids.newId();
            for (Map<String, AttributeValue> item :
                    productItems(FLOOR_TENANT, id, variant, "Floor product " + i, 1250, "PKR", stock)) {
                batch.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build());
                if (batch.size() == BATCH) {
                    writeBatch(batch);
                    batch = new ArrayList<>();
                }
            }
            products.add(new FloorProduct(id, variant));
        }
        if (!batch.isEmpty()) {
            writeBatch(batch);
        }
        return products;
    }

    /**
     * What placing a checkout asks of DynamoDB at the least (CheckoutService.placeCart, DynamoDbOrders.place with
     * the checkout's idempotency): the checkout pointer read (not placed yet), the product read (pricing), the
     * counter read, and one TransactWriteItems moving the counter, putting the order, its code pointer and the
     * checkout pointer, and taking the variant's stock ({@code stock.#v}, conditional as DynamoDbOrders.stockUpdate);
     * a counter race is retried as there. Leaves out the cart, settings and shipping reads and the cart's clearing.
     */
    boolean placeFloorOrder(FloorProduct product) throws InterruptedException {
        String t = FLOOR_TENANT;
        String checkoutToken = Ids.newSecret();
        Map<String, AttributeValue> checkoutKey = key(t + "#CHECKOUT#" + checkoutToken, "CHECKOUT");
        dynamo.getItem(r -> r.tableName(table).key(checkoutKey).consistentRead(true));
        dynamo.getItem(
                r -> r.tableName(table).key(productKey(t, product.productId())).consistentRead(true));
        for (int attempt = 1; attempt <= MAX_ORDER_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> counter = dynamo.getItem(r -> r.tableName(table)
                            .key(key(t + "#STORE", "ORDER_COUNTER"))
                            .consistentRead(true))
                    .item();
            long last = counter == null || !counter.containsKey("lastNumber")
                    ? 1000
                    : Long.parseLong(counter.get("lastNumber").n());
            long next = last + 1;
            String code = Ids.newSecret();
            Instant now = Instant.now();
            Update.Builder counterUpdate = Update.builder()
                    .tableName(table)
                    .key(key(t + "#STORE", "ORDER_COUNTER"))
                    .updateExpression("SET lastNumber = :next");
            if (counter == null || !counter.containsKey("lastNumber")) {
                counterUpdate
                        .conditionExpression("attribute_not_exists(lastNumber)")
                        .expressionAttributeValues(Map.of(":next", n(next)));
            } else {
                counterUpdate
                        .conditionExpression("lastNumber = :last")
                        .expressionAttributeValues(Map.of(":next", n(next), ":last", n(last)));
            }
            Map<String, AttributeValue> order = new HashMap<>(key(t + "#ORDERS", String.format("ORDER#%012d", next)));
            order.put("number", n(next));
            order.put("code", s(code));
            order.put(
                    "lines",
                    AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                            "productId",
                            s(product.productId()),
                            "variantId",
                            s(product.variantId()),
                            "sku",
                            s(""),
                            "name",
                            s("Floor product"),
                            "variantTitle",
                            s(""),
                            "unitPriceMinor",
                            n(1250),
                            "quantity",
                            n(1))))));
            order.put("subtotalMinor", n(1250));
            order.put("shippingMinor", n(0));
            order.put("totalMinor", n(1250));
            order.put("currency", s("PKR"));
            order.put("customerName", s("Bench Shopper"));
            order.put("phone", s("+92 300 0000000"));
            order.put("email", s(""));
            order.put(
                    "address",
                    AttributeValue.fromM(Map.of(
                            "line1",
                            s("1 Benchmark Road"),
                            "line2",
                            s(""),
                            "city",
                            s("Sialkot"),
                            "region",
                            s(""),
                            "postcode",
                            s(""),
                            "country",
                            s("PK"))));
            order.put("shippingMethod", s(""));
            order.put("notes", s(""));
            order.put("paymentMethod", s("CASH_ON_DELIVERY"));
            order.put("paymentStatus", s("PENDING"));
            order.put("fulfilmentStatus", s("UNFULFILLED"));
            order.put("trackingNumber", s(""));
            order.put(
                    "history",
                    AttributeValue.fromL(List.of(AttributeValue.fromM(
                            Map.of("at", s(now.toString()), "actor", s("shopper"), "what", s("placed the order"))))));
            order.put("placedAt", s(now.toString()));
            order.put("version", n(1));
            Map<String, AttributeValue> codePointer = new HashMap<>(key(t + "#ORDERCODE#" + code, "ORDERCODE"));
            codePointer.put("number", n(next));
            Map<String, AttributeValue> checkout = new HashMap<>(checkoutKey);
            checkout.put("code", s(code));
            checkout.put("fingerprint", s(checkoutToken));
            checkout.put("expiresAt", n(now.plusSeconds(7 * 24 * 3600).getEpochSecond()));
            Update stock = Update.builder()
                    .tableName(table)
                    .key(productKey(t, product.productId()))
                    .updateExpression("SET stock.#v0 = stock.#v0 - :q0")
                    .conditionExpression("attribute_exists(pk) AND #status = :active AND (sellWhenSoldOut = :true OR ("
                            + "stock.#v0 >= :q0))")
                    .expressionAttributeNames(Map.of("#v0", product.variantId(), "#status", "status"))
                    .expressionAttributeValues(
                            Map.of(":q0", n(1), ":active", s("ACTIVE"), ":true", AttributeValue.fromBool(true)))
                    .build();
            try {
                dynamo.transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder()
                                .update(counterUpdate.build())
                                .build(),
                        TransactWriteItem.builder()
                                .put(Put.builder()
                                        .tableName(table)
                                        .item(order)
                                        .conditionExpression("attribute_not_exists(pk)")
                                        .build())
                                .build(),
                        TransactWriteItem.builder()
                                .put(Put.builder()
                                        .tableName(table)
                                        .item(codePointer)
                                        .conditionExpression("attribute_not_exists(pk)")
                                        .build())
                                .build(),
                        TransactWriteItem.builder()
                                .put(Put.builder()
                                        .tableName(table)
                                        .item(checkout)
                                        .conditionExpression("attribute_not_exists(pk)")
                                        .build())
                                .build(),
                        TransactWriteItem.builder().update(stock).build()));
                return true;
            } catch (TransactionCanceledException race) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(2, 10L + 5L * attempt)); // as DynamoDbOrders
            }
        }
        return false;
    }

    // --- seeding -----------------------------------------------------------------------------------------------

    /**
     * Puts {@code count} active products in a store's catalogue by BatchWriteItem, laid out as DynamoDbProducts.addAll
     * writes an import: the product items and their index entries (active status, title words).
     */
    void seedProducts(String tenantId, String currency, int count) throws InterruptedException {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (Map<String, AttributeValue> item : productItems(
                    tenantId,
                    Ids.newId(),
                    Ids.newId(),
                    String.format("Bench product %02d", i + 1),
                    500 + i % 1000,
                    currency,
                    1_000)) {
                batch.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build());
                if (batch.size() == BATCH) {
                    writeBatch(batch);
                    batch = new ArrayList<>();
                }
            }
        }
        if (!batch.isEmpty()) {
            writeBatch(batch);
        }
    }

    private void writeBatch(List<WriteRequest> batch) throws InterruptedException {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 0; attempt < 20 && !pending.isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            if (!pending.isEmpty()) {
                Thread.sleep(10L * (attempt + 1));
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("DynamoDB Local left items unprocessed after 20 attempts");
        }
    }

    /**
     * A simple product (one variant, no options, no SKU) as DynamoDbProducts.toItem lays it out, and the index
     * entries DynamoDbProducts.indexPartitions lists it under: {t}#PSTATUS#ACTIVE and {t}#PWORD#{word} per title word.
     */
    private static List<Map<String, AttributeValue>> productItems(
            String tenantId, String id, String variantId, String name, long priceMinor, String currency, long stock) {
        String now = Instant.now().toString();
        List<String> words = List.of(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(w -> !w.isEmpty())
                .distinct()
                .toList();
        Map<String, AttributeValue> item = new HashMap<>(productKey(tenantId, id));
        item.put("productId", s(id));
        item.put("name", s(name));
        item.put("description", s("Made for the benchmark.")); // as the admin-made ones
        item.put("status", s("ACTIVE"));
        item.put("currency", s(currency));
        item.put("options", AttributeValue.fromL(List.of()));
        item.put(
                "variants",
                AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                        "id",
                        s(variantId),
                        "sku",
                        s(""),
                        "optionValues",
                        AttributeValue.fromL(List.of()),
                        "priceMinor",
                        n(priceMinor),
                        "weightGrams",
                        n(0))))));
        item.put("stock", AttributeValue.fromM(Map.of(variantId, n(stock))));
        item.put("images", AttributeValue.fromL(List.of()));
        item.put("collections", AttributeValue.fromL(List.of()));
        item.put("tags", AttributeValue.fromL(List.of()));
        item.put("words", AttributeValue.fromL(words.stream().map(RawDynamo::s).toList()));
        item.put("hsCode", s(""));
        item.put("originCountry", s(""));
        item.put("sellWhenSoldOut", AttributeValue.fromBool(false));
        item.put("createdAt", s(now));
        item.put("updatedAt", s(now));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.add(item);
        items.add(key(tenantId + "#PSTATUS#ACTIVE", id));
        words.forEach(w -> items.add(key(tenantId + "#PWORD#" + w, id)));
        return items;
    }

    static Map<String, AttributeValue> productKey(String tenantId, String productId) {
        return key(tenantId + "#CATALOG", "PRODUCT#" + productId);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    @Override
    public void close() {
        dynamo.close();
        http.close();
    }
}
