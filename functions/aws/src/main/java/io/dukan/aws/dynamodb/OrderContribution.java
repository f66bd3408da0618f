package io.dukan.aws.dynamodb;

import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderLine;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.tenant.TenantId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one version of an order adds to the aggregates: counter item ("pk|sk") → attribute → amount. The aggregator
 * keeps the contribution it applied for each order and, when the order changes, adds the difference between the
 * new version's contribution and that one, so a cancelled order is taken out of the same buckets it was counted in
 * (even if the product's HS code or origin changed meanwhile: those facts are kept with the applied contribution).
 *
 * <p>Counted ("sold"): orders neither cancelled, refunded nor failed. Store days are the store's local dates;
 * platform months are UTC. No attribute names a person: products by id, countries and HS codes only.
 */
final class OrderContribution {

    static final String SEPARATOR = "|";

    /** The store's facts the platform buckets need. */
    record StoreFacts(String country, ZoneId zone, String cohortMonth) {}

    /** A product's trade facts ("" when the owner has not given them). */
    record ProductFacts(String hsCode, String origin) {}

    private final Map<String, Map<String, Long>> counters = new TreeMap<>();

    private OrderContribution() {}

    static boolean counted(Order order) {
        return order.fulfilmentStatus() != FulfilmentStatus.CANCELLED
                && order.paymentStatus() != PaymentStatus.REFUNDED
                && order.paymentStatus() != PaymentStatus.FAILED;
    }

    static LocalDate storeDay(Order order, StoreFacts store) {
        return order.placedAt().atZone(store.zone()).toLocalDate();
    }

    static String month(Order order) {
        return order.placedAt().atZone(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
    }

    static String dayKey(TenantId tenant, LocalDate day) {
        return key(Keys.insight(tenant), "DAY#" + day);
    }

    static String openKey(TenantId tenant) {
        return key(Keys.insight(tenant), "OPEN");
    }

    static String monthKey(TenantId tenant, String month, String currency) {
        return key(Keys.platformInsight(Keys.platformShard(tenant)), "M#" + month + "#" + currency);
    }

    static String key(String pk, String sk) {
        return pk + SEPARATOR + sk;
    }

    static OrderContribution of(TenantId tenant, Order order, StoreFacts store, Map<String, ProductFacts> products) {
        OrderContribution c = new OrderContribution();
        long total = order.total().minor();
        boolean counted = counted(order);
        boolean open = order.fulfilmentStatus() != FulfilmentStatus.CANCELLED
                && order.paymentStatus() != PaymentStatus.REFUNDED;
        String open_ = openKey(tenant);
        if (counted && order.fulfilmentStatus() == FulfilmentStatus.UNFULFILLED) {
            c.add(open_, "toShip", 1);
        }
        if (open && order.paymentStatus() == PaymentStatus.PENDING) {
            if (order.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY) {
                c.add(open_, "unpaidCod", 1);
                c.add(open_, "unpaidCodMinor", total);
            } else if (order.paymentMethod() == PaymentMethod.BANK_TRANSFER) {
                c.add(open_, "unpaidBank", 1);
                c.add(open_, "unpaidBankMinor", total);
            }
        }
        if (!counted) {
            return c;
        }
        String day = dayKey(tenant, storeDay(order, store));
        c.add(day, "orders", 1);
        c.add(day, "sales", total);
        String month = monthKey(tenant, month(order), order.total().currency());
        c.add(month, "orders", 1);
        c.add(month, "sales", total);
        String country = store.country().isBlank() ? "??" : store.country();
        c.add(month, "c#" + country + "#o", 1);
        c.add(month, "c#" + country + "#s", total);
        java.util.Set<String> origins = new java.util.HashSet<>();
        java.util.Set<String> chapters = new java.util.HashSet<>();
        java.util.Set<String> headings = new java.util.HashSet<>();
        for (OrderLine line : order.lines()) {
            long amount = line.unitPrice().minor() * line.quantity();
            String product = line.productId().value();
            c.add(day, "q#" + product, line.quantity());
            c.add(day, "s#" + product, amount);
            ProductFacts facts = products.getOrDefault(product, new ProductFacts("", ""));
            String origin = facts.origin().isBlank() ? "??" : facts.origin();
            String hs = facts.hsCode().replaceAll("[^0-9]", "");
            String chapter = hs.length() >= 2 ? hs.substring(0, 2) : "??";
            String heading = hs.length() >= 4 ? hs.substring(0, 4) : "??";
            c.add(month, "o#" + origin + "#q", line.quantity());
            c.add(month, "o#" + origin + "#s", amount);
            c.add(month, "hs#" + chapter + "#q", line.quantity());
            c.add(month, "hs#" + chapter + "#s", amount);
            c.add(month, "hh#" + heading + "#q", line.quantity());
            c.add(month, "hh#" + heading + "#s", amount);
            if (origins.add(origin)) {
                c.add(month, "o#" + origin + "#o", 1);
            }
            if (chapters.add(chapter)) {
                c.add(month, "hs#" + chapter + "#o", 1);
            }
            if (headings.add(heading)) {
                c.add(month, "hh#" + heading + "#o", 1);
            }
        }
        return c;
    }

    static OrderContribution of(Map<String, Map<String, Long>> counters) {
        OrderContribution c = new OrderContribution();
        counters.forEach((k, attrs) -> attrs.forEach((a, v) -> c.add(k, a, v)));
        return c;
    }

    private void add(String key, String attribute, long amount) {
        if (amount != 0) {
            counters.computeIfAbsent(key, k -> new TreeMap<>()).merge(attribute, amount, Long::sum);
        }
    }

    Map<String, Map<String, Long>> counters() {
        return counters;
    }

    /** This minus {@code before}: what to add to move the aggregates from {@code before} to this. */
    OrderContribution minus(OrderContribution before) {
        OrderContribution d = new OrderContribution();
        counters.forEach((k, attrs) -> attrs.forEach((a, v) -> d.add(k, a, v)));
        before.counters.forEach((k, attrs) -> attrs.forEach((a, v) -> d.add(k, a, -v)));
        d.counters.values().removeIf(attrs -> {
            attrs.values().removeIf(v -> v == 0);
            return attrs.isEmpty();
        });
        return d;
    }
}
