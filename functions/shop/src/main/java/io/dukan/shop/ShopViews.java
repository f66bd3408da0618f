package io.dukan.shop;

import static io.dukan.web.Html.esc;

import io.dukan.web.Csrf;
import io.dukan.web.Html;
import io.dukan.web.Pages;
import io.dukan.core.account.AuditEntry;
import io.dukan.core.catalog.Product;
import io.dukan.core.checkout.DisplayRate;
import io.dukan.core.checkout.PaymentSettings;
import io.dukan.core.order.Order;
import io.dukan.core.tenant.StoreSettings;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The store's pages, server-rendered, usable without JavaScript. Everything typed by people is escaped. */
final class ShopViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ShopViews() {}

    static String login(StoreSettings s, String base, String error, String email, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Sign in to ").append(esc(s.name())).append("</h1>");
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"").append(esc(base)).append("/admin/login\">").append(Csrf.field(csrf))
                .append(Pages.field("email", "Email", "email", email, "required autocomplete=\"username\""))
                .append(Pages.field("password", "Password", "password", null, "required autocomplete=\"current-password\""))
                .append("<button type=\"submit\">Sign in</button></form>")
                .append("<p><a href=\"").append(esc(base)).append("/admin/reset\">Forgot password?</a></p>");
        return shopPage(s, base, "Sign in", b.toString());
    }

    static String dashboard(StoreSettings s, String base, List<Product> products, List<Order> orders,
            List<AuditEntry> activity, String csrf, boolean mayManageStaff) {
        StringBuilder b = new StringBuilder("<h1>").append(esc(s.name())).append(" · admin</h1>")
                .append("<p>Your store: <a href=\"").append(esc(base)).append("/\">").append(esc(base)).append("/</a></p>")
                .append(mayManageStaff ? "<p><a href=\"" + esc(base) + "/admin/staff\">Staff</a></p>" : "")
                .append("<p>Checkout: <a href=\"").append(esc(base)).append("/admin/shipping\">Shipping</a> · <a href=\"")
                .append(esc(base)).append("/admin/payments\">Payments</a> · <a href=\"").append(esc(base))
                .append("/admin/currencies\">Display currencies</a></p>")
                .append("<h2 id=\"orders\">Orders</h2><p><a href=\"").append(esc(base))
                .append("/admin/orders\">All orders, by status</a> · <a href=\"").append(esc(base))
                .append("/admin/stripe\">Card payments</a></p>");
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

    static String shopPage(StoreSettings s, String base, String title, String body) {
        String header = "<a href=\"" + esc(base) + "/\">" + esc(s.name()) + "</a><nav><a href=\"" + esc(base)
                + "/cart\">Cart</a></nav>";
        return Pages.page(s.language(), title, header, body);
    }

    static String adminPage(StoreSettings s, String base, String title, String body, String csrf) {
        String header = "<a href=\"" + esc(base) + "/admin\">" + esc(s.name()) + " · admin</a><nav>"
                + "<a href=\"" + esc(base) + "/admin/orders\">Orders</a>"
                + "<a href=\"" + esc(base) + "/\">Store</a>"
                + "<a href=\"" + esc(base) + "/admin/settings\">Settings</a>"
                + "<form method=\"post\" action=\"" + esc(base) + "/admin/logout\" style=\"display:inline\">"
                + Csrf.field(csrf)
                + "<button type=\"submit\">Sign out</button></form></nav>";
        return Pages.page(s.language(), title + " · " + s.name(), header, body);
    }
}
