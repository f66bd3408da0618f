package io.dukan.core.order;

/** How the shopper pays; cash on delivery needs no processor at all. */
public enum PaymentMethod {
    CASH_ON_DELIVERY
}
