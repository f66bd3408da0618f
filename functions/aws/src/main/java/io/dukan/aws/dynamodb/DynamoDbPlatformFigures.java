package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.insight.PlatformFigures;
import io.dukan.core.insight.PlatformFigures.Cohort;
import io.dukan.core.insight.PlatformFigures.Count;
import io.dukan.core.insight.PlatformFigures.Row;
import io.dukan.core.insight.PlatformFiguresRepository;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The industry analysis from the platform's aggregates: one Query per platform shard ({@link
 * Keys#PLATFORM_SHARDS}) over its month items from the first month asked (and its STORES item, which sorts after
 * them), whatever the number of orders or stores.
 */
@Singleton
final class DynamoDbPlatformFigures implements PlatformFiguresRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbPlatformFigures(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public PlatformFigures figures(YearMonth from, YearMonth to, LocalDate today) {
        Map<List<String>, long[]> months =
                new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        Map<String, Map<List<String>, long[]>> dims = new TreeMap<>();
        Map<String, Long> stores = new TreeMap<>();
        for (int shard = 0; shard < Keys.PLATFORM_SHARDS; shard++) {
            for (Map<String, AttributeValue> item : queryFrom(Keys.platformInsight(shard), "M#" + from)) {
                String sk = item.get("sk").s();
                if (sk.equals("STORES")) {
                    item.forEach((name, v) -> {
                        if (v.n() != null) {
                            stores.merge(name, Long.parseLong(v.n()), Long::sum);
                        }
                    });
                    continue;
                }
                if (!sk.startsWith("M#")) {
                    continue;
                }
                String[] parts = sk.split("#");
                String month = parts[1];
                String currency = parts[2];
                if (month.compareTo(to.toString()) > 0) {
                    continue;
                }
                Items i = Items.of(item);
                long[] m = months.computeIfAbsent(List.of(month, currency), k -> new long[3]);
                m[0] += i.n("orders");
                m[2] += i.n("sales");
                item.forEach((name, v) -> {
                    String[] a = name.split("#");
                    if (a.length != 3 || v.n() == null) {
                        return;
                    }
                    String dim = a[0];
                    if (!List.of("c", "o", "hs", "hh").contains(dim)) {
                        return;
                    }
                    long[] row = dims.computeIfAbsent(
                                    dim,
                                    d -> new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                                            .thenComparing(k -> k.get(1))))
                            .computeIfAbsent(List.of(a[1], currency), k -> new long[3]);
                    long value = Long.parseLong(v.n());
                    switch (a[2]) {
                        case "o" -> row[0] += value;
                        case "q" -> row[1] += value;
                        case "s" -> row[2] += value;
                        default -> {}
                    }
                    if (dim.equals("o") && a[2].equals("q")) {
                        m[1] += value; // items sold in the month: every line has exactly one origin bucket
                    }
                });
            }
        }
        List<Row> byMonth = new ArrayList<>();
        months.forEach((k, v) -> byMonth.add(new Row(k.get(0), k.get(1), v[0], v[1], v[2])));

        long active = 0;
        for (int d = 0; d < 30; d++) {
            active += stores.getOrDefault("d#" + today.minusDays(d), 0L);
        }
        List<Count> weeks = new ArrayList<>();
        stores.forEach((name, v) -> {
            if (name.startsWith("w#")) {
                weeks.add(new Count(name.substring(2), v));
            }
        });
        List<Cohort> cohorts = new ArrayList<>();
        stores.forEach((name, size) -> {
            if (!name.startsWith("size#")) {
                return;
            }
            String cohort = name.substring("size#".length());
            List<Long> activeByMonth = new ArrayList<>();
            for (YearMonth m = YearMonth.parse(cohort); !m.isAfter(to); m = m.plusMonths(1)) {
                activeByMonth.add(stores.getOrDefault("r#" + cohort + "#" + m, 0L));
            }
            cohorts.add(new Cohort(cohort, size, activeByMonth));
        });
        return new PlatformFigures(
                byMonth,
                rows(dims.get("c")),
                rows(dims.get("o")),
                rows(dims.get("hs")),
                rows(dims.get("hh")),
                active,
                weeks.size() > 12 ? weeks.subList(weeks.size() - 12, weeks.size()) : weeks,
                cohorts);
    }

    /** Rows by sales, largest first, per currency (currency, then sales). */
    private static List<Row> rows(Map<List<String>, long[]> dim) {
        if (dim == null) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        dim.forEach((k, v) -> rows.add(new Row(k.get(0), k.get(1), v[0], v[1], v[2])));
        rows.sort(Comparator.comparing(Row::currency)
                .thenComparing(Comparator.comparingLong(Row::salesMinor).reversed())
                .thenComparing(Row::key));
        return rows;
    }

    private List<Map<String, AttributeValue>> queryFrom(String pk, String fromSort) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            QueryResponse page = dynamo.query(r -> {
                r.tableName(table)
                        .keyConditionExpression("pk = :pk AND sk >= :from")
                        .expressionAttributeValues(Map.of(":pk", s(pk), ":from", s(fromSort)));
                if (after != null) {
                    r.exclusiveStartKey(after);
                }
            });
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }
}
