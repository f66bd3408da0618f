package io.dukan.shop;

import io.dukan.aws.web.Requests;
import io.dukan.aws.web.Csrf;
import io.dukan.aws.web.Form;
import io.dukan.aws.web.Pages;
import io.dukan.core.catalog.CatalogService;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderService;
import io.dukan.core.order.PlaceOrderCommand;
import io.dukan.core.shared.ConflictException;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.StoreSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** What shoppers see: the store's home page, product pages, ordering as a guest (the order's page: OrderStatusController). */
@Controller("/s/{store}")
class StorefrontController {

    static final int PAGE_SIZE = 24;

    private final ThisStore store;
    private final CatalogService catalog;
    private final OrderService orders;
    private final Csrf csrf;
    private final OrderAlerts alerts;

    StorefrontController(ThisStore store, CatalogService catalog, OrderService orders, Csrf csrf, OrderAlerts alerts) {
        this.alerts = alerts;
        this.store = store;
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

    @Post(value = "/orders", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> placeOrder(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        csrf.verify(request, form.get(Csrf.FIELD));
        if (!Ids.looksLikeId(form.get("productId"), 16)) {
            throw new InvalidInputException("productId", "choose a product to order");
        }
        Product product = catalog.product(store.id(), new ProductId(form.get("productId")));
        try {
            PlaceOrderCommand command = new PlaceOrderCommand(
                    List.of(new PlaceOrderCommand.Line(product.id(), null, quantity(form.get("quantity")))),
                    new Contact(form.get("name"), form.get("phone"), form.get("email")),
                    new Address(form.get("address"), "", "", "", "", store.settings().country()), form.get("notes"),
                    PlaceOrderCommand.paymentMethod(form.get("paymentMethod")));
            Order order = orders.place(store.id(), command);
            alerts.placed(request, order);
            return HttpResponse.<String>seeOther(URI.create(base(request) + "/orders/" + order.code()));
        } catch (InvalidInputException | ConflictException refused) {
            // Shown on the product page again, with what the shopper typed, so nothing has to be retyped.
            HttpStatus status = refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            Product fresh = catalog.product(store.id(), product.id());
            Map<String, String> typed = Map.of("quantity", form.getOrEmpty("quantity"), "name", form.getOrEmpty("name"),
                    "phone", form.getOrEmpty("phone"), "address", form.getOrEmpty("address"));
            return Pages.html(status, ShopViews.product(store.settings(), base(request), view(fresh),
                    refused.getMessage(), typed, csrf.token(request)));
        }
    }

    private ShopViews.ProductView view(Product product) {
        return new ShopViews.ProductView(product, catalog.imageUrl(store.id(), product));
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }

    static int quantity(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("quantity", "quantity must be a whole number");
        }
    }
}
