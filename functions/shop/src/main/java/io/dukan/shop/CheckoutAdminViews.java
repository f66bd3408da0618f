package io.dukan.shop;

import static io.dukan.web.Html.esc;

import io.dukan.web.Csrf;
import io.dukan.web.Pages;
import io.dukan.core.checkout.PaymentSettings;
import io.dukan.core.shipping.ShippingRate;
import io.dukan.core.shipping.ShippingSettings;
import io.dukan.core.shipping.ShippingZone;
import io.dukan.core.shipping.WeightBand;
import io.dukan.core.tenant.StoreSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The owner's shipping, payment and display-currency pages. */
final class CheckoutAdminViews {

    /** Rate rows shown per zone form (a zone holds at most ShippingZone.MAX_RATES). */
    static final int RATE_ROWS = ShippingZone.MAX_RATES;

    private CheckoutAdminViews() {}

    static String shipping(StoreSettings s, String base, ShippingSettings settings, String error, String failedZone,
            Map<String, String> typed, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Shipping</h1>");
        if (!settings.configured()) {
            b.append("<p class=\"ok\">Set your shipping: until you save a zone, shoppers in ")
                    .append(esc(io.dukan.core.shipping.Countries.name(s.country())))
                    .append(" get free delivery and nobody elsewhere can order.</p>");
        }
        b.append("<p class=\"muted\">A zone is a list of countries (two-letter codes, like PK, AE, GB; a region as US:California) "
                + "with its rates. A rate is a flat price, or by weight in bands written 'up to kg = price' (1=250, 5=600); "
                + "either can be free above an order amount. Shoppers see the rates of the zone that names their region, "
                + "else of the zone with their whole country.</p>");
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        for (ShippingZone zone : settings.zones()) {
            boolean failed = zone.id().equals(failedZone);
            b.append("<h2>").append(esc(zone.name())).append("</h2>")
                    .append(zoneForm(s, base, settings.configured() ? zone.id() : "", zone, failed ? typed : null, csrf));
            if (settings.configured()) {
                b.append("<form method=\"post\" action=\"").append(esc(base)).append("/admin/shipping/zones/")
                        .append(esc(zone.id())).append("/delete\">").append(Csrf.field(csrf))
                        .append("<button type=\"submit\">Delete zone ").append(esc(zone.name())).append("</button></form>");
            }
        }
        b.append("<h2>Add a zone</h2>").append(zoneForm(s, base, "", null, "".equals(failedZone) ? typed : null, csrf));
        return ShopViews.adminPage(s, base, "Shipping", b.toString(), csrf);
    }

    private static String zoneForm(StoreSettings s, String base, String zoneId, ShippingZone zone,
            Map<String, String> typed, String csrf) {
        StringBuilder b = new StringBuilder("<form class=\"zone\" method=\"post\" action=\"").append(esc(base))
                .append("/admin/shipping/zones\">").append(Csrf.field(csrf))
                .append("<input type=\"hidden\" name=\"zoneId\" value=\"").append(esc(zoneId)).append("\">")
                .append("<label for=\"").append(id("name", zoneId)).append("\">Zone name</label><input id=\"")
                .append(id("name", zoneId)).append("\" name=\"name\" maxlength=\"80\" required value=\"")
                .append(esc(value(typed, "name", zone == null ? "" : zone.name()))).append("\">")
                .append("<label for=\"").append(id("areas", zoneId)).append("\">Countries</label><textarea id=\"")
                .append(id("areas", zoneId)).append("\" name=\"areas\" maxlength=\"4000\" required>")
                .append(esc(value(typed, "areas", zone == null ? "" : zone.areasText()))).append("</textarea>")
                .append("<table><thead><tr><th>Rate name</th><th>Type</th><th>Price (").append(esc(s.currency()))
                .append(")</th><th>Weight bands (kg = price)</th><th>Free above</th></tr></thead><tbody>");
        List<ShippingRate> rates = zone == null ? List.of() : zone.rates();
        for (int i = 0; i < RATE_ROWS; i++) {
            ShippingRate r = i < rates.size() ? rates.get(i) : null;
            String kind = value(typed, "rate" + i + "Kind", r == null ? "FLAT" : r.kind().name());
            b.append("<tr><td><input type=\"hidden\" name=\"rate").append(i).append("Id\" value=\"")
                    .append(r == null ? "" : esc(r.id())).append("\"><input name=\"rate").append(i)
                    .append("Name\" aria-label=\"Rate name\" maxlength=\"80\" value=\"")
                    .append(esc(value(typed, "rate" + i + "Name", r == null ? "" : r.name()))).append("\"></td>")
                    .append("<td><select name=\"rate").append(i).append("Kind\" aria-label=\"Rate type\">")
                    .append("<option value=\"FLAT\"").append("FLAT".equals(kind) ? " selected" : "").append(">Flat</option>")
                    .append("<option value=\"BY_WEIGHT\"").append("BY_WEIGHT".equals(kind) ? " selected" : "")
                    .append(">By weight</option></select></td><td><input name=\"rate").append(i)
                    .append("Price\" aria-label=\"Price\" inputmode=\"decimal\" value=\"")
                    .append(esc(value(typed, "rate" + i + "Price", r == null || r.kind() != ShippingRate.Kind.FLAT ? ""
                            : r.price().amount()))).append("\"></td><td><input name=\"rate").append(i)
                    .append("Bands\" aria-label=\"Weight bands\" value=\"")
                    .append(esc(value(typed, "rate" + i + "Bands", r == null ? "" : bands(r.bands())))).append("\"></td>")
                    .append("<td><input name=\"rate").append(i).append("FreeAbove\" aria-label=\"Free above\" inputmode=\"decimal\" value=\"")
                    .append(esc(value(typed, "rate" + i + "FreeAbove", r == null || r.freeAbove() == null ? ""
                            : r.freeAbove().amount()))).append("\"></td></tr>");
        }
        return b.append("</tbody></table><button type=\"submit\">").append(zone == null ? "Add zone" : "Save zone")
                .append("</button></form>").toString();
    }

