package io.dukan.core.order;

import io.dukan.core.shared.Money;

/**
 * A discount code as applied to an order: the code (upper case, as the owner created it), the amount taken off the
 * order's total, and whether it is the free-delivery kind (its amount is then the delivery price). The amount may be
 * zero (free delivery on an order whose delivery was free anyway).
 */
public record OrderDiscount(String code, Money amount, boolean freeDelivery) {

    public OrderDiscount {
        if (code == null || code.isBlank() || amount == null) {
            throw new IllegalArgumentException("a discount needs a code and an amount");
        }
    }
}
