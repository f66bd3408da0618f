package io.dukan.core.order;

/** Where the goods are; kept apart from {@link PaymentStatus}. Cancelling puts the stock back. */
public enum FulfilmentStatus {
    UNFULFILLED,
    SHIPPED,
    DELIVERED,
    CANCELLED
}
