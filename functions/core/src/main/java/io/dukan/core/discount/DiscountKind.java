package io.dukan.core.discount;

/** What a code takes off: a percentage of the products, a fixed amount, or the delivery charge. */
public enum DiscountKind {
    PERCENTAGE,
    FIXED_AMOUNT,
    FREE_DELIVERY
}
