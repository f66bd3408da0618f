package io.dukan.shop;

import static io.dukan.web.Html.esc;

import io.dukan.web.Csrf;
import io.dukan.web.Html;
import io.dukan.web.Json;
import io.dukan.web.Pages;
import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.Variant;
import io.dukan.core.checkout.DisplayRate;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.StoreSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shopper's pages: server-rendered, usable without JavaScript, one cached stylesheet, no third-party request.
 * Everything typed by the owner is escaped ({@link Html#esc}); JSON-LD goes through {@link Json#escape}, which
 * writes "<" as \u003c so a name cannot close the script element.
 */
final class StorefrontViews {

    static final int DESCRIPTION_MAX = 160;

    /**
     * What every page of one request shares: the store, the base path links start with, the logo, the words, the
     * display currency the shopper chose (null: none) and the currency switcher ("" when the owner enabled none).
     */
    record Shop(StoreSettings settings, String base, String logoUrl, ShopText text, DisplayRate shown,
            String currencySwitch) {

        /** "≈ 12.40 USD" for an amount in the store's currency; "" when the shopper chose no display currency. */
        String approx(Money amount) {
            return shown == null ? "" : shown.approximate(amount);
        }
    }

    /** The head of one page: SEO and sharing tags. {@code jsonLd} is a JSON document or null. */
    record Head(String title, String description, String canonical, String ogType, String ogImage, String jsonLd,
            boolean script) {}

    /** A product with the URL of its main image (null when it has none). */
    record Card(Product product, String imageUrl) {}

    private StorefrontViews() {}

    static String page(Shop shop, Head head, String body) {
        StoreSettings s = shop.settings();
        ShopText t = shop.text();
        StringBuilder b = new StringBuilder(8192);
        b.append("<!doctype html><html lang=\"").append(esc(s.language())).append("\" dir=\"").append(t.dir())
                .append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>").append(esc(head.title())).append("</title>")
                .append("<meta name=\"description\" content=\"").append(esc(head.description())).append("\">")
                .append("<link rel=\"canonical\" href=\"").append(esc(head.canonical())).append("\">")
                .append("<meta property=\"og:type\" content=\"").append(esc(head.ogType())).append("\">")
                .append("<meta property=\"og:title\" content=\"").append(esc(head.title())).append("\">")
                .append("<meta property=\"og:description\" content=\"").append(esc(head.description())).append("\">")
                .append("<meta property=\"og:url\" content=\"").append(esc(head.canonical())).append("\">")
                .append("<meta property=\"og:site_name\" content=\"").append(esc(s.name())).append("\">");
        if (head.ogImage() != null) {
            b.append("<meta property=\"og:image\" content=\"").append(esc(head.ogImage())).append("\">");
        }
        // no favicon request: one round trip less on a slow link, and no 404 in the console
        b.append("<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"").append(esc(shop.base())).append("/assets/shop.css?v=")
                .append(ShopAssets.CSS_VERSION).append("\">");
        if (head.jsonLd() != null) {
            b.append("<script type=\"application/ld+json\">").append(head.jsonLd()).append("</script>");
        }
        if (head.script()) {
            b.append("<script src=\"").append(esc(shop.base())).append("/assets/shop.js?v=").append(ShopAssets.JS_VERSION)
                    .append("\" defer></script>");
        }
        b.append("</head><body><header><a href=\"").append(esc(shop.base())).append("/\">");
        if (shop.logoUrl() != null) {
            b.append("<img src=\"").append(esc(shop.logoUrl())).append("\" alt=\"\" height=\"32\">");
        }
        b.append(esc(s.name())).append("</a><form class=\"search\" role=\"search\" method=\"get\" action=\"")
                .append(esc(shop.base())).append("/search\"><input type=\"search\" name=\"q\" maxlength=\"100\" aria-label=\"")
                .append(esc(t.t("searchLabel"))).append("\" placeholder=\"").append(esc(t.t("searchLabel")))
                .append("\"><button type=\"submit\">").append(esc(t.t("search"))).append("</button></form></header><main>")
                .append(body).append("</main>").append(shop.currencySwitch().isEmpty() ? ""
                        : "<aside class=\"currency-switch\">" + shop.currencySwitch() + "</aside>").append(footer(shop)).append("</body></html>");
        return b.toString();
    }

    private static String footer(Shop shop) {
        StoreSettings.StoreContact c = shop.settings().contact();
        if (c.phone().isEmpty() && c.whatsapp().isEmpty() && c.email().isEmpty() && c.address().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<footer><strong>").append(esc(shop.text().t("contact"))).append("</strong>");
        if (!c.phone().isEmpty()) {
            b.append(" · <a href=\"tel:").append(esc(c.phone().replaceAll("[^0-9+]", ""))).append("\">")
                    .append(esc(c.phone())).append("</a>");
        }
        if (!c.whatsapp().isEmpty()) {
            b.append(" · <a href=\"https://wa.me/").append(esc(c.whatsapp())).append("\" rel=\"noopener\">")
                    .append(esc(shop.text().t("whatsapp"))).append(" +").append(esc(c.whatsapp())).append("</a>");
        }
        if (!c.email().isEmpty()) {
            b.append(" · <a href=\"mailto:").append(esc(c.email())).append("\">").append(esc(c.email())).append("</a>");
        }
        if (!c.address().isEmpty()) {
            b.append("<br>").append(Html.multiline(c.address()));
        }
        return b.append("</footer>").toString();
    }

    static String home(Shop shop, Head head, List<Card> products, List<Collection> collections, String next) {
        ShopText t = shop.text();
        StringBuilder b = new StringBuilder("<h1>").append(esc(shop.settings().name())).append("</h1>");
        if (!collections.isEmpty()) {
            b.append("<h2>").append(esc(t.t("collections"))).append("</h2><ul class=\"chips\">");
            for (Collection c : collections) {
                b.append("<li><a href=\"").append(esc(shop.base())).append("/collections/").append(c.id().value())
                        .append("\">").append(esc(c.title())).append("</a></li>");
            }
            b.append("</ul>");
        }
        b.append("<h2>").append(esc(t.t("newest"))).append("</h2>");
        b.append(cards(shop, products, t.t("noProducts")));
        b.append(more(shop, "/", "", next));
        return page(shop, head, b.toString());
    }

    static String collection(Shop shop, Head head, Collection collection, List<Card> products, String next) {
        StringBuilder b = new StringBuilder("<h1>").append(esc(collection.title())).append("</h1>");
        if (!collection.description().isBlank()) {
            b.append("<p>").append(Html.multiline(collection.description())).append("</p>");
        }
        b.append(cards(shop, products, shop.text().t("emptyCollection")));
        b.append(more(shop, "/collections/" + collection.id().value(), "", next));
        return page(shop, head, b.toString());
    }

    static String search(Shop shop, Head head, String query, List<Card> products, String next) {
        ShopText t = shop.text();
        StringBuilder b = new StringBuilder();
        if (query.isEmpty()) {
            b.append("<h1>").append(esc(t.t("search"))).append("</h1><p class=\"muted\">").append(esc(t.t("searchHint")))
                    .append("</p>");
        } else {
            b.append("<h1>").append(esc(t.t("results", query))).append("</h1>");
            if (products.isEmpty()) {
                b.append("<p class=\"muted\">").append(esc(t.t("noResults", query))).append(' ')
                        .append(esc(t.t("searchHint"))).append("</p>");
            } else {
                b.append(cards(shop, products, ""));
            }
        }
        b.append(more(shop, "/search", "q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)
                + "&", next));
        return page(shop, head, b.toString());
    }

    private static String cards(Shop shop, List<Card> products, String whenEmpty) {
        if (products.isEmpty()) {
            return whenEmpty.isEmpty() ? "" : "<p class=\"muted\">" + esc(whenEmpty) + "</p>";
        }
        ShopText t = shop.text();
        StringBuilder b = new StringBuilder("<div class=\"grid\">");
        for (Card card : products) {
            Product p = card.product();
            b.append("<div class=\"card\"><a href=\"").append(esc(shop.base())).append("/products/").append(p.id().value())
                    .append("\">");
            if (card.imageUrl() != null) {
                b.append("<img src=\"").append(esc(card.imageUrl())).append("\" alt=\"").append(esc(p.name()))
                        .append("\" loading=\"lazy\" width=\"300\" height=\"300\">");
            }
            String price = p.price().format();
            b.append("<div class=\"product-name\">").append(esc(p.name())).append("</div><div class=\"price\">")
                    .append(esc(p.priceVaries() ? t.t("from", price) : price)).append("</div>");
            if (!p.inStock()) {
                b.append("<div class=\"sold\">").append(esc(t.t("soldOut"))).append("</div>");
            }
            b.append("</a></div>");
        }
        return b.append("</div>").toString();
    }

    private static String more(Shop shop, String path, String query, String next) {
        if (next == null) {
            return "";
        }
        return "<p><a class=\"button\" rel=\"next\" href=\"" + esc(shop.base() + path + "?" + query + "after=" + next)
                + "\">" + esc(shop.text().t("more")) + "</a></p>";
    }

    /**
     * The product page. Each variant is a radio choice showing its own price and stock, so choosing works without
     * JavaScript; sold-out variants cannot be chosen. The buy form adds the chosen variant to the cart.
     */
    static String product(Shop shop, Head head, Product p, List<String> imageUrls, Variant chosen, String error,
            Map<String, String> form, String csrf) {
        ShopText t = shop.text();
        StringBuilder b = new StringBuilder("<div class=\"hero\">");
        if (!imageUrls.isEmpty()) {
            b.append("<img src=\"").append(esc(imageUrls.get(0))).append("\" alt=\"").append(esc(altOf(p, 0)))
                    .append("\" width=\"600\" height=\"600\">");
            if (imageUrls.size() > 1) {
                b.append("<div class=\"thumbs\">");
                for (int i = 1; i < imageUrls.size(); i++) {
                    b.append("<a href=\"").append(esc(imageUrls.get(i))).append("\"><img src=\"").append(esc(imageUrls.get(i)))
                            .append("\" alt=\"").append(esc(altOf(p, i))).append("\" loading=\"lazy\" width=\"64\" height=\"64\"></a>");
                }
                b.append("</div>");
            }
        }
        b.append("</div><h1>").append(esc(p.name())).append("</h1><p class=\"price\"><span id=\"price\">")
                .append(esc(chosen.price().format())).append("</span> <s id=\"was\">")
                .append(chosen.compareAtPrice() == null ? "" : esc(chosen.compareAtPrice().format())).append("</s>")
                .append(shop.shown() == null ? "" : " <span id=\"approx\" class=\"muted approx\">"
                        + esc(shop.approx(chosen.price())) + "</span>").append("</p>")
                .append("<p id=\"stock\" class=\"").append(p.available(chosen) ? "muted" : "sold").append("\">")
                .append(esc(stockText(t, p, chosen))).append("</p>");
        if (!p.description().isBlank()) {
            b.append("<p>").append(Html.multiline(p.description())).append("</p>");
        }
        if (!p.inStock()) {
            return page(shop, head, b.toString());
        }
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        b.append("<form id=\"buy\" method=\"post\" action=\"").append(esc(shop.base())).append("/cart")
                .append("\">").append(Csrf.field(csrf))
                .append("<input type=\"hidden\" name=\"productId\" value=\"").append(p.id().value()).append("\">");
        if (p.variants().size() == 1) {
            b.append("<input type=\"hidden\" name=\"variantId\" value=\"").append(chosen.id().value()).append("\">");
        } else {
            b.append(variantChoice(shop, p, chosen));
        }
        int max = p.sellWhenSoldOut() || p.variants().size() > 1 ? 1000 : Math.min(chosen.stock(), 1000);
        b.append(Pages.field("quantity", t.t("quantity"), "number", form.getOrDefault("quantity", "1"),
                "min=\"1\" max=\"" + max + "\" required"));
        b.append("<button type=\"submit\">").append(esc(t.t("addToCart"))).append("</button></form>");
        return page(shop, head, b.toString());
    }

    private static String variantChoice(Shop shop, Product p, Variant chosen) {
        ShopText t = shop.text();
        String legend = p.options().isEmpty() ? t.t("choose")
                : String.join(" / ", p.options().stream().map(o -> o.name()).toList());
        StringBuilder b = new StringBuilder("<fieldset><legend>").append(esc(legend)).append("</legend>");
        for (Variant v : p.variants()) {
            boolean available = p.available(v);
            String stock = stockText(t, p, v);
            b.append("<label class=\"variant").append(available ? "" : " off").append("\"><input type=\"radio\" name=\"variantId\" value=\"")
                    .append(v.id().value()).append("\" data-price=\"").append(esc(v.price().format()))
                    .append("\" data-was=\"").append(v.compareAtPrice() == null ? "" : esc(v.compareAtPrice().format()))
                    .append(shop.shown() == null ? "" : "\" data-approx=\"" + esc(shop.approx(v.price())))
                    .append("\" data-stock=\"").append(esc(stock)).append("\" data-available=\"").append(available).append('"')
                    .append(v.id().equals(chosen.id()) && available ? " checked" : "")
                    .append(available ? " required" : " disabled").append("><span class=\"name\">")
                    .append(esc(v.title().isEmpty() ? v.sku() : v.title())).append("</span><span class=\"price\">")
                    .append(esc(v.price().format())).append("</span>");
            if (shop.shown() != null) {
                b.append("<span class=\"muted approx\">").append(esc(shop.approx(v.price()))).append("</span>");
            }
            if (v.compareAtPrice() != null) {
                b.append("<s>").append(esc(v.compareAtPrice().format())).append("</s>");
            }
            b.append("<span class=\"").append(available ? "muted" : "sold").append("\">").append(esc(stock))
                    .append("</span></label>");
        }
        return b.append("</fieldset>").toString();
    }

    static String stockText(ShopText t, Product p, Variant v) {
        if (v.stock() > 0) {
            return t.t("inStock", v.stock());
        }
        return p.sellWhenSoldOut() ? t.t("toOrder") : t.t("soldOut");
    }

    private static String altOf(Product p, int image) {
        String alt = image < p.images().size() ? p.images().get(image).alt() : "";
        return alt == null || alt.isBlank() ? p.name() : alt;
    }

    /** schema.org Product with one Offer per variant; safe inside a script element (see class comment). */
    static String productJsonLd(Product p, List<String> imageUrls, String canonical, String description) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", "https://schema.org");
        doc.put("@type", "Product");
        doc.put("name", p.name());
        doc.put("description", description);
        doc.put("sku", p.defaultVariant().sku());
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
            offer.put("availability", v.stock() > 0 ? "https://schema.org/InStock"
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
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
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
