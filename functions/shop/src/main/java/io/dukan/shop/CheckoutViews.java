package io.dukan.shop;

import static io.dukan.web.Html.esc;

import io.dukan.web.Csrf;
import io.dukan.web.Html;
import io.dukan.web.Pages;
import io.dukan.core.cart.CartLine;
import io.dukan.core.cart.PricedCart;
import io.dukan.core.checkout.CheckoutService;
import io.dukan.core.checkout.DisplayCurrencies;
import io.dukan.core.checkout.DisplayRate;
import io.dukan.core.checkout.PaymentSettings;
import io.dukan.core.order.Order;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.shared.Money;
import io.dukan.core.shipping.Countries;
import io.dukan.core.shipping.ShippingOption;
import io.dukan.core.tenant.StoreSettings;
import java.util.List;
import java.util.Map;

/** The shopper's cart and checkout pages; server-rendered, usable without JavaScript, everything typed escaped. */
final class CheckoutViews {

    private CheckoutViews() {}

    /** What the checkout form shows: the cart, what was typed, delivery options for the chosen country. */
    record CheckoutPage(PricedCart cart, Map<String, String> typed, List<String> countries, String country,
            List<ShippingOption> options, String shippingProblem, List<PaymentMethod> methods, PaymentSettings payments,
            DisplayRate shown, String token, String csrf, String error) {}

    /** "≈ 12.40 USD" beside a base price, when the shopper chose a display currency. */
    static String approx(Money amount, DisplayRate shown) {
        return shown == null || amount == null ? "" : " <span class=\"muted approx\">" + esc(shown.approximate(amount)) + "</span>";
    }

    static String cart(StoreSettings s, String base, PricedCart cart, DisplayCurrencies currencies, DisplayRate shown,
            String error, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Your cart</h1>");
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        if (cart.isEmpty()) {
            b.append("<p class=\"muted\">Your cart is empty.</p><p><a class=\"button\" href=\"").append(esc(base))
                    .append("/\">Continue shopping</a></p>");
            return ShopViews.shopPage(s, base, "Your cart", b.append(switcher(base, currencies, shown, csrf, "/cart")).toString());
        }
        b.append("<table class=\"cart\"><thead><tr><th>Item</th><th>Qty</th><th>Price</th><th></th></tr></thead><tbody>");
        for (PricedCart.Line line : cart.lines()) {
            String variant = line.variant().id().value();
            b.append("<tr data-variant-id=\"").append(variant).append("\"><td><a href=\"").append(esc(base))
                    .append("/products/").append(line.product().id().value()).append("\">").append(esc(line.description()))
                    .append("</a><div class=\"muted\">").append(esc(line.variant().price().format())).append(" each</div>");
            if (line.exceedsStock()) {
                b.append("<div class=\"sold\">Only ").append(line.variant().stock()).append(" left</div>");
            }
            b.append("</td><td><form method=\"post\" action=\"").append(esc(base)).append("/cart/update\">")
                    .append(Csrf.field(csrf))
                    .append("<input type=\"hidden\" name=\"variantId\" value=\"").append(variant).append("\">")
                    .append("<input name=\"quantity\" type=\"number\" min=\"0\" max=\"1000\" value=\"")
                    .append(line.quantity()).append("\" aria-label=\"Quantity\" style=\"width:5rem\">")
                    .append("<button type=\"submit\" style=\"margin-top:.3rem\">Update</button></form></td><td>")
                    .append(esc(line.total().format())).append(approx(line.total(), shown))
                    .append("</td><td><form method=\"post\" action=\"").append(esc(base)).append("/cart/remove\">")
                    .append(Csrf.field(csrf))
                    .append("<input type=\"hidden\" name=\"variantId\" value=\"").append(variant).append("\">")
                    .append("<button type=\"submit\" style=\"margin-top:0\">Remove</button></form></td></tr>");
        }
        for (CartLine gone : cart.unavailable()) {
            b.append("<tr><td class=\"sold\">An item is no longer sold</td><td>").append(gone.quantity())
                    .append("</td><td></td><td><form method=\"post\" action=\"").append(esc(base)).append("/cart/remove\">")
                    .append(Csrf.field(csrf)).append("<input type=\"hidden\" name=\"variantId\" value=\"")
                    .append(gone.variantId().value()).append("\"><button type=\"submit\" style=\"margin-top:0\">Remove</button>")
                    .append("</form></td></tr>");
        }
        b.append("<tr><th colspan=\"2\">Subtotal</th><th class=\"subtotal\">").append(esc(cart.subtotal().format()))
                .append(approx(cart.subtotal(), shown)).append("</th><th></th></tr></tbody></table>");
        if (shown != null) {
            b.append("<p class=\"muted\">You will be charged in ").append(esc(s.currency())).append("; ")
                    .append(esc(shown.currency())).append(" amounts are approximate.</p>");
        }
        b.append("<p><a class=\"button\" href=\"").append(esc(base)).append("/checkout\">Check out</a> ")
                .append("<a href=\"").append(esc(base)).append("/\">Continue shopping</a></p>")
                .append(switcher(base, currencies, shown, csrf, "/cart"));
        return ShopViews.shopPage(s, base, "Your cart", b.toString());
    }

