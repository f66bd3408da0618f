package io.dukan.shop.web;

import io.dukan.core.cart.CartService;
import io.dukan.web.Requests;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * The shopper's cookies, scoped to this store's path: the cart id (a random secret; the cart itself is in DynamoDB)
 * and the display currency they picked. Read only through {@link Requests#cookie}.
 */
@Singleton
public class ShopperCookies {

    static final String CART = "dukan_cart";
    static final String CURRENCY = "dukan_currency";

    private final ThisStore store;

    ShopperCookies(ThisStore store) {
        this.store = store;
    }

    /** The cart id the browser holds, if it could be one made here. */
    public Optional<String> cartId(HttpRequest<?> request) {
        return Requests.cookie(request, CART).filter(CartService::isCartId);
    }

    public Cookie cart(HttpRequest<?> request, String cartId) {
        return scoped(request, CART, cartId, CartService.LIFETIME);
    }

    /** The display currency code the shopper chose, or "" (the store's own). */
    public String currency(HttpRequest<?> request) {
        return Requests.cookie(request, CURRENCY)
                .filter(c -> c.matches("[A-Z]{3}"))
                .orElse("");
    }

    public Cookie currency(HttpRequest<?> request, String code) {
        return scoped(request, CURRENCY, code, code.isEmpty() ? Duration.ZERO : Duration.ofDays(365));
    }

    private Cookie scoped(HttpRequest<?> request, String name, String value, Duration maxAge) {
        String base = Requests.storeBase(request, store.slug().value());
        return Cookie.of(name, value)
                .httpOnly(true)
                .secure(Requests.secure(request))
                .sameSite(SameSite.Lax)
                .path(base.isEmpty() ? "/" : base + "/")
                .maxAge(maxAge);
    }
}
