package io.dukan.shop;

import static io.dukan.web.Html.esc;

import io.dukan.web.Csrf;
import io.dukan.web.Html;
import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Order;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.tenant.StoreSettings;

/** The shopper's order page: where the order stands, what was ordered, how to pay, how to reach the store. */
final class OrderStatusViews {

    private OrderStatusViews() {}

    /** What the page may offer beside the order itself; null fields are left out. */
    record Extras(String bankTransfer, boolean cardPayable, boolean returnedFromCard, String whatsAppLink) {}

    static String order(StoreSettings s, String base, Order o, Extras extras, String csrf) {
        StringBuilder b = new StringBuilder();
        if (o.history().size() == 1) {
            b.append("<p class=\"ok\">Thank you! Your order has been placed.</p>");
        }
        b.append("<h1>Order ").append(esc(o.displayNumber())).append("</h1>")
                .append("<table class=\"status\"><tbody><tr><th>Payment</th><td>").append(esc(payment(o)))
                .append("</td></tr><tr><th>Delivery</th><td>").append(esc(delivery(o))).append("</td></tr>");
        if (!o.trackingNumber().isBlank()) {
            b.append("<tr><th>Tracking</th><td class=\"tracking\">").append(esc(o.trackingNumber())).append("</td></tr>");
        }
        b.append("</tbody></table><h2>Your order</h2>").append(OrderAdminViews.lines(o, true))
                .append("<p>Deliver to: ").append(esc(o.customerName())).append(", ").append(esc(o.address().oneLine()))
                .append("</p>");
        boolean open = o.fulfilmentStatus() != FulfilmentStatus.CANCELLED;
        boolean unpaid = o.paymentStatus() == PaymentStatus.PENDING || o.paymentStatus() == PaymentStatus.FAILED;
        if (open && unpaid) {
            switch (o.paymentMethod()) {
                case CASH_ON_DELIVERY -> b.append("<p>Pay <strong>").append(esc(o.total().format()))
                        .append("</strong> in cash when it is delivered.</p>");
                case BANK_TRANSFER -> {
                    b.append("<p>Pay <strong>").append(esc(o.total().format()))
                            .append("</strong> by bank transfer, with <strong>").append(esc(o.displayNumber()))
                            .append("</strong> as the reference.</p>");
                    if (extras.bankTransfer() != null && !extras.bankTransfer().isBlank()) {
                        b.append("<div class=\"bank-transfer\">").append(Html.multiline(extras.bankTransfer()))
                                .append("</div>");
                    }
                }
                case CARD -> {
                    if (extras.returnedFromCard() && o.paymentStatus() == PaymentStatus.PENDING) {
                        b.append("<p class=\"muted\">Your payment is being confirmed by the card processor; "
                                + "reload this page in a moment.</p>");
                    }
                    if (extras.cardPayable()) {
                        b.append("<form method=\"post\" action=\"").append(esc(base)).append("/orders/")
                                .append(o.code()).append("/pay\">").append(Csrf.field(csrf))
                                .append("<button type=\"submit\">Pay ").append(esc(o.total().format()))
                                .append(" by card</button></form>");
                    }
                }
            }
        }
        if (extras.whatsAppLink() != null) {
            b.append("<p><a class=\"button whatsapp\" href=\"").append(esc(extras.whatsAppLink()))
                    .append("\" rel=\"noopener noreferrer\">Message ").append(esc(s.name()))
                    .append(" on WhatsApp about this order</a></p>");
        }
        b.append("<p class=\"muted\">Keep this page's address to check your order later.</p>")
                .append("<p><a href=\"").append(esc(base)).append("/\">Continue shopping</a></p>");
        return ShopViews.shopPage(s, base, "Order " + o.displayNumber(), b.toString());
    }

    static String payment(Order o) {
        return switch (o.paymentStatus()) {
            case PENDING -> "Not paid yet";
            case PAID -> "Paid";
            case REFUNDED -> "Refunded";
            case FAILED -> "Payment failed — you can try again";
        };
    }

    static String delivery(Order o) {
        return switch (o.fulfilmentStatus()) {
            case UNFULFILLED -> "Being prepared";
            case SHIPPED -> "Shipped";
            case DELIVERED -> "Delivered";
            case CANCELLED -> "Cancelled";
        };
    }
}