    private static String id(String field, String zoneId) {
        return field + "-" + (zoneId.isEmpty() ? "new" : zoneId);
    }

    private static String value(Map<String, String> typed, String field, String stored) {
        return typed != null ? typed.getOrDefault(field, "") : stored;
    }

    private static String bands(List<WeightBand> bands) {
        return String.join(", ", bands.stream().map(b -> BigDecimal.valueOf(b.upToGrams(), 3).stripTrailingZeros()
                .toPlainString() + "=" + b.price().amount()).toList());
    }

    static String payments(StoreSettings s, String base, PaymentSettings p, String error, String saved, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Payments</h1>");
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        if (saved != null) {
            b.append("<p class=\"ok\">").append(esc(saved)).append("</p>");
        }
        b.append("<p class=\"muted\">You mark an order paid when the cash or the transfer has arrived. Card payments come "
                + "with a payment provider.</p><form method=\"post\" action=\"").append(esc(base)).append("/admin/payments\">")
                .append(Csrf.field(csrf))
                .append("<label><input type=\"checkbox\" name=\"cashOnDelivery\" value=\"on\" style=\"width:auto\"")
                .append(p.cashOnDelivery() ? " checked" : "").append("> Cash on delivery</label>")
                .append("<label><input type=\"checkbox\" name=\"bankTransfer\" value=\"on\" style=\"width:auto\"")
                .append(p.bankTransfer() ? " checked" : "").append("> Bank transfer</label>")
                .append(Pages.field("accountName", "Account name", "text", p.bank().accountName(), "maxlength=\"120\""))
                .append(Pages.field("bankName", "Bank", "text", p.bank().bankName(), "maxlength=\"120\""))
                .append(Pages.field("accountNumber", "Account number or IBAN", "text", p.bank().accountNumber(), "maxlength=\"60\""))
                .append("<label for=\"instructions\">Instructions for shoppers (the order number is shown as the reference)"
                        + "</label><textarea id=\"instructions\" name=\"instructions\" maxlength=\"1000\">")
                .append(esc(p.bank().instructions())).append("</textarea><button type=\"submit\">Save payments</button></form>");
        return ShopViews.adminPage(s, base, "Payments", b.toString(), csrf);
    }

    static String currencies(StoreSettings s, String base, String text, String error, String saved, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Display currencies</h1>");
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        if (saved != null) {
            b.append("<p class=\"ok\">").append(esc(saved)).append("</p>");
        }
        b.append("<p class=\"muted\">Your store sells in ").append(esc(s.currency()))
                .append(". Shoppers may also see approximate prices in the currencies below, at your rates; orders are "
                        + "always charged in ").append(esc(s.currency()))
                .append(" and record the rate shown. One currency per line: its code and how much of it one ")
                .append(esc(s.currency())).append(" buys, like <code>USD 0.0036</code>. Leave empty to turn this off.</p>")
                .append("<form method=\"post\" action=\"").append(esc(base)).append("/admin/currencies\">")
                .append(Csrf.field(csrf))
                .append("<label for=\"rates\">Currencies and rates</label><textarea id=\"rates\" name=\"rates\" maxlength=\"2000\">")
                .append(esc(text)).append("</textarea><button type=\"submit\">Save currencies</button></form>");
        return ShopViews.adminPage(s, base, "Display currencies", b.toString(), csrf);
    }
}
