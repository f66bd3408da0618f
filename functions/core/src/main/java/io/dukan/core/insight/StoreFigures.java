package io.dukan.core.insight;

import io.dukan.core.shared.Money;
import io.dukan.core.tenant.LowStockMarks;
import java.util.List;

/**
 * What the owner's dashboard shows, read from the store's aggregates (days in the store's time zone): orders and
 * sales of today, the last 7 and the last 30 days (cancelled, refunded and failed orders not counted), orders to
 * ship, unpaid cash-on-delivery and bank-transfer orders, the best sellers of the last 30 days, and the variants
 * at or below the store's low-stock threshold (the one {@link LowStockMarks} keeps, which the owner's low-stock
 * e-mail uses too): the {@link #LOW_STOCK_SHOWN} lowest, {@code moreLowStock} when there are more.
 */
public record StoreFigures(
        Window today,
        Window last7Days,
        Window last30Days,
        long toShip,
        Unpaid unpaidCashOnDelivery,
        Unpaid unpaidBankTransfer,
        List<TopProduct> topProducts,
        List<LowStock> lowStock,
        boolean moreLowStock,
        int lowStockThreshold) {

    /** The default low-stock threshold of a store that has not set one. */
    public static final int DEFAULT_LOW_STOCK = LowStockMarks.DEFAULT_THRESHOLD;
    /** The highest threshold an owner may set: the aggregator tracks variants with at most this much stock. */
    public static final int MAX_LOW_STOCK = LowStockMarks.MAX_THRESHOLD;
    /** How many low-stock variants the dashboard lists (the lowest first): its read never grows with the catalog. */
    public static final int LOW_STOCK_SHOWN = 20;

    public StoreFigures {
        topProducts = List.copyOf(topProducts);
        lowStock = List.copyOf(lowStock);
    }

    public record Window(long orders, Money sales) {}

    public record Unpaid(long orders, Money amount) {}

    public record TopProduct(String productId, String name, long quantity, Money sales) {}

    public record LowStock(String productId, String variantId, String productName, String variantTitle, long stock) {}
}
