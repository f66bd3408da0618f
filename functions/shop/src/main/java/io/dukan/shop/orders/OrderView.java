package io.dukan.shop.orders;

import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Order;
import io.dukan.core.order.PaymentStatus;

/**
 * The shopper's order page: the order and what the page may offer beside it (bank-transfer instructions, paying by
 * card, the WhatsApp link; null or false fields are left out).
 */
public record OrderView(
        Order order,
        String bankTransfer,
        boolean cardPayable,
        boolean returnedFromCard,
        String whatsAppLink,
        String csrf,
        Wallet wallet) {

    /**
     * A wallet order's extras: the provider's name, whether the shopper can pay now, the provider's reference once
     * there is one, and the result the shopper came back with ({@code result}: PAID, PENDING, CANCELLED, FAILED, or
     * null) with the provider's code.
     */
    public record Wallet(String name, boolean payable, String reference, String result, String code) {}

    public OrderView(
            Order order,
            String bankTransfer,
            boolean cardPayable,
            boolean returnedFromCard,
            String whatsAppLink,
            String csrf) {
        this(order, bankTransfer, cardPayable, returnedFromCard, whatsAppLink, csrf, null);
    }

    public boolean justPlaced() {
        return order.history().size() == 1;
    }

    /** Open and not paid: the page says how to pay. */
    public boolean awaitsPayment() {
        return order.fulfilmentStatus() != FulfilmentStatus.CANCELLED
                && (order.paymentStatus() == PaymentStatus.PENDING || order.paymentStatus() == PaymentStatus.FAILED);
    }
}
