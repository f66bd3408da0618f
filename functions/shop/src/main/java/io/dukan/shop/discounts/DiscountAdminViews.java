package io.dukan.shop.discounts;

import io.dukan.core.discount.Discount;
import io.dukan.core.discount.DiscountKind;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.AdminPages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The owner's discount pages (admin/discounts.jte, admin/discount.jte). */
public final class DiscountAdminViews {

    /** The list: each code with its words worked out, a message after an action. */
    public record DiscountList(List<Row> rows, String error, String ok) {}

    /** One code as the list shows it. */
    public record Row(
            Discount discount, String path, String offer, String status, String used, String dates, String terms) {}

    /**
     * The create or edit form: {@code code} null for a new one; {@code typed} the form's fields as typed (or as
     * saved); {@code terms} the version the form edits.
     */
    public record Form(
            String code,
            String path,
            Map<String, String> typed,
            int terms,
            String currency,
            String zone,
            String error) {

        public String typed(String field) {
            return typed.getOrDefault(field, "");
        }

        public boolean kind(DiscountKind kind) {
            return typed.getOrDefault("kind", DiscountKind.PERCENTAGE.name()).equals(kind.name());
        }

        public boolean once() {
            return !typed.getOrDefault("oncePerCustomer", "").isEmpty();
        }
    }

    private DiscountAdminViews() {}

    public static String list(
            StoreSettings s, String base, String csrf, List<Discount> codes, Instant now, String error, String ok) {
        AdminPages.Chrome chrome = AdminPages.chrome(s, base, csrf);
        var t = chrome.t();
        List<Row> rows = codes.stream()
                .map(d -> new Row(
                        d,
                        base + "/admin/discounts/" + path(d.code()),
                        DiscountWords.offer(t, d),
                        DiscountWords.status(t, d, now),
                        DiscountWords.used(t, d),
                        dates(t, d),
                        conditions(t, d)))
                .toList();
        return AdminPages.render("admin/discounts.jte", chrome, new DiscountList(rows, error, ok));
    }

    public static String form(
            StoreSettings s,
            String base,
            String csrf,
            String code,
            Map<String, String> typed,
            int terms,
            String error) {
        AdminPages.Chrome chrome = AdminPages.chrome(s, base, csrf);
        String path = base + "/admin/discounts" + (code == null ? "" : "/" + path(code));
        return AdminPages.render(
                "admin/discount.jte",
                chrome,
                new Form(
                        code,
                        path,
                        typed,
                        terms,
                        s.currency(),
                        chrome.t().zone().getId(),
                        error));
    }

    /** A saved code's fields as the form shows them (amounts in major units, times in the store's zone). */
    public static Map<String, String> fields(Discount d, ZoneId zone) {
        return Map.of(
                "code",
                d.code(),
                "kind",
                d.kind().name(),
                "value",
                switch (d.kind()) {
                    case PERCENTAGE -> Long.toString(d.value());
                    case FIXED_AMOUNT -> new Money(d.value(), d.currency()).amount();
                    case FREE_DELIVERY -> "";
                },
                "minimum",
                d.minimumMinor() == 0 ? "" : d.minimum().amount(),
                "startsAt",
                local(d.startsAt(), zone),
                "endsAt",
                local(d.endsAt(), zone),
                "usageLimit",
                d.usageLimit() == 0 ? "" : Long.toString(d.usageLimit()),
                "oncePerCustomer",
                d.oncePerCustomer() ? "on" : "");
    }

    static String path(String code) {
        return URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    private static String local(Instant at, ZoneId zone) {
        return at == null
                ? ""
                : LocalDateTime.ofInstant(at, zone)
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toString();
    }

    private static String dates(io.dukan.web.i18n.StoreLocale t, Discount d) {
        StringBuilder text = new StringBuilder();
        if (d.startsAt() != null) {
            text.append(t.t("discount.from", t.dateTime(d.startsAt())));
        }
        if (d.endsAt() != null) {
            text.append(text.length() == 0 ? "" : " ").append(t.t("discount.until", t.dateTime(d.endsAt())));
        }
        return text.toString();
    }

    private static String conditions(io.dukan.web.i18n.StoreLocale t, Discount d) {
        StringBuilder text = new StringBuilder();
        if (d.minimumMinor() > 0) {
            text.append(t.t("discount.minimum", t.money(d.minimum())));
        }
        if (d.oncePerCustomer()) {
            text.append(text.length() == 0 ? "" : " · ").append(t.t("discount.oncePerCustomer"));
        }
        return text.toString();
    }
}
