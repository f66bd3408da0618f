package io.dukan.core.payment;

import io.dukan.core.shared.Money;

/**
 * One event a payment provider sent by its signed webhook, reduced to what an order needs. {@code id} is the
 * provider's own event id (each is applied once); {@code orderCode} is the order's public code the payment was
 * started with; {@code amount} is what the provider says moved (null for events without an amount).
 */
public record ProviderEvent(String id, Type type, String orderCode, Money amount) {

    public enum Type {
        /** The money arrived. */
        PAYMENT_SUCCEEDED,
        /** The attempt failed; the shopper may try again. */
        PAYMENT_FAILED,
        /**
         * A wallet attempt ended without money (cancelled, failed or expired): the unpaid order is cancelled and its
         * stock released in the same transaction. A null amount is allowed (an expiry has none).
         */
        PAYMENT_ENDED,
        /** The whole amount went back to the shopper. */
        REFUNDED,
        /** Anything else the provider tells; acknowledged and ignored. */
        OTHER
    }
}
