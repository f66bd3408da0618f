package io.dukan.shop;

import static io.dukan.web.Html.esc;

import io.dukan.web.Csrf;
import io.dukan.web.Html;
import io.dukan.web.Pages;
import io.dukan.core.checkout.DisplayRate;
import io.dukan.core.checkout.PaymentSettings;
import io.dukan.core.tenant.StoreSettings;
import java.util.Map;

/** The store's pages, server-rendered, usable without JavaScript. Everything typed by people is escaped. */
final class ShopViews {

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

    static String shopPage(StoreSettings s, String base, String title, String body) {
        String header = "<a href=\"" + esc(base) + "/\">" + esc(s.name()) + "</a><nav><a href=\"" + esc(base)
                + "/cart\">Cart</a></nav>";
        return Pages.page(s.language(), title, header, body);
    }
}
