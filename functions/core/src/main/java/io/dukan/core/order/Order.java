package io.dukan.core.order;

import io.dukan.core.shared.Money;
import java.time.Instant;
import java.util.List;

/**
 * A placed order. {@code number} is the store's human number (#1001, …); {@code code} is the unguessable public
 * reference in the shopper's order-status URL.
 */
public record Order(long number, String code, List<OrderLine> lines, Money total, String customerName,
        String phone, String address, PaymentMethod paymentMethod, Instant placedAt) {

    public static final long FIRST_NUMBER = 1001;

    public Order {
        lines = List.copyOf(lines);
    }

    public String displayNumber() {
        return "#" + number;
    }
}
