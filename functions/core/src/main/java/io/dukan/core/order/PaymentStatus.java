package io.dukan.core.order;

/** Whether the money arrived; kept apart from whether the goods went out ({@link FulfilmentStatus}). */
public enum PaymentStatus {
    PENDING,
    PAID,
    REFUNDED,
    FAILED
}
