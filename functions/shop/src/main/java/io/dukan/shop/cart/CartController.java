package io.dukan.shop.cart;

import io.dukan.core.cart.AddToCartCommand;
import io.dukan.core.cart.CartService;
import io.dukan.core.cart.PricedCart;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.ConflictException;
import io.dukan.core.shared.DomainException;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shipping.ShippingService;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.ShopPage;
import io.dukan.shop.web.ShopPages;
import io.dukan.shop.web.ShopperCookies;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.web.access.Public;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.net.URI;
import java.util.Optional;

/** The shopper's cart (add, change, remove) and the display-currency switch. */
@Public
@Controller("/s/{store}")
class CartController {

    private final ThisStore store;
    private final CartService carts;
    private final ShopperCookies cookies;
    private final Csrf csrf;
    private final ShopPages pages;
    private final ShippingService shipping;

    CartController(
            ThisStore store,
            CartService carts,
            ShopperCookies cookies,
            Csrf csrf,
            ShopPages pages,
            ShippingService shipping) {
        this.pages = pages;
        this.shipping = shipping;
        this.store = store;
        this.carts = carts;
        this.cookies = cookies;
        this.csrf = csrf;
    }

    @Get(value = "/cart", produces = MediaType.TEXT_HTML)
    HttpResponse<String> cart(HttpRequest<?> request) {
        return page(request, HttpStatus.OK, null);
    }

    /** The product page's buy form: productId, variantId (optional for a single-variant product), quantity. */
    @Post(value = "/cart", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> add(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        Optional<String> existing = cookies.cartId(request);
        String cartId = existing.orElseGet(CartService::newCartId);
        try {
            carts.add(
                    store.id(),
                    cartId,
                    AddToCartCommand.of(form.get("productId"), form.get("variantId"), form.get("quantity")));
        } catch (InvalidInputException | ConflictException refused) {
            return page(request, status(refused), ShopPages.refusal(pages.locale(), refused));
        }
        MutableHttpResponse<String> response = HttpResponse.seeOther(URI.create(base(request) + "/cart"));
        return existing.isPresent() ? response : response.cookie(cookies.cart(request, cartId));
    }

    @Post(value = "/cart/update", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> update(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        try {
            carts.change(
                    store.id(),
                    cookies.cartId(request).orElse(null),
                    VariantId.parse(form.get("variantId")),
                    AddToCartCommand.quantity(form.get("quantity"), 0));
        } catch (InvalidInputException | ConflictException refused) {
            return page(request, status(refused), ShopPages.refusal(pages.locale(), refused));
        }
        return HttpResponse.seeOther(URI.create(base(request) + "/cart"));
    }

    @Post(value = "/cart/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> remove(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        carts.remove(store.id(), cookies.cartId(request).orElse(null), VariantId.parse(form.get("variantId")));
        return HttpResponse.seeOther(URI.create(base(request) + "/cart"));
    }

    /** Remembers the shopper's display currency (one the owner enabled, or "" for the store's own). */
    @Post(value = "/currency", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> currency(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        String code = form.getOrEmpty("currency").strip();
        if (!code.isEmpty() && store.currencies().find(code).isEmpty()) {
            throw new InvalidInputException("currency", "this store does not show prices in " + code);
        }
        String back = form.getOrEmpty("back");
        // Only a path inside this store: never an open redirect.
        if (!back.matches("/[A-Za-z0-9/_-]{0,200}") || back.contains("//")) {
            back = "/";
        }
        return HttpResponse.<String>seeOther(URI.create(base(request) + back)).cookie(cookies.currency(request, code));
    }

    private MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, String error) {
        StoreSettings s = store.settings();
        PricedCart cart = carts.price(
                        store.id(),
                        carts.cart(store.id(), cookies.cartId(request).orElse(null)),
                        s.currency())
                .in(pages.language(request));
        ShopPage shop = pages.page(request, pages.locale().t("cart.title"), null, null, "/cart");
        return Pages.html(
                        status,
                        ShopPages.render(
                                "cart.jte",
                                shop,
                                "view",
                                new CartView(
                                        cart,
                                        error,
                                        csrf.token(request),
                                        s.currency(),
                                        cart.isEmpty()
                                                ? null
                                                : CartView.freeDeliveryGap(
                                                        shipping.settings(s), s.country(), cart.subtotal()))))
                .header("Cache-Control", "no-store");
    }

    static HttpStatus status(DomainException refused) {
        return refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
    }

    /** The store's base with the page's language prefix, so a shopper reading in Chinese stays in Chinese. */
    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value())
                + io.dukan.shop.web.PageLanguage.prefix(request, store.settings());
    }
}
