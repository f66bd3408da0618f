package io.dukan.provisioning;

import io.dukan.core.insight.PlatformFigures;
import io.dukan.core.insight.PlatformFigures.Row;
import io.dukan.core.shared.Money;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.dukan.web.i18n.StoreLocale;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The operator's industry analysis as tables (and their CSV) and charts. Charts draw counts (orders, items,
 * stores), which add up across currencies; money is only ever shown per currency, in the tables.
 */
public final class AnalysisViews {

    static final List<String> BUNDLES = List.of("analysis");
    static final List<String> TABLES =
            List.of("months", "countries", "origins", "chapters", "headings", "weeks", "cohorts");

    /** One table: its chart (SVG, may be ""), its header and formatted cells, and the raw values for CSV. */
    public record Table(
            String id,
            String title,
            String chart,
            List<String> header,
            List<List<String>> cells,
            List<String> csvHeader,
            List<List<Object>> csvRows) {}

    /** The page: the span, the headline figures and the tables. */
    public record Page(
            StoreLocale t,
            String root,
            int months,
            String from,
            String to,
            long activeStores,
            List<String> totals,
            List<Table> tables) {}

    private AnalysisViews() {}

    static StoreLocale locale(Language language) {
        return new StoreLocale(Messages.of(language, BUNDLES), "", ZoneOffset.UTC);
    }

    static Page page(StoreLocale t, String root, int months, YearMonth from, YearMonth to, PlatformFigures f) {
        List<String> totals = f.totals().stream()
                .map(r -> t.t(
                        "analysis.total",
                        t.money(new Money(r.salesMinor(), r.currency())),
                        t.number(r.orders()),
                        r.currency()))
                .toList();
        return new Page(
                t,
                root,
                months,
                from.toString(),
                to.toString(),
                f.activeStores(),
                totals,
                TABLES.stream().map(id -> table(t, id, f)).toList());
    }

    static Table table(StoreLocale t, String id, PlatformFigures f) {
        return switch (id) {
            case "months" ->
                sales(t, id, f.byMonth(), r -> r.key(), t.t("col.month"), Row::orders, "analysis.chartOrders");
            case "countries" ->
                sales(
                        t,
                        id,
                        f.byStoreCountry(),
                        r -> country(t, r.key()),
                        t.t("col.country"),
                        Row::orders,
                        "analysis.chartOrders");
            case "origins" ->
                sales(
                        t,
                        id,
                        f.byOrigin(),
                        r -> country(t, r.key()),
                        t.t("col.origin"),
                        Row::quantity,
                        "analysis.chartItems");
            case "chapters" ->
                sales(
                        t,
                        id,
                        f.byHsChapter(),
                        r -> hs(t, r.key()),
                        t.t("col.chapter"),
                        Row::quantity,
                        "analysis.chartItems");
            case "headings" ->
                sales(
                        t,
                        id,
                        f.byHsHeading(),
                        r -> hs(t, r.key()),
                        t.t("col.heading"),
                        Row::quantity,
                        "analysis.chartItems");
            case "weeks" -> weeks(t, f);
            case "cohorts" -> cohorts(t, f);
            default -> throw new IllegalArgumentException(id);
        };
    }

    private static Table sales(
            StoreLocale t,
            String id,
            List<Row> rows,
            Function<Row, String> label,
            String keyHeader,
            java.util.function.ToLongFunction<Row> charted,
            String chartTitle) {
        List<List<String>> cells = new ArrayList<>();
        List<List<Object>> csv = new ArrayList<>();
        Map<String, Long> chart = new LinkedHashMap<>();
        for (Row r : rows) {
            cells.add(List.of(
                    label.apply(r),
                    r.currency(),
                    t.number(r.orders()),
                    t.number(r.quantity()),
                    t.money(new Money(r.salesMinor(), r.currency()))));
            csv.add(List.of(r.key(), r.currency(), r.orders(), r.quantity(), major(r)));
            chart.merge(label.apply(r), charted.applyAsLong(r), Long::sum);
        }
        List<Svg.Bar> bars = new ArrayList<>();
        chart.forEach((k, v) -> bars.add(new Svg.Bar(k, v)));
        if (!id.equals("months")) {
            bars.sort((a, b) -> Long.compare(b.value(), a.value()));
        }
        String title = t.t("table." + id) + " · " + t.t(chartTitle);
        return new Table(
                id,
                t.t("table." + id),
                bars.isEmpty() ? "" : Svg.bars("chart-" + id, title, bars, t::number),
                List.of(keyHeader, t.t("col.currency"), t.t("col.orders"), t.t("col.items"), t.t("col.sales")),
                cells,
                List.of(id.equals("months") ? "month" : "key", "currency", "orders", "items", "sales"),
                csv);
    }

    private static Table weeks(StoreLocale t, PlatformFigures f) {
        List<List<String>> cells = new ArrayList<>();
        List<List<Object>> csv = new ArrayList<>();
        List<Svg.Bar> bars = new ArrayList<>();
        for (PlatformFigures.Count c : f.newStoresByWeek()) {
            cells.add(List.of(c.key(), t.number(c.value())));
            csv.add(List.of(c.key(), c.value()));
            bars.add(new Svg.Bar(c.key(), c.value()));
        }
        return new Table(
                "weeks",
                t.t("table.weeks"),
                bars.isEmpty() ? "" : Svg.bars("chart-weeks", t.t("table.weeks"), bars, t::number),
                List.of(t.t("col.week"), t.t("col.newStores")),
                cells,
                List.of("week", "new_stores"),
                csv);
    }

    private static Table cohorts(StoreLocale t, PlatformFigures f) {
        int widest = f.cohorts().stream().mapToInt(c -> c.active().size()).max().orElse(0);
        int shown = Math.min(widest, 12);
        List<String> header = new ArrayList<>(List.of(t.t("col.cohort"), t.t("col.stores")));
        List<String> csvHeader = new ArrayList<>(List.of("cohort", "stores"));
        for (int m = 0; m < shown; m++) {
            header.add(t.t("col.monthN", t.number(m)));
            csvHeader.add("active_month_" + m);
        }
        List<List<String>> cells = new ArrayList<>();
        List<List<Object>> csv = new ArrayList<>();
        for (PlatformFigures.Cohort c : f.cohorts()) {
            List<String> row = new ArrayList<>(List.of(c.month(), t.number(c.stores())));
            List<Object> raw = new ArrayList<>(List.of(c.month(), c.stores()));
            for (int m = 0; m < shown; m++) {
                if (m < c.active().size()) {
                    long active = c.active().get(m);
                    long percent = c.stores() == 0 ? 0 : Math.round(100.0 * active / c.stores());
                    row.add(t.t("analysis.percent", t.number(percent)) + " (" + t.number(active) + ")");
                    raw.add(active);
                } else {
                    row.add("");
                    raw.add("");
                }
            }
            cells.add(row);
            csv.add(raw);
        }
        return new Table("cohorts", t.t("table.cohorts"), "", header, cells, csvHeader, csv);
    }

    private static BigDecimal major(Row r) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(r.currency()).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return BigDecimal.valueOf(r.salesMinor(), digits);
    }

    static String country(StoreLocale t, String code) {
        if (code.length() != 2 || code.equals("??")) {
            return t.t("analysis.unknown");
        }
        String name = new Locale("", code).getDisplayCountry(t.locale());
        return name.isBlank() || name.equals(code) ? code : name + " (" + code + ")";
    }

    static String hs(StoreLocale t, String code) {
        return code.equals("??") ? t.t("analysis.noHsCode") : code;
    }
}
