package io.dukan.core.order;

import java.util.Locale;

/**
 * The tabs of the owner's order inbox. An order can be in two at once (unpaid and to ship); a cancelled order is
 * only under "cancelled" (and "all").
 */
public enum OrderFilter {
    UNPAID("Unpaid"),
    TO_SHIP("To ship"),
    SHIPPED("Shipped"),
    DELIVERED("Delivered"),
    CANCELLED("Cancelled"),
    ALL("All");

    private final String label;

    OrderFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The name used in URLs: "to-ship". */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The tab named in a URL; anything else (absent, unknown) is "all". */
    public static OrderFilter fromSlug(String slug) {
        for (OrderFilter f : values()) {
            if (f.slug().equals(slug)) {
                return f;
            }
        }
        return ALL;
    }

    /** Whether the order belongs under this tab. */
    public boolean matches(Order order) {
        boolean cancelled = order.fulfilmentStatus() == FulfilmentStatus.CANCELLED;
        return switch (this) {
            case UNPAID ->
                !cancelled
                        && (order.paymentStatus() == PaymentStatus.PENDING
                                || order.paymentStatus() == PaymentStatus.FAILED);
            case TO_SHIP -> order.fulfilmentStatus() == FulfilmentStatus.UNFULFILLED;
            case SHIPPED -> order.fulfilmentStatus() == FulfilmentStatus.SHIPPED;
            case DELIVERED -> order.fulfilmentStatus() == FulfilmentStatus.DELIVERED;
            case CANCELLED -> cancelled;
            case ALL -> true;
        };
    }
}
