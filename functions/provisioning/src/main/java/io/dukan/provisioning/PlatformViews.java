package io.dukan.provisioning;

import static io.dukan.web.Html.esc;

import io.dukan.web.Csrf;
import io.dukan.web.Pages;
import io.dukan.web.i18n.Language;
import java.util.Map;

/** The platform's own pages: the front page and signup (a store's status: status.jte). */
final class PlatformViews {

    static final String CURRENCIES = "PKR CNY USD EUR GBP INR BDT LKR NPR AED SAR QAR TRY IDR MYR PHP VND THB NGN KES GHS EGP MAD ZAR BRL MXN";

    private PlatformViews() {}

    static String front(String root) {
        String body = "<h1>Your shop online in a minute</h1><p>Sell to your customers with cash on delivery or bank "
                + "transfer, in your currency and language. No card processor needed.</p>"
                + "<p><a class=\"button\" href=\"" + esc(root) + "/signup\">Open your store</a></p>";
        return page(root, "Dukan", body);
    }

    static String signup(String root, String idempotencyKey, String error, Map<String, String> form, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Open your store</h1>");
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"").append(esc(root)).append("/signup\">").append(Csrf.field(csrf))
                .append("<input type=\"hidden\" name=\"idempotencyKey\" value=\"").append(esc(idempotencyKey)).append("\">")
                .append(Pages.field("storeName", "Store name", "text", form.get("storeName"), "maxlength=\"80\" required"))
                .append(Pages.field("slug", "Store address (lowercase letters, digits, hyphens)", "text", form.get("slug"),
                        "minlength=\"3\" maxlength=\"40\" pattern=\"[a-z0-9][a-z0-9-]{1,38}[a-z0-9]\" required"))
                .append(Pages.field("ownerEmail", "Your email", "email", form.get("ownerEmail"), "maxlength=\"254\" required autocomplete=\"email\""))
                .append(Pages.field("password", "Password (at least 10 characters)", "password", null,
                        "minlength=\"10\" required autocomplete=\"new-password\""))
                .append(Pages.field("currency", "Currency (ISO 4217)", "text", form.getOrDefault("currency", "USD"),
                        "list=\"currencies\" maxlength=\"3\" required"))
                .append(datalist("currencies", CURRENCIES))
                .append(Pages.field("country", "Country (ISO 3166, two letters)", "text", form.get("country"),
                        "maxlength=\"2\" required placeholder=\"PK\""))
                .append(languageChoice(form.getOrDefault("language", "en")))
                .append("<button type=\"submit\">Create my store</button></form>");
        return page(root, "Open your store", b.toString());
    }

    /** Exactly the languages the platform's pages and mail exist in (Language.all()), each named in itself. */
    private static String languageChoice(String chosen) {
        StringBuilder b = new StringBuilder("<label for=\"language\">Language</label>"
                + "<select id=\"language\" name=\"language\" required>");
        for (Language language : Language.all()) {
            b.append("<option value=\"").append(language.code()).append('"')
                    .append(language.code().equals(chosen) ? " selected" : "")
                    .append(" lang=\"").append(language.code()).append("\">").append(esc(language.nativeName()))
                    .append("</option>");
        }
        return b.append("</select>").toString();
    }

    private static String datalist(String id, String values) {
        StringBuilder b = new StringBuilder("<datalist id=\"").append(id).append("\">");
        for (String v : values.split(" ")) {
            b.append("<option value=\"").append(v).append("\">");
        }
        return b.append("</datalist>").toString();
    }

    private static String page(String root, String title, String body) {
        return Pages.page("en", title, header(root), body);
    }

    private static String header(String root) {
        return "<a href=\"" + esc(root) + "/\">Dukan</a><nav><a href=\"" + esc(root) + "/signup\">Open a store</a></nav>";
    }
}
