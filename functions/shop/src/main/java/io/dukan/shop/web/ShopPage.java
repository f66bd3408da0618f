package io.dukan.shop.web;

import io.dukan.core.checkout.DisplayRate;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.web.i18n.StoreLocale;
import java.util.List;

/**
 * What the layout of every shopper page needs: the store's words and formats ({@code t}), its name, the base path
 * links start with, the page's title and meta description, SEO tags (null on pages search engines should not
 * list), the logo (null: none), the display currency the shopper chose (null: none), the currency switcher (null
 * when the owner enabled none), the store's contact for the footer and how many things are in the shopper's cart
 * (the header's cart link shows it).
 */
public record ShopPage(
        StoreLocale t,
        String storeName,
        String base,
        String title,
        String description,
        Seo seo,
        String logoUrl,
        DisplayRate shown,
        CurrencySwitch currency,
        StoreSettings.StoreContact contact,
        Languages languages,
        long cartCount) {

    /** A page without language links (error pages before the store is known). */
    public ShopPage(
            StoreLocale t,
            String storeName,
            String base,
            String title,
            String description,
            Seo seo,
            String logoUrl,
            DisplayRate shown,
            CurrencySwitch currency,
            StoreSettings.StoreContact contact) {
        this(t, storeName, base, title, description, seo, logoUrl, shown, currency, contact, null, 0);
    }

    /**
     * The page in the store's other languages: {@code alternates} (hreflang → absolute URL, the primary's also as
     * x-default), the language links ({@code links}: own name → relative URL, the page's own language marked by
     * {@code current}) and the banner suggesting the browser's language (null: none).
     */
    public record Languages(String current, List<Link> alternates, String xDefault, List<Link> links, Banner banner) {}

    public record Link(String lang, String name, String href) {}

    /** "This shop is also in 中文": the offer in the offered language's own words and direction. */
    public record Banner(
            String lang, String dir, String text, String go, String href, String dismiss, String dismissHref) {}

    /** Canonical address, Open Graph type and image, a JSON-LD document (already safe in a script) and whether the page loads shop.js. */
    public record Seo(String canonical, String ogType, String ogImage, String jsonLd, boolean script) {}

    /** The display-currency form: where it comes back to and the currencies the owner enabled. */
    public record CurrencySwitch(String back, List<String> currencies, String selected, String csrf) {}

    /** Money in the store's locale. */
    public String money(Money money) {
        return t.money(money);
    }

    /** "≈ 12.40 USD" for an amount in the store's currency; "" when the shopper chose no display currency. */
    public String approx(Money amount) {
        return shown == null || amount == null ? "" : shown.approximate(amount);
    }

    public boolean hasContact() {
        return contact != null
                && !(contact.phone().isEmpty()
                        && contact.whatsapp().isEmpty()
                        && contact.email().isEmpty()
                        && contact.address().isEmpty());
    }

    public ShopPage withSeo(Seo seo) {
        return new ShopPage(
                t, storeName, base, title, description, seo, logoUrl, shown, currency, contact, languages, cartCount);
    }
}
