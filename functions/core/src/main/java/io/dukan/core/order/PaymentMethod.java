package io.dukan.core.order;

/**
 * How the shopper pays. Cash on delivery and bank transfer need no processor at all (the owner marks the order
 * paid); CARD goes through a payment provider and is confirmed by its signed webhook.
 */
public enum PaymentMethod {
    CASH_ON_DELIVERY,
    BANK_TRANSFER,
    CARD
}
