package io.dukan.shop;

import static io.dukan.aws.web.Html.esc;

import io.dukan.aws.web.Csrf;
import io.dukan.aws.web.Html;
import io.dukan.aws.web.Pages;
import io.dukan.core.account.AuditEntry;
import io.dukan.core.catalog.Product;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderLine;
import io.dukan.core.tenant.StoreSettings;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The store's pages, server-rendered, usable without JavaScript. Everything typed by people is escaped. */
final class ShopViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A product with the URL of its image (null when it has none). */
    record ProductView(Product product, String imageUrl) {}

    private ShopViews() {}

    static String home(StoreSettings s, String base, List<ProductView> products, String next) {
        StringBuilder b = new StringBuilder("<h1>").append(esc(s.name())).append("</h1>");
        if (products.isEmpty()) {
            b.append("<p class=\"muted\">No products yet. Please come back soon.</p>");
        } else {
            b.append("<div class=\"grid\">");
            for (ProductView v : products) {
                Product p = v.product();
                b.append("<div class=\"card\"><a href=\"").append(esc(base)).append("/products/").append(p.id().value())
                        .append("\">");
                if (v.imageUrl() != null) {
                    b.append("<img src=\"").append(esc(v.imageUrl())).append("\" alt=\"").append(esc(p.name()))
                            .append("\" loading=\"lazy\" width=\"300\" height=\"300\">");
                }
                b.append("<div class=\"product-name\">").append(esc(p.name())).append("</div><div class=\"price\">")
                        .append(esc(p.price().format())).append("</div>");
                if (!p.inStock()) {
                    b.append("<div class=\"sold\">Sold out</div>");
                }
                b.append("</a></div>");
            }
            b.append("</div>");
        }
        if (next != null) {
            b.append("<p><a class=\"button\" href=\"").append(esc(base)).append("/?after=").append(esc(next))
                    .append("\">More products</a></p>");
        }
        return shopPage(s, base, s.name(), b.toString());
    }

    static String product(StoreSettings s, String base, ProductView v, String error, Map<String, String> form,
            String csrf) {
        Product p = v.product();
        StringBuilder b = new StringBuilder("<div class=\"hero\">");
        if (v.imageUrl() != null) {
            b.append("<img src=\"").append(esc(v.imageUrl())).append("\" alt=\"").append(esc(p.name()))
                    .append("\" width=\"600\" height=\"600\">");
        }
        b.append("</div><h1>").append(esc(p.name())).append("</h1><p class=\"price\">").append(esc(p.price().format()))
                .append("</p><p>").append(Html.multiline(p.description())).append("</p>");
        if (!p.inStock()) {
            b.append("<p class=\"sold\">Sold out</p>");
            return shopPage(s, base, p.name(), b.toString());
        }
        b.append("<p class=\"muted\">").append(p.stock()).append(" in stock</p>");
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        b.append("<h2>Order</h2><form method=\"post\" action=\"").append(esc(base)).append("/orders\">")
                .append(Csrf.field(csrf))
                .append("<input type=\"hidden\" name=\"productId\" value=\"").append(p.id().value()).append("\">")
                .append(Pages.field("quantity", "Quantity", "number", form.getOrDefault("quantity", "1"),
                        "min=\"1\" max=\"" + Math.min(p.stock(), 1000) + "\" required"))
                .append(Pages.field("name", "Your name", "text", form.get("name"), "maxlength=\"120\" required autocomplete=\"name\""))
                .append(Pages.field("phone", "Phone", "tel", form.get("phone"), "maxlength=\"30\" required autocomplete=\"tel\""))
                .append("<label for=\"address\">Delivery address</label><textarea id=\"address\" name=\"address\" maxlength=\"500\" required>")
                .append(esc(form.get("address"))).append("</textarea>")
                .append("<label>Payment</label><label class=\"muted\"><input type=\"radio\" name=\"paymentMethod\" "
                        + "value=\"CASH_ON_DELIVERY\" checked style=\"width:auto\"> Cash on delivery</label>")
                .append("<button type=\"submit\">Place order</button></form>");
        return shopPage(s, base, p.name(), b.toString());
    }

    static String orderPlaced(StoreSettings s, String base, Order o) {
        String b = "<p class=\"ok\">Thank you! Your order has been placed.</p><h1>Order " + esc(o.displayNumber())
                + "</h1>" + orderDetails(o)
                + "<p>Pay <strong>" + esc(o.total().format()) + "</strong> in cash when it is delivered.</p>"
                + "<p class=\"muted\">Keep this page's address to check your order later.</p>"
                + "<p><a href=\"" + esc(base) + "/\">Continue shopping</a></p>";
        return shopPage(s, base, "Order " + o.displayNumber(), b);
    }

    static String login(StoreSettings s, String base, String error, String email, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Sign in to ").append(esc(s.name())).append("</h1>");
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"").append(esc(base)).append("/admin/login\">").append(Csrf.field(csrf))
                .append(Pages.field("email", "Email", "email", email, "required autocomplete=\"username\""))
                .append(Pages.field("password", "Password", "password", null, "required autocomplete=\"current-password\""))
                .append("<button type=\"submit\">Sign in</button></form>");
        return shopPage(s, base, "Sign in", b.toString());
    }

    static String dashboard(StoreSettings s, String base, List<Product> products, List<Order> orders,
            List<AuditEntry> activity, String csrf) {
        StringBuilder b = new StringBuilder("<h1>").append(esc(s.name())).append(" · admin</h1>")
                .append("<p>Your store: <a href=\"").append(esc(base)).append("/\">").append(esc(base)).append("/</a></p>")
                .append("<h2 id=\"orders\">Orders</h2>");
        if (orders.isEmpty()) {
            b.append("<p class=\"muted\">No orders yet.</p>");
        } else {
            b.append("<table><thead><tr><th>Order</th><th>Customer</th><th>Total</th><th>Placed</th></tr></thead><tbody>");
            for (Order o : orders) {
                b.append("<tr><td><a href=\"").append(esc(base)).append("/admin/orders/").append(o.code()).append("\">")
                        .append(esc(o.displayNumber())).append("</a></td><td>").append(esc(o.customerName()))
                        .append("</td><td>").append(esc(o.total().format())).append("</td><td>")
                        .append(WHEN.format(o.placedAt())).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("<h2 id=\"products\">Products</h2><p><a class=\"button\" href=\"").append(esc(base))
                .append("/admin/products/new\">Add a product</a> <a href=\"").append(esc(base))
                .append("/admin/products\">All products</a> · <a href=\"").append(esc(base))
                .append("/admin/collections\">Collections</a> · <a href=\"").append(esc(base))
                .append("/admin/catalog/import\">Import spreadsheet</a></p>");
        if (!products.isEmpty()) {
            b.append("<table><thead><tr><th>Product</th><th>Price</th><th>Stock</th></tr></thead><tbody>");
            for (Product p : products) {
                b.append("<tr data-product-id=\"").append(p.id().value()).append("\"><td><a href=\"").append(esc(base))
                        .append("/admin/products/").append(p.id().value()).append("/edit\">").append(esc(p.name()))
                        .append("</a></td><td>").append(esc(p.price().format())).append("</td><td class=\"stock\">")
                        .append(p.stock()).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        if (!activity.isEmpty()) {
            b.append("<h2 id=\"activity\">Activity</h2><table><tbody>");
            for (AuditEntry e : activity) {
                b.append("<tr><td>").append(WHEN.format(e.at())).append("</td><td>").append(esc(e.actor()))
                        .append("</td><td>").append(esc(e.action())).append(' ').append(esc(e.subject()))
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        return adminPage(s, base, "Admin", b.toString(), csrf);
    }

    static String adminOrder(StoreSettings s, String base, Order o, String csrf) {
        String b = "<h1>Order " + esc(o.displayNumber()) + "</h1>" + orderDetails(o)
                + "<table><tbody><tr><th>Customer</th><td>" + esc(o.customerName()) + "</td></tr><tr><th>Phone</th><td>"
                + esc(o.contact().phone()) + "</td></tr><tr><th>Address</th><td>" + Html.multiline(String.join("\n", o.address().lines()))
                + "</td></tr><tr><th>Payment</th><td>Cash on delivery</td></tr><tr><th>Placed</th><td>"
                + WHEN.format(o.placedAt()) + "</td></tr></tbody></table><p><a href=\"" + esc(base)
                + "/admin\">Back to admin</a></p>";
        return adminPage(s, base, "Order " + o.displayNumber(), b, csrf);
    }

    private static String orderDetails(Order o) {
        StringBuilder b = new StringBuilder("<table><thead><tr><th>Product</th><th>Qty</th><th>Price</th></tr></thead><tbody>");
        for (OrderLine line : o.lines()) {
            b.append("<tr><td>").append(esc(line.description())).append("</td><td>").append(line.quantity())
                    .append("</td><td>").append(esc(line.lineTotal().format())).append("</td></tr>");
        }
        return b.append("<tr><th colspan=\"2\">Total</th><th class=\"total\">").append(esc(o.total().format()))
                .append("</th></tr></tbody></table>").toString();
    }

    private static String shopPage(StoreSettings s, String base, String title, String body) {
        String header = "<a href=\"" + esc(base) + "/\">" + esc(s.name()) + "</a>";
        return Pages.page(s.language(), title, header, body);
    }

    static String adminPage(StoreSettings s, String base, String title, String body, String csrf) {
        String header = "<a href=\"" + esc(base) + "/admin\">" + esc(s.name()) + " · admin</a><nav>"
                + "<a href=\"" + esc(base) + "/\">Store</a>"
                + "<form method=\"post\" action=\"" + esc(base) + "/admin/logout\" style=\"display:inline\">"
                + Csrf.field(csrf)
                + "<button type=\"submit\">Sign out</button></form></nav>";
        return Pages.page(s.language(), title + " · " + s.name(), header, body);
    }
}
