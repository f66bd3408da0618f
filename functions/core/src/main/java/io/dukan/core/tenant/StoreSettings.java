package io.dukan.core.tenant;

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
        StoreContact contact) {

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
