package io.dukan.shop.cart;

import io.dukan.core.cart.PricedCart;

/** The cart page: the priced cart, a refusal to show (null: none), the form token and the store's currency. */
public record CartView(PricedCart cart, String error, String csrf, String storeCurrency) {

    /** How many things are in the cart (the sum of the quantities). */
    public long count() {
        return cart.lines().stream().mapToLong(PricedCart.Line::quantity).sum();
    }
}