    /** The display-currency switcher: a small form; empty when the owner enabled none. */
    static String switcher(String base, DisplayCurrencies currencies, DisplayRate shown, String csrf, String back) {
        if (currencies.rates().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<form class=\"currency\" method=\"post\" action=\"").append(esc(base))
                .append("/currency\">").append(Csrf.field(csrf))
                .append("<input type=\"hidden\" name=\"back\" value=\"").append(esc(back)).append("\">")
                .append("<label for=\"display-currency\">Show prices in</label><select id=\"display-currency\" name=\"currency\">")
                .append("<option value=\"\">Store currency</option>");
        for (DisplayRate r : currencies.rates()) {
            b.append("<option value=\"").append(esc(r.currency())).append("\"")
                    .append(shown != null && shown.currency().equals(r.currency()) ? " selected" : "").append(">")
                    .append(esc(r.currency())).append("</option>");
        }
        return b.append("</select><button type=\"submit\">Show</button></form>").toString();
    }

    static String checkout(StoreSettings s, String base, CheckoutPage p) {
        Map<String, String> t = p.typed();
        StringBuilder b = new StringBuilder("<h1>Checkout</h1>");
        if (p.error() != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(p.error())).append("</p>");
        }
        b.append(summary(p.cart(), p.shown()));
        b.append("<form method=\"post\" action=\"").append(esc(base)).append("/checkout/place\">")
                .append(Csrf.field(p.csrf()))
                .append("<input type=\"hidden\" name=\"checkoutToken\" value=\"").append(esc(p.token())).append("\">")
                .append("<input type=\"hidden\" name=\"displayCurrency\" value=\"")
                .append(p.shown() == null ? "" : esc(p.shown().currency())).append("\">")
                .append("<h2>Contact</h2>")
                .append(Pages.field("name", "Your name", "text", t.get("name"), "maxlength=\"120\" required autocomplete=\"name\""))
                .append(Pages.field("phone", "Phone", "tel", t.get("phone"), "maxlength=\"30\" required autocomplete=\"tel\""))
                .append(Pages.field("email", "Email (optional)", "email", t.get("email"), "maxlength=\"254\" autocomplete=\"email\""))
                .append("<h2>Delivery address</h2>")
                .append(Pages.field("line1", "Address", "text", t.get("line1"),
                        "maxlength=\"500\" required autocomplete=\"address-line1\""))
                .append(Pages.field("line2", "Address line 2 (optional)", "text", t.get("line2"),
                        "maxlength=\"200\" autocomplete=\"address-line2\""))
                .append(Pages.field("city", "City / town", "text", t.get("city"),
                        "maxlength=\"100\" required autocomplete=\"address-level2\""))
                .append(Pages.field("region", "State / province / region (if any)", "text", t.get("region"),
                        "maxlength=\"100\" autocomplete=\"address-level1\""))
                .append(Pages.field("postcode", "Postcode (if any)", "text", t.get("postcode"),
                        "maxlength=\"20\" autocomplete=\"postal-code\""))
                .append("<label for=\"country\">Country</label><select id=\"country\" name=\"country\" autocomplete=\"country\">");
        for (String code : p.countries()) {
            b.append("<option value=\"").append(esc(code)).append("\"").append(code.equals(p.country()) ? " selected" : "")
                    .append(">").append(esc(Countries.name(code))).append("</option>");
        }
        b.append("</select><button type=\"submit\" formaction=\"").append(esc(base))
                .append("/checkout\" formnovalidate>Update delivery options</button>")
                .append("<h2>Delivery</h2>");
        if (p.shippingProblem() != null) {
            b.append("<p class=\"error\">").append(esc(p.shippingProblem())).append("</p>");
        }
        if (p.options() != null) {
            String chosen = t.getOrDefault("shipping", p.options().isEmpty() ? "" : p.options().get(0).rateId());
            for (ShippingOption o : p.options()) {
                b.append("<label class=\"choice\"><input type=\"radio\" name=\"shipping\" value=\"").append(esc(o.rateId()))
                        .append("\"").append(o.rateId().equals(chosen) ? " checked" : "").append(" style=\"width:auto\"> ")
                        .append(esc(o.label())).append(" — ")
                        .append(o.price().minor() == 0 ? "free" : esc(o.price().format())).append(approx(o.price(), p.shown()))
                        .append("</label>");
            }
            if (!p.options().isEmpty()) {
                Money total = p.cart().subtotal().plus(p.options().stream().filter(o -> o.rateId().equals(chosen))
                        .findFirst().orElse(p.options().get(0)).price());
                b.append("<p>Total with delivery: <strong class=\"total\">").append(esc(total.format())).append("</strong>")
                        .append(approx(total, p.shown())).append("</p>");
            }
        }
        b.append("<label for=\"notes\">Order notes (optional)</label><textarea id=\"notes\" name=\"notes\" maxlength=\"1000\">")
                .append(esc(t.get("notes"))).append("</textarea><h2>Payment</h2>");
        String method = t.getOrDefault("paymentMethod", p.methods().isEmpty() ? "" : p.methods().get(0).name());
        for (PaymentMethod m : p.methods()) {
            b.append("<label class=\"choice\"><input type=\"radio\" name=\"paymentMethod\" value=\"").append(m.name())
                    .append("\"").append(m.name().equals(method) ? " checked" : "").append(" style=\"width:auto\"> ")
                    .append(esc(capitalised(CheckoutService.label(m)))).append("</label>");
            if (m == PaymentMethod.BANK_TRANSFER) {
                b.append("<div class=\"muted bank\">").append(bankDetails(p.payments().bank(), null)).append("</div>");
            }
        }
        if (p.shown() != null) {
            b.append("<p class=\"muted\">You will be charged in ").append(esc(s.currency())).append(" (")
                    .append(esc(p.shown().currency())).append(" amounts are approximate).</p>");
        }
        b.append("<button type=\"submit\">Place order</button></form>");
        return ShopViews.shopPage(s, base, "Checkout", b.toString());
    }

    private static String summary(PricedCart cart, DisplayRate shown) {
        StringBuilder b = new StringBuilder("<table class=\"summary\"><tbody>");
        for (PricedCart.Line line : cart.lines()) {
            b.append("<tr><td>").append(esc(line.description())).append(" × ").append(line.quantity()).append("</td><td>")
                    .append(esc(line.total().format())).append(approx(line.total(), shown)).append("</td></tr>");
        }
        return b.append("<tr><th>Subtotal</th><th>").append(esc(cart.subtotal().format())).append(approx(cart.subtotal(), shown))
                .append("</th></tr></tbody></table>").toString();
    }

    /** What the shopper must do to pay, on the order's page: bank details with the order number as the reference. */
    static String paymentInstructions(Order o, PaymentSettings payments) {
        return switch (o.paymentMethod()) {
            case CASH_ON_DELIVERY -> "<p>Pay <strong>" + esc(o.total().format()) + "</strong> in cash when it is delivered.</p>";
            case BANK_TRANSFER -> "<div class=\"bank\"><p>Please transfer <strong>" + esc(o.total().format())
                    + "</strong> to:</p>" + bankDetails(payments.bank(), o.displayNumber()) + "</div>";
            case CARD -> "<p>Payment by card: <strong>" + esc(o.paymentStatus().name().toLowerCase(java.util.Locale.ROOT))
                    + "</strong>.</p>";
        };
    }

    private static String bankDetails(PaymentSettings.BankTransferDetails bank, String reference) {
        StringBuilder b = new StringBuilder("<table class=\"bank-details\"><tbody>");
        row(b, "Account name", bank.accountName());
        row(b, "Bank", bank.bankName());
        row(b, "Account number / IBAN", bank.accountNumber());
        row(b, "Reference", reference == null ? "your order number (shown after you order)" : reference);
        b.append("</tbody></table>");
        if (!bank.instructions().isEmpty()) {
            b.append("<p>").append(Html.multiline(bank.instructions())).append("</p>");
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String label, String value) {
        if (value != null && !value.isEmpty()) {
            b.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
