package io.dukan.core.insight;

import java.util.List;

/**
 * The operator's industry analysis over a span of months (UTC), every sum per currency: sales are never added
 * across currencies. {@code quantity} counts items sold (per line), {@code orders} counts orders; for product
 * origin and HS code an order with lines of two origins counts once in each.
 */
public record PlatformFigures(
        List<Row> byMonth,
        List<Row> byStoreCountry,
        List<Row> byOrigin,
        List<Row> byHsChapter,
        List<Row> byHsHeading,
        long activeStores,
        List<Count> newStoresByWeek,
        List<Cohort> cohorts) {

    public PlatformFigures {
        byMonth = List.copyOf(byMonth);
        byStoreCountry = List.copyOf(byStoreCountry);
        byOrigin = List.copyOf(byOrigin);
        byHsChapter = List.copyOf(byHsChapter);
        byHsHeading = List.copyOf(byHsHeading);
        newStoresByWeek = List.copyOf(newStoresByWeek);
        cohorts = List.copyOf(cohorts);
    }

    /** One figure line: {@code key} is a month (2026-12), a country (PK), a chapter (08) or heading (0813). */
    public record Row(String key, String currency, long orders, long quantity, long salesMinor) {}

    public record Count(String key, long value) {}

    /**
     * Stores that opened in {@code month}, and how many of them had an order in each month since ({@code active}
     * is aligned with the months from the cohort's own).
     */
    public record Cohort(String month, long stores, List<Long> active) {

        public Cohort {
            active = List.copyOf(active);
        }
    }

    /** The total of all orders across every month of the span, per currency. */
    public List<Row> totals() {
        java.util.Map<String, long[]> sums = new java.util.TreeMap<>();
        for (Row r : byMonth) {
            long[] s = sums.computeIfAbsent(r.currency(), c -> new long[3]);
            s[0] += r.orders();
            s[1] += r.quantity();
            s[2] += r.salesMinor();
        }
        return sums.entrySet().stream()
                .map(e -> new Row("", e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }
}
