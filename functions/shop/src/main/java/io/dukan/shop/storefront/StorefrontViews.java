package io.dukan.shop.storefront;

import static io.dukan.web.Html.esc;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.Variant;
import io.dukan.web.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the storefront's templates cannot say in markup: the schema.org JSON-LD (through {@link Json#write}, which
 * writes "<" as \u003c so a name cannot close the script element), meta descriptions, the sitemap and robots.txt.
 * The pages themselves are jte templates (src/main/jte, {@link io.dukan.shop.web.ShopPages}).
 */
public final class StorefrontViews {

    static final int DESCRIPTION_MAX = 160;

    private StorefrontViews() {}

    /** schema.org Product with one Offer per variant; safe inside a script element (see class comment). */
    public static String productJsonLd(Product p, List<String> imageUrls, String canonical, String description) {
        return productJsonLd(p, imageUrls, canonical, description, null, java.util.Locale.ENGLISH);
    }

    /**
     * The same in the page's language ({@code inLanguage}), with the trade facts a buyer abroad and a search engine
     * use: country of origin (named in that language and by code), the heaviest variant's weight and the HS code.
     */
    public static String productJsonLd(
            Product p,
            List<String> imageUrls,
            String canonical,
            String description,
            String language,
            java.util.Locale locale) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", "https://schema.org");
        doc.put("@type", "Product");
        doc.put("name", p.name());
        doc.put("description", description);
        if (language != null) {
            doc.put("inLanguage", language);
        }
        doc.put("sku", p.defaultVariant().sku());
        if (!p.originCountry().isEmpty()) {
            Map<String, Object> origin = new LinkedHashMap<>();
            origin.put("@type", "Country");
            origin.put("name", TradeFacts.countryName(p.originCountry(), locale));
            origin.put("identifier", p.originCountry());
            doc.put("countryOfOrigin", origin);
        }
        if (p.maxWeightGrams() > 0) {
            Map<String, Object> weight = new LinkedHashMap<>();
            weight.put("@type", "QuantitativeValue");
            weight.put("value", p.maxWeightGrams());
            weight.put("unitCode", "GRM");
            doc.put("weight", weight);
        }
        if (!p.hsCode().isEmpty()) {
            Map<String, Object> hs = new LinkedHashMap<>();
            hs.put("@type", "PropertyValue");
            hs.put("name", "HS code");
            hs.put("value", p.hsCode());
            doc.put("additionalProperty", List.of(hs));
        }
        doc.put("url", canonical);
        if (!imageUrls.isEmpty()) {
            doc.put("image", imageUrls);
        }
        List<Object> offers = new ArrayList<>();
        for (Variant v : p.variants()) {
            Map<String, Object> offer = new LinkedHashMap<>();
            offer.put("@type", "Offer");
            offer.put("sku", v.sku());
            if (!v.title().isEmpty()) {
                offer.put("name", v.title());
            }
            offer.put("price", v.price().amount());
            offer.put("priceCurrency", v.price().currency());
            offer.put(
                    "availability",
                    v.stock() > 0
                            ? "https://schema.org/InStock"
                            : p.sellWhenSoldOut() ? "https://schema.org/BackOrder" : "https://schema.org/OutOfStock");
            offer.put("url", canonical);
            offers.add(offer);
        }
        doc.put("offers", offers);
        return Json.write(doc);
    }

    /** Plain text for a meta description: whitespace collapsed, cut at a word boundary. */
    static String description(String text, String fallback) {
        String plain = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        if (plain.isEmpty()) {
            return fallback;
        }
        if (plain.length() <= DESCRIPTION_MAX) {
            return plain;
        }
        String cut = plain.substring(0, DESCRIPTION_MAX - 1);
        int space = cut.lastIndexOf(' ');
        return (space > DESCRIPTION_MAX / 2 ? cut.substring(0, space) : cut) + "…";
    }

    static String sitemap(List<String> urls) {
        StringBuilder b = new StringBuilder(urls.size() * 90 + 200)
                .append(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String url : urls) {
            b.append("<url><loc>").append(esc(url)).append("</loc></url>\n");
        }
        return b.append("</urlset>\n").toString();
    }

    /** Rules in the paths the crawler used to reach this file (a subdomain's root, or the store's /s/{slug}/). */
    static String robots(String base, String sitemapUrl) {
        return "User-agent: *\nAllow: " + base + "/\nDisallow: " + base + "/admin\nDisallow: " + base + "/orders/\n"
                + "Disallow: " + base + "/cart\nDisallow: " + base + "/checkout\nDisallow: " + base + "/api/\n"
                + "Sitemap: " + sitemapUrl + "\n";
    }
}
