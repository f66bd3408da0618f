package io.dukan.shop.orders;

import io.dukan.core.order.Order;
import io.dukan.core.order.OrderFilter;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.AdminPages;

/**
 * The owner's order pages: the inbox by tab (admin/orders.jte), one order with its actions and history
 * (admin/order.jte), the cancel confirmation (admin/cancel.jte), the packing slip (admin/slip.jte).
 */
public final class OrderAdminViews {

    public record Inbox(OrderFilter filter, Page<Order> page) {}

    /** {@code from}: the store's address, as the owner typed it ("" when none). */
    public record Slip(Order order, String from) {}

    private OrderAdminViews() {}

    public static String inbox(StoreSettings s, String base, OrderFilter filter, Page<Order> page, String csrf) {
        return AdminPages.render("admin/orders.jte", AdminPages.chrome(s, base, csrf), new Inbox(filter, page));
    }

    public static String order(StoreSettings s, String base, Order o, String csrf) {
        return AdminPages.render("admin/order.jte", AdminPages.chrome(s, base, csrf), o);
    }

    /** With the WhatsApp click-to-chat link to the shopper ({@code chat}, null: none). */
    public static String order(StoreSettings s, String base, Order o, String csrf, String chat) {
        return chat == null
                ? order(s, base, o, csrf)
                : AdminPages.render(
                        "admin/order.jte", AdminPages.chrome(s, base, csrf), o, java.util.Map.of("chat", chat));
    }

    public static String confirmCancel(StoreSettings s, String base, Order o, String csrf) {
        return AdminPages.render("admin/cancel.jte", AdminPages.chrome(s, base, csrf), o);
    }

    /** A printable page: who to send it to and what goes in the parcel, without prices. */
    public static String packingSlip(StoreSettings s, String base, Order o) {
        return AdminPages.render(
                "admin/slip.jte",
                AdminPages.bare(s, base),
                new Slip(o, s.contact().address()));
    }
}
