package io.dukan.aws.dynamodb;

import io.dukan.core.operator.StoreFigures;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The operator console's 30-day orders and sales per store, from the day items the {@link InsightAggregator} keeps
 * ({@code {tenant}#INSIGHT / DAY#yyyy-mm-dd}, days in the store's time zone, cancelled and failed orders not
 * counted). A page of stores is read with BatchGetItem of the 30 day keys of every store on it, projected to the
 * four small attributes needed: {@code ceil(30 × stores / 100)} requests (a page of 50 stores: 15), more only for
 * keys DynamoDB leaves unprocessed under load; never a request per row, never an order read. A store with no day
 * item in the window has no figures (the console shows "—").
 *
 * <p>Sales are summed in the currency of the store's latest day in the window (a store that changed currency
 * within the 30 days shows only the sales in its current one); orders are counted on every day.
 */
@Singleton
final class DynamoDbOperatorStoreFigures implements StoreFigures {

    static final int DAYS = 30;
    static final int BATCH = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    DynamoDbOperatorStoreFigures(DynamoDbClient dynamo, TableName table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table.value();
        this.clock = clock;
    }

    @Override
    public Map<TenantId, Last30Days> last30Days(Map<TenantId, ZoneId> stores) {
        Map<String, TenantId> byPk = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        stores.forEach((tenant, zone) -> {
            String pk = Keys.insight(tenant);
            byPk.put(pk, tenant);
            LocalDate today = LocalDate.now(clock.withZone(zone));
            for (int d = 0; d < DAYS; d++) {
                keys.add(Keys.key(pk, "DAY#" + today.minusDays(d)));
            }
        });
        Map<TenantId, long[]> sums = new HashMap<>();
        Map<TenantId, String> latestDay = new HashMap<>();
        Map<TenantId, String> currency = new HashMap<>();
        List<Map<String, AttributeValue>> days = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            days.addAll(batchGet(keys.subList(from, Math.min(keys.size(), from + BATCH))));
        }
        for (Map<String, AttributeValue> item : days) {
            TenantId tenant = byPk.get(item.get(Keys.PK).s());
            String sk = item.get(Keys.SK).s();
            AttributeValue c = item.get("currency");
            if (tenant != null && c != null && sk.compareTo(latestDay.getOrDefault(tenant, "")) > 0) {
                latestDay.put(tenant, sk);
                currency.put(tenant, c.s());
            }
        }
        for (Map<String, AttributeValue> item : days) {
            TenantId tenant = byPk.get(item.get(Keys.PK).s());
            if (tenant == null) {
                continue;
            }
            long[] s = sums.computeIfAbsent(tenant, t -> new long[2]);
            s[0] += number(item.get("orders"));
            AttributeValue c = item.get("currency");
            if (c == null || c.s().equals(currency.get(tenant))) {
                s[1] += number(item.get("sales"));
            }
        }
        Map<TenantId, Last30Days> out = new HashMap<>();
        sums.forEach((tenant, s) -> {
            if (currency.containsKey(tenant)) {
                out.put(tenant, new Last30Days(s[0], s[1], currency.get(tenant)));
            }
        });
        return out;
    }

    private static long number(AttributeValue value) {
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    /** One BatchGetItem of at most 100 keys (more only for keys DynamoDB left unprocessed under load). */
    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(
                table,
                KeysAndAttributes.builder()
                        .keys(keys)
                        .projectionExpression("#pk, #sk, #o, #s, #c")
                        .expressionAttributeNames(
                                Map.of("#pk", Keys.PK, "#sk", Keys.SK, "#o", "orders", "#s", "sales", "#c", "currency"))
                        .build());
        for (int attempt = 0; !request.isEmpty() && attempt < 8; attempt++) {
            Map<String, KeysAndAttributes> pending = request;
            BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(pending));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.unprocessedKeys();
        }
        return items;
    }
}
