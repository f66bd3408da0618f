package io.dukan.core.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the owner (or a payment provider's confirmation) can do to a placed order, as a state table: each action
 * names the payment and fulfilment states it may start from and the state it leads to (null: unchanged).
 * Payment and fulfilment move independently, except that a cancelled order is never paid, shipped or delivered
 * and a refunded order is never shipped.
 */
public enum OrderAction {
    MARK_PAID(
            "mark it paid",
            EnumSet.of(PaymentStatus.PENDING, PaymentStatus.FAILED),
            EnumSet.of(FulfilmentStatus.UNFULFILLED, FulfilmentStatus.SHIPPED, FulfilmentStatus.DELIVERED),
            PaymentStatus.PAID,
            null),
    MARK_PAYMENT_FAILED(
            "record a failed payment",
            EnumSet.of(PaymentStatus.PENDING),
            EnumSet.of(FulfilmentStatus.UNFULFILLED, FulfilmentStatus.SHIPPED, FulfilmentStatus.DELIVERED),
            PaymentStatus.FAILED,
            null),
    /** A wallet payment ended without money: the unpaid order is cancelled (its stock goes back with it). */
    RELEASE_UNPAID(
            "release the unpaid order",
            EnumSet.of(PaymentStatus.PENDING, PaymentStatus.FAILED),
            EnumSet.of(FulfilmentStatus.UNFULFILLED),
            PaymentStatus.FAILED,
            FulfilmentStatus.CANCELLED),
    MARK_REFUNDED(
            "refund it",
            EnumSet.of(PaymentStatus.PAID),
            EnumSet.allOf(FulfilmentStatus.class),
            PaymentStatus.REFUNDED,
            null),
    MARK_SHIPPED(
            "ship it",
            EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PAID, PaymentStatus.FAILED),
            EnumSet.of(FulfilmentStatus.UNFULFILLED),
            null,
            FulfilmentStatus.SHIPPED),
    MARK_DELIVERED(
            "mark it delivered",
            EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PAID, PaymentStatus.FAILED),
            EnumSet.of(FulfilmentStatus.UNFULFILLED, FulfilmentStatus.SHIPPED),
            null,
            FulfilmentStatus.DELIVERED),
    CANCEL(
            "cancel it",
            EnumSet.allOf(PaymentStatus.class),
            EnumSet.of(FulfilmentStatus.UNFULFILLED),
            null,
            FulfilmentStatus.CANCELLED);

    private final String verb;
    private final Set<PaymentStatus> paymentFrom;
    private final Set<FulfilmentStatus> fulfilmentFrom;
    private final PaymentStatus paymentTo;
    private final FulfilmentStatus fulfilmentTo;

    OrderAction(
            String verb,
            Set<PaymentStatus> paymentFrom,
            Set<FulfilmentStatus> fulfilmentFrom,
            PaymentStatus paymentTo,
            FulfilmentStatus fulfilmentTo) {
        this.verb = verb;
        this.paymentFrom = paymentFrom;
        this.fulfilmentFrom = fulfilmentFrom;
        this.paymentTo = paymentTo;
        this.fulfilmentTo = fulfilmentTo;
    }

    public boolean allowedFrom(PaymentStatus payment, FulfilmentStatus fulfilment) {
        return paymentFrom.contains(payment) && fulfilmentFrom.contains(fulfilment);
    }

    public boolean allowedOn(Order order) {
        return allowedFrom(order.paymentStatus(), order.fulfilmentStatus());
    }

    /** The payment state after the action. */
    public PaymentStatus paymentAfter(PaymentStatus before) {
        return paymentTo == null ? before : paymentTo;
    }

    /** The fulfilment state after the action. */
    public FulfilmentStatus fulfilmentAfter(FulfilmentStatus before) {
        return fulfilmentTo == null ? before : fulfilmentTo;
    }

    /** Refuses the action, with a reason a person can act on, unless the order's state allows it. */
    public void requireAllowedOn(Order order) {
        if (allowedOn(order)) {
            return;
        }
        String state;
        String payment = order.paymentStatus().name().toLowerCase(java.util.Locale.ROOT);
        if (!fulfilmentFrom.contains(order.fulfilmentStatus())) {
            state = order.fulfilmentStatus() == FulfilmentStatus.CANCELLED
                    ? "it is cancelled"
                    : "it is already " + order.fulfilmentStatus().name().toLowerCase(java.util.Locale.ROOT);
        } else if (paymentTo != null) {
            state = "its payment is " + payment;
        } else {
            state = "it was " + payment;
        }
        throw new OrderStateException("Order " + order.displayNumber() + " can't " + verb + ": " + state + ".");
    }
}
