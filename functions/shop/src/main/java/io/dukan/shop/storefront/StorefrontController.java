package io.dukan.shop.storefront;

import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.MediaStore;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ShopCatalog;
import io.dukan.core.catalog.Variant;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.Canonical;
import io.dukan.shop.web.ShopPage;
import io.dukan.shop.web.ShopPages;
import io.dukan.shop.web.ShopperCookies;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Csrf;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.web.access.Public;
import io.dukan.web.i18n.StoreLocale;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What shoppers see: home (newest products, collections), collection pages, search, product pages, the sitemap
 * and robots.txt (buying: CartController, CheckoutController; the order's page: OrderStatusController).
 */
@Public
@Controller("/s/{store}")
public class StorefrontController {

    public static final int PAGE_SIZE = 24;
    /** The most URLs one sitemap file may list (sitemaps.org). */
    static final int SITEMAP_MAX = 50_000;

    private final ThisStore store;
    private final ShopCatalog catalog;
    private final Csrf csrf;
    private final ShopperCookies cookies;
    private final StoreCollections shownCollections;
    private final ShopPages pages;
    private final TradeFacts tradeFacts;

    StorefrontController(
            ThisStore store,
            ShopCatalog catalog,
            Csrf csrf,
            ShopperCookies cookies,
            StoreCollections shownCollections,
            ShopPages pages,
            TradeFacts tradeFacts) {
        this.pages = pages;
        this.tradeFacts = tradeFacts;
        this.store = store;
        this.catalog = catalog;
        this.csrf = csrf;
        this.cookies = cookies;
        this.shownCollections = shownCollections;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> home(HttpRequest<?> request, @QueryValue @Nullable String after) {
        Page<Product> page = catalog.newest(store.id(), after, PAGE_SIZE);
        String lang = pages.language(request);
        List<Collection> collections = after == null
                ? shownCollections.all().stream().map(c -> c.in(lang)).toList()
                : List.of();
        StoreSettings s = store.settings();
        String canonical = canonical(request, "/" + (after == null ? "" : "?after=" + after));
        ShopPage shop = pages.page(request, s.name(), null, null, "/");
        shop = shop.withSeo(new ShopPage.Seo(canonical, "website", shop.logoUrl(), null, false));
        if (!s.description(lang).isBlank()) {
            shop = withDescription(shop, description(s.description(lang), s.name()));
        } else if (!s.contact().address().isBlank()) {
            shop = withDescription(shop, description(s.contact().address(), s.name()));
        }
        return Pages.html(
                HttpStatus.OK,
                ShopPages.render(
                        "home.jte",
                        shop,
                        "products",
                        cards(request, page),
                        "collections",
                        collections,
                        "more",
                        more(shop, "/", "", page.next())));
    }

    @Get(value = "/collections/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> collection(HttpRequest<?> request, String id, @QueryValue @Nullable String after) {
        Collection collection =
                catalog.collection(store.id(), CollectionId.parse(id)).in(pages.language(request));
        Page<Product> page = catalog.inCollection(store.id(), collection.id(), after, PAGE_SIZE);
        String path = "/collections/" + collection.id().value();
        String canonical = canonical(request, path + (after == null ? "" : "?after=" + after));
        String name = store.settings().name();
        ShopPage shop = pages.page(
                request,
                collection.title(),
                description(collection.description(), collection.title() + " · " + name),
                null,
                path);
        shop = shop.withSeo(new ShopPage.Seo(
                canonical, "website", page.items().isEmpty() ? null : firstImage(page.items()), null, false));
        return Pages.html(
                HttpStatus.OK,
                ShopPages.render(
                        "collection.jte",
                        shop,
                        "collection",
                        collection,
                        "products",
                        cards(request, page),
                        "more",
                        more(shop, path, "", page.next())));
    }

    @Get(value = "/search", produces = MediaType.TEXT_HTML)
    HttpResponse<String> search(
            HttpRequest<?> request, @QueryValue @Nullable String q, @QueryValue @Nullable String after) {
        String query = ShopCatalog.normalisedQuery(q);
        Page<Product> page = catalog.search(store.id(), query, after, PAGE_SIZE);
        StoreLocale t = pages.locale();
        String title = query.isEmpty() ? t.t("search") : t.t("results", query);
        String canonical = canonical(request, "/search" + (query.isEmpty() ? "" : "?q=" + encode(query)));
        ShopPage shop =
                pages.page(request, title, title + " · " + store.settings().name(), null, "/search");
        shop = shop.withSeo(new ShopPage.Seo(canonical, "website", null, null, false));
        return Pages.html(
                HttpStatus.OK,
                ShopPages.render(
                        "search.jte",
                        shop,
                        "query",
                        query,
                        "products",
                        cards(request, page),
                        "more",
                        more(shop, "/search", "q=" + encode(query) + "&", page.next())));
    }

    @Get(value = "/products/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> product(
            HttpRequest<?> request,
            String id,
            @QueryValue @Nullable String variant,
            @QueryValue @Nullable String deliverTo) {
        Product product = catalog.product(store.id(), ProductId.parse(id)).in(pages.language(request));
        String destination = tradeFacts.destination(request, deliverTo);
        io.micronaut.http.MutableHttpResponse<String> page = Pages.html(
                HttpStatus.OK, productPage(request, product, chosen(product, variant), null, Map.of(), destination));
        if (deliverTo != null && destination.equals(deliverTo.strip().toUpperCase(java.util.Locale.ROOT))) {
            page = page.cookie(tradeFacts.remember(request, destination));
        }
        return page;
    }

    @Get(value = "/sitemap.xml", produces = "application/xml;charset=utf-8")
    HttpResponse<String> sitemap(HttpRequest<?> request) {
        String root = Canonical.storeUrl(request, store.slug().value());
        StoreSettings s = store.settings();
        List<String> prefixes = s.languages().stream()
                .map(l -> io.dukan.shop.web.PageLanguage.prefix(s, l))
                .toList();
        List<String> urls = new ArrayList<>();
        prefixes.forEach(prefix -> urls.add(root + prefix + "/"));
        for (Collection c : catalog.collections(store.id())) {
            prefixes.forEach(prefix -> urls.add(root + prefix + "/collections/" + c.id().value()));
        }
        // Cursor through every page of active products (Queries, never a Scan). One sitemap file holds at most
        // 50,000 URLs; a store with more lists its newest 50,000 here (a sitemap index is not built yet).
        String cursor = null;
        do {
            Page<Product> page = catalog.newest(store.id(), cursor, 100);
            for (Product p : page.items()) {
                for (String prefix : prefixes) {
                    if (urls.size() < SITEMAP_MAX) {
                        urls.add(root + prefix + "/products/" + p.id().value());
                    }
                }
            }
            cursor = urls.size() < SITEMAP_MAX ? page.next() : null;
        } while (cursor != null);
        return HttpResponse.ok(StorefrontViews.sitemap(urls))
                .contentType("application/xml;charset=utf-8")
                .header("Cache-Control", "public, max-age=3600");
    }

    @Get(value = "/robots.txt", produces = "text/plain;charset=utf-8")
    HttpResponse<String> robots(HttpRequest<?> request) {
        return HttpResponse.ok(StorefrontViews.robots(
                        base(request), Canonical.storeUrl(request, store.slug().value()) + "/sitemap.xml"))
                .contentType("text/plain;charset=utf-8")
                .header("Cache-Control", "public, max-age=3600");
    }

    private String productPage(
            HttpRequest<?> request,
            Product product,
            Variant chosen,
            String error,
            Map<String, String> typed,
            String destination) {
        String path = "/products/" + product.id().value();
        List<String> images = product.images().stream()
                .map(i -> catalog.imageUrl(store.id(), i.key(), MediaStore.Rendition.PRODUCT_PAGE))
                .toList();
        String canonical = canonical(request, path);
        StoreLocale t = pages.locale();
        String money = t.money(product.price());
        String price = product.priceVaries() ? t.t("from", money) : money;
        String description = description(
                product.description(),
                product.name() + " · " + price + " · " + store.settings().name());
        ShopPage shop = pages.page(
                request,
                product.name(),
                description,
                new ShopPage.Seo(
                        canonical,
                        "product",
                        images.isEmpty() ? null : images.get(0),
                        StorefrontViews.productJsonLd(product, images, canonical, description, t.lang(), t.locale()),
                        product.variants().size() > 1),
                path);
        return ShopPages.render(
                "product.jte",
                shop,
                "view",
                new ProductView(
                        product,
                        images,
                        chosen,
                        error,
                        typed,
                        csrf.token(request),
                        product.images().stream()
                                .map(i -> catalog.imageUrl(store.id(), i.key(), MediaStore.Rendition.THUMBNAIL))
                                .toList()),
                "facts",
                tradeFacts.view(t, product, destination, shop.base() + path + "#details"));
    }

    /** The variant asked for (?variant=), else the first one a shopper can buy, else the first. */
    private static Variant chosen(Product product, String variant) {
        if (Ids.looksLikeId(variant, 16)) {
            var asked = product.variant(new VariantId(variant));
            if (asked.isPresent()) {
                return asked.get();
            }
        }
        return product.variants().stream()
                .filter(product::available)
                .findFirst()
                .orElse(product.defaultVariant());
    }

    private List<Card> cards(HttpRequest<?> request, Page<Product> page) {
        String lang = pages.language(request);
        // srcset's 960 px rendition only from the CDN: presigned, it would add two ~400-byte signed URLs per card
        boolean large = catalog.publicImageUrls();
        return page.items().stream()
                .map(p -> p.in(lang))
                .map(p -> new Card(
                        p,
                        catalog.imageUrl(store.id(), p.imageKey(), MediaStore.Rendition.THUMBNAIL),
                        large ? catalog.imageUrl(store.id(), p.imageKey(), MediaStore.Rendition.PRODUCT_PAGE) : null))
                .toList();
    }

    /** The "more products" link, or null on the last page. */
    private static String more(ShopPage shop, String path, String query, String next) {
        return next == null ? null : shop.base() + path + "?" + query + "after=" + next;
    }

    private static String description(String text, String fallback) {
        return StorefrontViews.description(text, fallback);
    }

    private static ShopPage withDescription(ShopPage p, String description) {
        return new ShopPage(
                p.t(),
                p.storeName(),
                p.base(),
                p.title(),
                description,
                p.seo(),
                p.logoUrl(),
                p.shown(),
                p.currency(),
                p.contact(),
                p.languages(),
                p.cartCount());
    }

    private String firstImage(List<Product> products) {
        return products.stream()
                .filter(Product::hasImage)
                .findFirst()
                .map(p -> catalog.imageUrl(store.id(), p.imageKey(), MediaStore.Rendition.PRODUCT_PAGE))
                .orElse(null);
    }

    /** The page's absolute address in its own language (each language's page is canonical for itself). */
    private String canonical(HttpRequest<?> request, String path) {
        return Canonical.storeUrl(request, store.slug().value())
                + io.dukan.shop.web.PageLanguage.prefix(request, store.settings())
                + path;
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
