package io.dukan.shop;

import io.dukan.web.Csrf;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.MediaStore;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ShopCatalog;
import io.dukan.core.catalog.Variant;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.checkout.DisplayCurrencies;
import io.dukan.core.checkout.DisplayRate;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.web.access.Public;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
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
class StorefrontController {

    static final int PAGE_SIZE = 24;
    /** The most URLs one sitemap file may list (sitemaps.org). */
    static final int SITEMAP_MAX = 50_000;

    private final ThisStore store;
    private final ShopCatalog catalog;
    private final Csrf csrf;
    private final ShopperCookies cookies;
    private final StoreCollections shownCollections;

    StorefrontController(ThisStore store, ShopCatalog catalog, Csrf csrf, ShopperCookies cookies,
            StoreCollections shownCollections) {
        this.store = store;
        this.catalog = catalog;
        this.csrf = csrf;
        this.cookies = cookies;
        this.shownCollections = shownCollections;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> home(HttpRequest<?> request, @QueryValue @Nullable String after) {
        StorefrontViews.Shop shop = shop(request, "/");
        Page<Product> page = catalog.newest(store.id(), after, PAGE_SIZE);
        List<Collection> collections = after == null ? shownCollections.all() : List.of();
        StoreSettings s = shop.settings();
        String canonical = canonical(request, "/" + (after == null ? "" : "?after=" + after));
        StorefrontViews.Head head = new StorefrontViews.Head(s.name(),
                StorefrontViews.description(s.contact().address(), s.name()), canonical, "website", shop.logoUrl(), null,
                false);
        return Pages.html(HttpStatus.OK, StorefrontViews.home(shop, head, cards(page), collections, page.next()));
    }

    @Get(value = "/collections/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> collection(HttpRequest<?> request, String id, @QueryValue @Nullable String after) {
        Collection collection = catalog.collection(store.id(), CollectionId.parse(id));
        StorefrontViews.Shop shop = shop(request, "/collections/" + collection.id().value());
        Page<Product> page = catalog.inCollection(store.id(), collection.id(), after, PAGE_SIZE);
        String canonical = canonical(request, "/collections/" + collection.id().value()
                + (after == null ? "" : "?after=" + after));
        StorefrontViews.Head head = new StorefrontViews.Head(collection.title() + " · " + shop.settings().name(),
                StorefrontViews.description(collection.description(), collection.title() + " · " + shop.settings().name()),
                canonical, "website", page.items().isEmpty() ? null : firstImage(page.items()), null, false);
        return Pages.html(HttpStatus.OK, StorefrontViews.collection(shop, head, collection, cards(page), page.next()));
    }

    @Get(value = "/search", produces = MediaType.TEXT_HTML)
    HttpResponse<String> search(HttpRequest<?> request, @QueryValue @Nullable String q, @QueryValue @Nullable String after) {
        StorefrontViews.Shop shop = shop(request, "/search");
        String query = ShopCatalog.normalisedQuery(q);
        Page<Product> page = catalog.search(store.id(), query, after, PAGE_SIZE);
        String title = (query.isEmpty() ? shop.text().t("search") : shop.text().t("results", query)) + " · "
                + shop.settings().name();
        String canonical = canonical(request, "/search" + (query.isEmpty() ? "" : "?q=" + encode(query)));
        StorefrontViews.Head head = new StorefrontViews.Head(title, title, canonical, "website", null, null, false);
        return Pages.html(HttpStatus.OK, StorefrontViews.search(shop, head, query, cards(page), page.next()));
    }

    @Get(value = "/products/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> product(HttpRequest<?> request, String id, @QueryValue @Nullable String variant) {
        Product product = catalog.product(store.id(), ProductId.parse(id));
        return Pages.html(HttpStatus.OK, productPage(request, product, chosen(product, variant), null, Map.of()));
    }

    @Get(value = "/sitemap.xml", produces = "application/xml;charset=utf-8")
    HttpResponse<String> sitemap(HttpRequest<?> request) {
        String root = Canonical.storeUrl(request, store.slug().value());
        List<String> urls = new ArrayList<>();
        urls.add(root + "/");
        for (Collection c : catalog.collections(store.id())) {
            urls.add(root + "/collections/" + c.id().value());
        }
        // Cursor through every page of active products (Queries, never a Scan). One sitemap file holds at most
        // 50,000 URLs; a store with more lists its newest 50,000 here (a sitemap index is not built yet).
        String cursor = null;
        do {
            Page<Product> page = catalog.newest(store.id(), cursor, 100);
            for (Product p : page.items()) {
                if (urls.size() < SITEMAP_MAX) {
                    urls.add(root + "/products/" + p.id().value());
                }
            }
            cursor = urls.size() < SITEMAP_MAX ? page.next() : null;
        } while (cursor != null);
        return HttpResponse.ok(StorefrontViews.sitemap(urls)).contentType("application/xml;charset=utf-8")
                .header("Cache-Control", "public, max-age=3600");
    }

    @Get(value = "/robots.txt", produces = "text/plain;charset=utf-8")
    HttpResponse<String> robots(HttpRequest<?> request) {
        return HttpResponse.ok(StorefrontViews.robots(base(request),
                Canonical.storeUrl(request, store.slug().value()) + "/sitemap.xml"))
                .contentType("text/plain;charset=utf-8").header("Cache-Control", "public, max-age=3600");
    }

    private String productPage(HttpRequest<?> request, Product product, Variant chosen, String error,
            Map<String, String> typed) {
        StorefrontViews.Shop shop = shop(request, "/products/" + product.id().value());
        List<String> images = product.images().stream()
                .map(i -> catalog.imageUrl(store.id(), i.key(), MediaStore.Rendition.PRODUCT_PAGE)).toList();
        String canonical = canonical(request, "/products/" + product.id().value());
        String price = product.priceVaries() ? shop.text().t("from", product.price().format()) : product.price().format();
        String description = StorefrontViews.description(product.description(),
                product.name() + " · " + price + " · " + shop.settings().name());
        StorefrontViews.Head head = new StorefrontViews.Head(product.name() + " · " + shop.settings().name(), description,
                canonical, "product", images.isEmpty() ? null : images.get(0),
                StorefrontViews.productJsonLd(product, images, canonical, description), product.variants().size() > 1);
        return StorefrontViews.product(shop, head, product, images, chosen, error, typed, csrf.token(request));
    }

    /** The variant asked for (?variant=), else the first one a shopper can buy, else the first. */
    private static Variant chosen(Product product, String variant) {
        if (Ids.looksLikeId(variant, 16)) {
            var asked = product.variant(new VariantId(variant));
            if (asked.isPresent()) {
                return asked.get();
            }
        }
        return product.variants().stream().filter(product::available).findFirst().orElse(product.defaultVariant());
    }

    private List<StorefrontViews.Card> cards(Page<Product> page) {
        return page.items().stream().map(p -> new StorefrontViews.Card(p,
                catalog.imageUrl(store.id(), p.imageKey(), MediaStore.Rendition.THUMBNAIL)))
                .toList();
    }

    private String firstImage(List<Product> products) {
        return products.stream().filter(Product::hasImage).findFirst()
                .map(p -> catalog.imageUrl(store.id(), p.imageKey(), MediaStore.Rendition.PRODUCT_PAGE)).orElse(null);
    }

    /** {@code path}: this page inside the store, where the currency switcher comes back to. */
    private StorefrontViews.Shop shop(HttpRequest<?> request, String path) {
        StoreSettings settings = store.settings();
        DisplayCurrencies currencies = store.currencies();
        DisplayRate shown = currencies.find(cookies.currency(request)).orElse(null);
        String base = base(request);
        String switcher = currencies.rates().isEmpty() ? ""
                : CheckoutViews.switcher(base, currencies, shown, csrf.token(request), path);
        return new StorefrontViews.Shop(settings, base, catalog.logoUrl(store.id(), settings.contact().logoKey()),
                ShopText.of(settings.language()), shown, switcher);
    }

    private String canonical(HttpRequest<?> request, String path) {
        return Canonical.storeUrl(request, store.slug().value()) + path;
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
