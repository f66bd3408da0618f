package io.dukan.shop;

import static io.dukan.web.Html.esc;

import io.dukan.web.Csrf;
import io.dukan.web.Html;
import io.dukan.web.Pages;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderAction;
import io.dukan.core.order.OrderEvent;
import io.dukan.core.order.OrderFilter;
import io.dukan.core.order.OrderLine;
import io.dukan.core.order.OrderNotifications;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.StoreSettings;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The owner's order pages: the inbox by tab, one order with its actions and history, the packing slip. */
final class OrderAdminViews {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String ACTION_CSS = "<style>.tabs a{display:inline-block;margin:0 .8rem .5rem 0}"
            + ".tabs a[aria-current]{font-weight:700;text-decoration:none;border-bottom:2px solid #15803d}"
            + ".status{display:inline-block;padding:.05rem .45rem;border-radius:.3rem;background:#eef;font-size:.85rem}"
            + ".actions form{display:inline-block;margin:0 .6rem .6rem 0;vertical-align:top}"
            + ".danger{background:#b91c1c}</style>";

    private OrderAdminViews() {}

    static String inbox(StoreSettings s, String base, OrderFilter filter, Page<Order> page, String csrf) {
        StringBuilder b = new StringBuilder(ACTION_CSS).append("<h1>Orders</h1><nav class=\"tabs\">");
        for (OrderFilter tab : OrderFilter.values()) {
            b.append("<a href=\"").append(esc(base)).append("/admin/orders?status=").append(tab.slug()).append('"')
                    .append(tab == filter ? " aria-current=\"page\"" : "").append('>').append(esc(tab.label()))
                    .append("</a>");
        }
        b.append("</nav><form method=\"get\" action=\"").append(esc(base)).append("/admin/orders\">")
                .append("<label for=\"number\">Open order number</label><input id=\"number\" name=\"number\" "
                        + "inputmode=\"numeric\" placeholder=\"1001\" maxlength=\"13\" style=\"max-width:10rem\"> ")
                .append("<button type=\"submit\" style=\"margin-top:.3rem\">Open</button></form>");
        if (page.items().isEmpty()) {
            b.append("<p class=\"muted\">No orders here.</p>");
        } else {
            b.append("<table><thead><tr><th>Order</th><th>Placed</th><th>Customer</th><th>Total</th><th>Payment</th>"
                    + "<th>Delivery</th></tr></thead><tbody>");
            for (Order o : page.items()) {
                b.append("<tr data-order=\"").append(o.number()).append("\"><td><a href=\"").append(esc(base))
                        .append("/admin/orders/").append(o.code()).append("\">").append(esc(o.displayNumber()))
                        .append("</a></td><td>").append(WHEN.format(o.placedAt())).append("</td><td>")
                        .append(esc(o.customerName())).append("</td><td>").append(esc(o.total().format()))
                        .append("</td><td>").append(esc(paymentLabel(o))).append("</td><td>")
                        .append(esc(fulfilmentLabel(o))).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        if (page.next() != null) {
            b.append("<p><a class=\"button\" href=\"").append(esc(base)).append("/admin/orders?status=")
                    .append(filter.slug()).append("&amp;after=").append(esc(page.next())).append("\">Older orders</a></p>");
        }
        return ShopViews.adminPage(s, base, "Orders", b.toString(), csrf);
    }

    static String order(StoreSettings s, String base, Order o, String csrf) {
        String action = esc(base) + "/admin/orders/" + o.code();
        StringBuilder b = new StringBuilder(ACTION_CSS).append("<h1>Order ").append(esc(o.displayNumber()))
                .append("</h1><p><span class=\"status\">").append(esc(paymentLabel(o))).append("</span> ")
                .append("<span class=\"status\">").append(esc(fulfilmentLabel(o))).append("</span></p>")
                .append("<div class=\"actions\">");
        if (OrderAction.MARK_PAID.allowedOn(o)) {
            b.append(simpleAction(action + "/paid", o, csrf, "Mark paid", ""));
        }
        if (OrderAction.MARK_SHIPPED.allowedOn(o)) {
            b.append("<form method=\"post\" action=\"").append(action).append("/shipped\">").append(Csrf.field(csrf))
                    .append(version(o))
                    .append(Pages.field("trackingNumber", "Tracking number", "text", "", "maxlength=\"100\" required"))
                    .append(Pages.field("carrier", "Carrier (optional)", "text", "", "maxlength=\"60\""))
                    .append("<button type=\"submit\">Mark shipped</button></form>");
        }
        if (OrderAction.MARK_DELIVERED.allowedOn(o)) {
            b.append(simpleAction(action + "/delivered", o, csrf, "Mark delivered", ""));
        }
        if (OrderAction.MARK_REFUNDED.allowedOn(o)) {
            b.append(simpleAction(action + "/refunded", o, csrf, "Mark refunded", " class=\"danger\""));
        }
        if (OrderAction.CANCEL.allowedOn(o)) {
            b.append("<p><a class=\"button danger\" href=\"").append(action).append("/cancel\">Cancel order…</a></p>");
        }
        b.append("</div><p><a href=\"").append(action).append("/packing-slip\">Packing slip</a> · <a href=\"")
                .append(esc(base)).append("/orders/").append(o.code()).append("\">Shopper's page</a></p>")
                .append(lines(o, true))
                .append("<h2>Customer</h2><table><tbody><tr><th>Name</th><td>").append(esc(o.customerName()))
                .append("</td></tr><tr><th>Phone</th><td>").append(esc(o.contact().phone())).append("</td></tr>");
        if (!o.contact().email().isBlank()) {
            b.append("<tr><th>Email</th><td>").append(esc(o.contact().email())).append("</td></tr>");
        }
        b.append("<tr><th>Address</th><td>").append(Html.multiline(String.join("\n", o.address().lines())))
                .append("</td></tr>");
        if (!o.shippingMethod().isBlank()) {
            b.append("<tr><th>Shipping</th><td>").append(esc(o.shippingMethod())).append("</td></tr>");
        }
        if (!o.notes().isBlank()) {
            b.append("<tr><th>Notes</th><td>").append(Html.multiline(o.notes())).append("</td></tr>");
        }
        b.append("<tr><th>Payment</th><td>").append(esc(OrderNotifications.paymentName(o.paymentMethod())))
                .append("</td></tr>");
        if (!o.trackingNumber().isBlank()) {
            b.append("<tr><th>Tracking</th><td>").append(esc(o.trackingNumber())).append("</td></tr>");
        }
        b.append("<tr><th>Placed</th><td>").append(WHEN.format(o.placedAt())).append("</td></tr></tbody></table>")
                .append("<h2>History</h2><ol class=\"history\">");
        for (OrderEvent e : o.history()) {
            b.append("<li>").append(WHEN.format(e.at())).append(" — <strong>").append(esc(e.actor()))
                    .append("</strong> ").append(esc(e.what())).append("</li>");
        }
        b.append("</ol><p><a href=\"").append(esc(base)).append("/admin/orders\">All orders</a></p>");
        return ShopViews.adminPage(s, base, "Order " + o.displayNumber(), b.toString(), csrf);
    }

    static String confirmCancel(StoreSettings s, String base, Order o, String csrf) {
        String action = esc(base) + "/admin/orders/" + o.code();
        String b = ACTION_CSS + "<h1>Cancel order " + esc(o.displayNumber()) + "?</h1>"
                + "<p>The order is cancelled and every item goes back into stock. This cannot be undone."
                + (o.paymentStatus() == io.dukan.core.order.PaymentStatus.PAID
                        ? " It was paid: refund the shopper and then mark it refunded." : "") + "</p>"
                + lines(o, true)
                + simpleAction(action + "/cancel", o, csrf, "Yes, cancel the order", " class=\"danger\"")
                + "<p><a href=\"" + action + "\">No, keep it</a></p>";
        return ShopViews.adminPage(s, base, "Cancel order " + o.displayNumber(), b, csrf);
    }

    /** A printable page: who to send it to and what goes in the parcel, without prices. */
    static String packingSlip(StoreSettings s, String base, Order o) {
        StringBuilder b = new StringBuilder("<p class=\"noprint\"><a href=\"").append(esc(base))
                .append("/admin/orders/").append(o.code()).append("\">Back to the order</a> · use your browser's "
                        + "Print command</p><h1>").append(esc(s.name())).append(" — packing slip</h1>");
        if (!s.contact().address().isBlank()) {
            b.append("<p class=\"muted\">From: ").append(Html.multiline(s.contact().address())).append("</p>");
        }
        b.append("<p><strong>Order ").append(esc(o.displayNumber())).append("</strong> · placed ")
                .append(WHEN.format(o.placedAt())).append("</p><h2>Ship to</h2><p class=\"ship-to\">")
                .append(esc(o.customerName())).append("<br>")
                .append(Html.multiline(String.join("\n", o.address().lines()))).append("<br>")
                .append(esc(o.contact().phone())).append("</p>");
        if (!o.shippingMethod().isBlank()) {
            b.append("<p>Shipping: ").append(esc(o.shippingMethod())).append("</p>");
        }
        b.append("<table><thead><tr><th>SKU</th><th>Item</th><th>Qty</th><th>Packed</th></tr></thead><tbody>");
        for (OrderLine line : o.lines()) {
            b.append("<tr><td>").append(esc(line.sku())).append("</td><td>").append(esc(line.description()))
                    .append("</td><td>").append(line.quantity()).append("</td><td>☐</td></tr>");
        }
        b.append("</tbody></table>");
        if (!o.notes().isBlank()) {
            b.append("<h2>Notes</h2><p>").append(Html.multiline(o.notes())).append("</p>");
        }
        String print = "<style>@media print{header,.noprint{display:none}body{background:#fff}main{max-width:none}"
                + "a{color:inherit;text-decoration:none}}</style>";
        return Pages.page(s.language(), "Packing slip " + o.displayNumber() + " · " + s.name(), print,
                "<a href=\"" + esc(base) + "/admin\">" + esc(s.name()) + " · admin</a>", b.toString());
    }

    static String payments(StoreSettings s, String base, String maskedSecretKey, String maskedWebhookSecret,
            String webhookUrl, String error, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Card payments (Stripe)</h1>")
                .append("<p>Cash on delivery and bank transfer need nothing here: you mark those orders paid yourself. "
                        + "To take cards, enter your Stripe keys. Shoppers who choose card pay on Stripe's page; "
                        + "an order is marked paid only when Stripe's signed webhook confirms it.</p>")
                .append("<p>In your Stripe dashboard, add a webhook endpoint at <code>").append(esc(webhookUrl))
                .append("</code> for the events <code>checkout.session.completed</code>, "
                        + "<code>checkout.session.async_payment_succeeded</code>, "
                        + "<code>checkout.session.async_payment_failed</code> and <code>charge.refunded</code>, "
                        + "then copy its signing secret (whsec_…) here.</p>");
        if (maskedSecretKey != null) {
            b.append("<p class=\"ok\">Stored: secret key <code>").append(esc(maskedSecretKey))
                    .append("</code>, webhook secret <code>").append(esc(maskedWebhookSecret))
                    .append("</code>. Enter both again to replace them.</p>");
        } else {
            b.append("<p class=\"muted\">No Stripe keys stored: card payment is off.</p>");
        }
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"").append(esc(base)).append("/admin/stripe\" autocomplete=\"off\">")
                .append(Csrf.field(csrf))
                .append(Pages.field("secretKey", "Secret key (sk_live_… or sk_test_…)", "password", "",
                        "maxlength=\"255\" required"))
                .append(Pages.field("webhookSecret", "Webhook signing secret (whsec_…)", "password", "",
                        "maxlength=\"255\" required"))
                .append("<button type=\"submit\">Save keys</button></form>");
        return ShopViews.adminPage(s, base, "Card payments", b.toString(), csrf);
    }

    static String lines(Order o, boolean withTotals) {
        StringBuilder b = new StringBuilder("<table class=\"lines\"><thead><tr><th>Product</th><th>Qty</th><th>Price</th>"
                + "</tr></thead><tbody>");
        for (OrderLine line : o.lines()) {
            b.append("<tr><td>").append(esc(line.productName()));
            if (line.variantTitle() != null && !line.variantTitle().isBlank()) {
                b.append(" <span class=\"muted\">").append(esc(line.variantTitle())).append("</span>");
            }
            b.append("</td><td>").append(line.quantity()).append("</td><td>").append(esc(line.lineTotal().format()))
                    .append("</td></tr>");
        }
        if (withTotals) {
            b.append("<tr><td colspan=\"2\">Subtotal</td><td>").append(esc(o.subtotal().format())).append("</td></tr>")
                    .append("<tr><td colspan=\"2\">")
                    .append(o.shippingMethod().isBlank() ? "Shipping" : "Delivery: " + esc(o.shippingMethod()))
                    .append("</td><td>").append(o.shipping().minor() == 0 ? "free" : esc(o.shipping().format()))
                    .append("</td></tr>");
        }
        b.append("<tr><th colspan=\"2\">Total</th><th class=\"total\">").append(esc(o.total().format()));
        if (withTotals && o.displayed() != null) {
            // What the shopper saw at the rate of the day; the order is charged in the store's currency.
            b.append(CheckoutViews.approx(o.total(),
                    new io.dukan.core.checkout.DisplayRate(o.displayed().currency(), o.displayed().rate())));
        }
        return b.append("</th></tr></tbody></table>").toString();
    }

    static String paymentLabel(Order o) {
        String method = o.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY ? "COD"
                : o.paymentMethod() == PaymentMethod.BANK_TRANSFER ? "bank transfer" : "card";
        return switch (o.paymentStatus()) {
            case PENDING -> "Unpaid (" + method + ")";
            case PAID -> "Paid (" + method + ")";
            case REFUNDED -> "Refunded";
            case FAILED -> "Payment failed";
        };
    }

    static String fulfilmentLabel(Order o) {
        return switch (o.fulfilmentStatus()) {
            case UNFULFILLED -> "Not shipped";
            case SHIPPED -> "Shipped";
            case DELIVERED -> "Delivered";
            case CANCELLED -> "Cancelled";
        };
    }

    private static String simpleAction(String url, Order o, String csrf, String label, String buttonAttrs) {
        return "<form method=\"post\" action=\"" + url + "\">" + Csrf.field(csrf) + version(o) + "<button type=\"submit\""
                + buttonAttrs + ">" + esc(label) + "</button></form>";
    }

    private static String version(Order o) {
        return "<input type=\"hidden\" name=\"version\" value=\"" + o.version() + "\">";
    }
}
