package io.dukan.core.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the shop function needs to know of its own store, kept in the store's partition. {@code contact} holds what
 * the owner shows shoppers (phone, WhatsApp, address, logo); its fields are "" until the owner sets them.
 */
public record StoreSettings(
        TenantId tenantId,
        Slug slug,
        String name,
        String currency,
        String country,
        String language,
        StoreContact contact,
        List<String> extraLanguages,
        Map<String, String> descriptions) {

    /** A store in one language, without a description. */
    public StoreSettings(
            TenantId tenantId,
            Slug slug,
            String name,
            String currency,
            String country,
            String language,
            StoreContact contact) {
        this(tenantId, slug, name, currency, country, language, contact, List.of(), Map.of());
    }

    public StoreSettings {
        extraLanguages = extraLanguages == null
                ? List.of()
                : extraLanguages.stream()
                        .filter(l -> !l.equals(language))
                        .distinct()
                        .toList();
        descriptions = descriptions == null ? Map.of() : Map.copyOf(descriptions);
    }

    /** The primary language first, then the extra ones: every language the storefront is shown in. */
    public List<String> languages() {
        List<String> all = new ArrayList<>();
        all.add(language);
        all.addAll(extraLanguages);
        return List.copyOf(all);
    }

    public boolean offers(String lang) {
        return language.equals(lang) || extraLanguages.contains(lang);
    }

    /** The store's description in {@code lang}, else in the primary language, else "". */
    public String description(String lang) {
        String d = descriptions.getOrDefault(lang, "");
        return d.isEmpty() ? descriptions.getOrDefault(language, "") : d;
    }

    /** A new store's settings, before the owner has added contact details. */
    public StoreSettings(TenantId tenantId, Slug slug, String name, String currency, String country, String language) {
        this(tenantId, slug, name, currency, country, language, StoreContact.NONE);
    }

    /**
     * How shoppers reach the store. {@code whatsapp} is the number in international form, digits only (for
     * wa.me links); {@code logoKey} is a media key under the store's prefix, or "".
     */
    public record StoreContact(String phone, String whatsapp, String email, String address, String logoKey) {

        public static final StoreContact NONE = new StoreContact("", "", "", "", "");
    }
}
