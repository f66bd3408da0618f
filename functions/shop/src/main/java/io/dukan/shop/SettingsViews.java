package io.dukan.shop;

import static io.dukan.web.Html.esc;

import io.dukan.web.Csrf;
import io.dukan.web.Pages;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.UpdateSettingsCommand;
import java.util.Map;

/** The owner's settings page. The logo uploads like product images: browser → S3 by presigned PUT (admin.js). */
final class SettingsViews {

    private static final Map<String, String> LANGUAGE_NAMES = Map.of("en", "English", "ur", "اردو (Urdu)",
            "ar", "العربية (Arabic)", "zh", "中文 (Chinese)", "fr", "Français (French)", "es", "Español (Spanish)");

    private SettingsViews() {}

    /** {@code form} holds what the owner typed when the page is shown again after an error; else the settings. */
    static String settings(StoreSettings s, String base, String logoUrl, Map<String, String> form, String message,
            boolean error, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Store settings</h1>");
        if (message != null) {
            b.append("<p class=\"").append(error ? "error\" role=\"alert" : "ok").append("\">").append(esc(message))
                    .append("</p>");
        }
        String logoKey = form.getOrDefault("logoKey", s.contact().logoKey());
        String language = form.getOrDefault("language", s.language());
        b.append("<form id=\"settings-form\" method=\"post\" action=\"").append(esc(base)).append("/admin/settings\" ")
                .append("data-upload-url=\"").append(esc(base)).append("/admin/uploads\">").append(Csrf.field(csrf))
                .append(Pages.field("name", "Store name", "text", form.getOrDefault("name", s.name()), "maxlength=\"80\" required"))
                .append("<label for=\"image\">Logo (JPEG, PNG, WebP or GIF, up to 10 MB)</label>");
        if (logoUrl != null) {
            b.append("<p><img src=\"").append(esc(logoUrl)).append("\" alt=\"Current logo\" height=\"48\"></p>")
                    .append("<label class=\"muted\"><input type=\"checkbox\" name=\"removeLogo\" value=\"1\" style=\"width:auto\">")
                    .append(" Remove the logo</label>");
        }
        b.append("<input id=\"image\" type=\"file\" accept=\"image/jpeg,image/png,image/webp,image/gif\">")
                .append("<input type=\"hidden\" id=\"imageKey\" name=\"logoKey\" value=\"").append(esc(logoKey)).append("\">")
                .append("<p class=\"muted\" id=\"upload-status\">The logo goes straight to storage; uploading needs JavaScript.</p>")
                .append(Pages.field("phone", "Contact phone", "tel", form.getOrDefault("phone", s.contact().phone()),
                        "maxlength=\"30\" autocomplete=\"tel\""))
                .append(Pages.field("whatsapp", "WhatsApp number (with country code, e.g. +92 300 1234567)", "tel",
                        form.getOrDefault("whatsapp", s.contact().whatsapp().isEmpty() ? "" : "+" + s.contact().whatsapp()),
                        "maxlength=\"30\""))
                .append(Pages.field("email", "Contact e-mail", "email", form.getOrDefault("email", s.contact().email()),
                        "maxlength=\"254\""))
                .append("<label for=\"address\">Address shown to shoppers</label><textarea id=\"address\" name=\"address\" maxlength=\"500\">")
                .append(esc(form.getOrDefault("address", s.contact().address()))).append("</textarea>")
                .append(Pages.field("currency", "Currency (ISO 4217, e.g. PKR, CNY, USD)", "text",
                        form.getOrDefault("currency", s.currency()), "maxlength=\"3\" required pattern=\"[A-Za-z]{3}\""))
                .append("<p class=\"muted\">Prices are kept in the currency's smallest unit, so the currency can only "
                        + "change while the store has no products.</p>")
                .append("<label for=\"language\">Storefront language</label><select id=\"language\" name=\"language\">");
        for (String code : UpdateSettingsCommand.LANGUAGES) {
            b.append("<option value=\"").append(code).append('"').append(code.equals(language) ? " selected" : "")
                    .append('>').append(esc(LANGUAGE_NAMES.get(code))).append("</option>");
        }
        b.append("</select><button type=\"submit\">Save settings</button></form>")
                .append("<script src=\"").append(esc(base)).append("/assets/admin.js\" defer></script>");
        return ShopViews.adminPage(s, base, "Settings", b.toString(), csrf);
    }
}
