package io.dukan.shop;

import io.dukan.aws.web.Requests;
import io.dukan.aws.web.Csrf;
import io.dukan.aws.web.Pages;
import io.dukan.core.catalog.CatalogService;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.checkout.CheckoutSettingsService;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderService;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.StoreSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.List;
import java.util.Map;

/** What shoppers see: the store's home page, product pages, the order's page (ordering: CartController, CheckoutController). */
@Controller("/s/{store}")
class StorefrontController {

    static final int PAGE_SIZE = 24;

    private final ThisStore store;
    private final CatalogService catalog;
    private final OrderService orders;
    private final Csrf csrf;
    private final CheckoutSettingsService checkoutSettings;

    StorefrontController(ThisStore store, CatalogService catalog, OrderService orders, Csrf csrf,
            CheckoutSettingsService checkoutSettings) {
        this.store = store;
        this.checkoutSettings = checkoutSettings;
        this.catalog = catalog;
        this.orders = orders;
        this.csrf = csrf;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> home(HttpRequest<?> request, @QueryValue @Nullable String after) {
        StoreSettings settings = store.settings();
        Page<Product> page = catalog.products(store.id(), after, PAGE_SIZE);
        List<ShopViews.ProductView> views = page.items().stream().map(this::view).toList();
        return Pages.html(HttpStatus.OK, ShopViews.home(settings, base(request), views, page.next()));
    }

    @Get(value = "/products/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> product(HttpRequest<?> request, String id) {
        Product product = catalog.product(store.id(), ProductId.parse(id));
        return Pages.html(HttpStatus.OK, ShopViews.product(store.settings(), base(request), view(product), null, Map.of(),
                csrf.token(request)));
    }

    @Get(value = "/orders/{code}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> order(HttpRequest<?> request, String code) {
        Order order = orders.order(store.id(), code);
        return Pages.html(HttpStatus.OK, ShopViews.orderPlaced(store.settings(), base(request), order,
                checkoutSettings.payments(store.id())));
    }

    private ShopViews.ProductView view(Product product) {
        return new ShopViews.ProductView(product, catalog.imageUrl(store.id(), product));
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
