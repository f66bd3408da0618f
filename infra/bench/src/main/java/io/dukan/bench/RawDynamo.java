package io.dukan.bench;

import io.dukan.core.shared.Ids;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
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
        this.dynamo = DynamoDbClient.builder().httpClient(http).endpointOverride(URI.create(endpoint))
                .region(Region.of(region)).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(credential, credential))).build();
        this.table = table;
    }

    // --- the page floors: what the home page and a product page ask DynamoDB when warm ------------------------

    /** The home page's product listing (DynamoDbProducts.list): newest first, one page. */
    int queryHome(String tenantId, int pageSize) {
        return dynamo.query(r -> r.tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(tenantId + "#CATALOG"), ":prefix", s("PRODUCT#")))
                .scanIndexForward(false)
                .limit(pageSize)).count();
    }

    /** A product page's read (DynamoDbProducts.find). */
    boolean getProduct(String tenantId, String productId) {
        return dynamo.getItem(r -> r.tableName(table).key(productKey(tenantId, productId)).consistentRead(true))
                .hasItem();
    }

    /** A product's name, read as the shop reads it (what the cold-start children must find in their answer). */
    String productName(String tenantId, String productId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(productKey(tenantId, productId))
                .consistentRead(true)).item();
        if (item == null || !item.containsKey("name")) {
            throw new IllegalStateException("no product " + productId + " in store " + tenantId);
        }
        return item.get("name").s();
    }

    // --- the order floor: the requests one order needs, without the function around them -----------------------

    /** Products of the floor tenant, with a stock that the measured windows cannot use up. */
    List<String> createFloorProducts(int count, long stock) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = Ids.newId();
            dynamo.putItem(r -> r.tableName(table).item(product(FLOOR_TENANT, id, "Floor product", 1250, "PKR",
                    stock)));
            ids.add(id);
        }
        return ids;
    }

    /**
     * What DynamoDbOrders.place asks for one order of one line: the product read, the counter read, and the
     * transaction moving the counter, putting the order and its code, taking the stock; a counter race is retried
     * as there.
     */
    boolean placeFloorOrder(String productId) throws InterruptedException {
        String t = FLOOR_TENANT;
        dynamo.getItem(r -> r.tableName(table).key(productKey(t, productId)).consistentRead(true));
        for (int attempt = 1; attempt <= MAX_ORDER_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> counter = dynamo.getItem(r -> r.tableName(table)
                    .key(key(t + "#STORE", "ORDER_COUNTER")).consistentRead(true)).item();
            long last = counter == null || !counter.containsKey("lastNumber") ? 1000
                    : Long.parseLong(counter.get("lastNumber").n());
            long next = last + 1;
            String code = Ids.newSecret();
            Update.Builder counterUpdate = Update.builder().tableName(table).key(key(t + "#STORE", "ORDER_COUNTER"))
                    .updateExpression("SET lastNumber = :next");
            if (counter == null || !counter.containsKey("lastNumber")) {
                counterUpdate.conditionExpression("attribute_not_exists(lastNumber)")
                        .expressionAttributeValues(Map.of(":next", n(next)));
            } else {
                counterUpdate.conditionExpression("lastNumber = :last")
                        .expressionAttributeValues(Map.of(":next", n(next), ":last", n(last)));
            }
            Map<String, AttributeValue> order = new HashMap<>(key(t + "#ORDERS", String.format("ORDER#%012d", next)));
            order.put("number", n(next));
            order.put("code", s(code));
            order.put("lines", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("productId", s(productId),
                    "name", s("Floor product"), "unitPriceMinor", n(1250), "quantity", n(1))))));
            order.put("totalMinor", n(1250));
            order.put("currency", s("PKR"));
            order.put("customerName", s("Bench Shopper"));
            order.put("phone", s("+92 300 0000000"));
            order.put("address", s("1 Benchmark Road, Sialkot"));
            order.put("paymentMethod", s("CASH_ON_DELIVERY"));
            order.put("placedAt", s(Instant.now().toString()));
            Map<String, AttributeValue> pointer = new HashMap<>(key(t + "#ORDERCODE#" + code, "ORDERCODE"));
            pointer.put("number", n(next));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder().update(counterUpdate.build()).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName(table).item(order)
                                .conditionExpression("attribute_not_exists(pk)").build()).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName(table).item(pointer)
                                .conditionExpression("attribute_not_exists(pk)").build()).build(),
                        TransactWriteItem.builder().update(Update.builder().tableName(table)
                                .key(productKey(t, productId)).updateExpression("SET stock = stock - :q")
                                .conditionExpression("attribute_exists(pk) AND stock >= :q")
                                .expressionAttributeValues(Map.of(":q", n(1))).build()).build()));
                return true;
            } catch (TransactionCanceledException race) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(2, 10L + 5L * attempt)); // as DynamoDbOrders
            }
        }
        return false;
    }

    // --- seeding -----------------------------------------------------------------------------------------------

    /** Puts {@code count} products in a store's catalogue by BatchWriteItem, laid out as DynamoDbProducts.add does. */
    void seedProducts(String tenantId, String currency, int count) throws InterruptedException {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = product(tenantId, Ids.newId(),
                    String.format("Bench product %02d", i + 1), 500 + i % 1000, currency, 1_000);
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == BATCH || i == count - 1) {
                writeBatch(batch);
                batch = new ArrayList<>();
            }
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

    private static Map<String, AttributeValue> product(String tenantId, String id, String name, long priceMinor,
            String currency, long stock) {
        Map<String, AttributeValue> item = new HashMap<>(productKey(tenantId, id));
        item.put("productId", s(id));
        item.put("name", s(name));
        item.put("description", s("Made for the benchmark.")); // as the admin-made ones
        item.put("priceMinor", n(priceMinor));
        item.put("currency", s(currency));
        item.put("stock", n(stock));
        item.put("createdAt", s(Instant.now().toString()));
        return item;
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
