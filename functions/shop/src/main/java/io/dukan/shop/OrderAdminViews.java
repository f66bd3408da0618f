package io.dukan.shop;

import static io.dukan.web.Html.esc;

import io.dukan.core.order.Order;
import io.dukan.core.order.OrderFilter;
import io.dukan.core.order.OrderLine;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.StoreSettings;

/**
 * The owner's order pages: the inbox by tab (admin/orders.jte), one order with its actions and history
 * (admin/order.jte), the cancel confirmation (admin/cancel.jte), the packing slip (admin/slip.jte), and the card
 * payments page (admin/stripe.jte).
 */
public final class OrderAdminViews {

    public record Inbox(OrderFilter filter, Page<Order> page) {}

    /** {@code from}: the store's address, as the owner typed it ("" when none). */
    public record Slip(Order order, String from) {}

    public record Stripe(String maskedSecretKey, String maskedWebhookSecret, String webhookUrl, String error) {}

    private OrderAdminViews() {}

    static String inbox(StoreSettings s, String base, OrderFilter filter, Page<Order> page, String csrf) {
        return AdminPages.render("admin/orders.jte", AdminPages.chrome(s, base, csrf), new Inbox(filter, page));
    }

    static String order(StoreSettings s, String base, Order o, String csrf) {
        return AdminPages.render("admin/order.jte", AdminPages.chrome(s, base, csrf), o);
    }

    static String confirmCancel(StoreSettings s, String base, Order o, String csrf) {
        return AdminPages.render("admin/cancel.jte", AdminPages.chrome(s, base, csrf), o);
    }

    /** A printable page: who to send it to and what goes in the parcel, without prices. */
    static String packingSlip(StoreSettings s, String base, Order o) {
        return AdminPages.render("admin/slip.jte", AdminPages.bare(s, base), new Slip(o, s.contact().address()));
    }

    static String payments(StoreSettings s, String base, String maskedSecretKey, String maskedWebhookSecret,
            String webhookUrl, String error, String csrf) {
        return AdminPages.render("admin/stripe.jte", AdminPages.chrome(s, base, csrf),
                new Stripe(maskedSecretKey, maskedWebhookSecret, webhookUrl, error));
    }
}
