package io.dukan.shop.settings;

import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.UpdateSettingsCommand;
import io.dukan.shop.web.AdminPages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The owner's settings page (admin/settings.jte). The logo uploads like product images: browser → S3 (admin.js). */
public final class SettingsViews {

    /** {@code values}: what the form shows, field by field; {@code message} is an error when {@code error}. */
    public record Settings(
            Map<String, String> values, String logoUrl, String message, boolean error, List<String> languages) {
        public String value(String field) {
            return values.getOrDefault(field, "");
        }
    }

    private SettingsViews() {}

    /**
     * {@code form} holds what the owner typed when the page is shown again after an error; else the settings, and
     * {@code lowStockThreshold} the store's one low-stock level.
     */
    public static String settings(
            StoreSettings s,
            String base,
            String logoUrl,
            int lowStockThreshold,
            Map<String, String> form,
            String message,
            boolean error,
            String csrf) {
        Map<String, String> values = new HashMap<>();
        values.put("name", s.name());
        values.put("logoKey", s.contact().logoKey());
        values.put("phone", s.contact().phone());
        values.put(
                "whatsapp",
                s.contact().whatsapp().isEmpty() ? "" : "+" + s.contact().whatsapp());
        values.put("email", s.contact().email());
        values.put("address", s.contact().address());
        values.put("currency", s.currency());
        values.put("language", s.language());
        s.extraLanguages().forEach(l -> values.put("lang_" + l, "1"));
        s.descriptions().forEach((l, d) -> values.put("description_" + l, d));
        values.put("lowStockThreshold", Integer.toString(lowStockThreshold));
        values.putAll(form);
        return AdminPages.render(
                "admin/settings.jte",
                AdminPages.chrome(s, base, csrf),
                new Settings(values, logoUrl, message, error, UpdateSettingsCommand.LANGUAGES));
    }
}
