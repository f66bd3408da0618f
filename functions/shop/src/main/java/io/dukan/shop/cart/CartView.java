package io.dukan.shop.cart;

import io.dukan.core.cart.PricedCart;
import io.dukan.core.shared.Money;
import io.dukan.core.shipping.ShippingRate;
import io.dukan.core.shipping.ShippingSettings;

/**
 * The cart page: the priced cart, a refusal to show (null: none), the form token, the store's currency and how much
 * more would make delivery free in the store's own country ({@code freeDeliveryGap}, null: no free delivery to
 * reach, or reached).
 */
public record CartView(PricedCart cart, String error, String csrf, String storeCurrency, Money freeDeliveryGap) {

    public CartView(PricedCart cart, String error, String csrf, String storeCurrency) {
        this(cart, error, csrf, storeCurrency, null);
    }

    /**
     * What is still missing for free delivery: the lowest "free above" of the rates delivering to {@code country},
     * less the subtotal; null when no rate there is ever free, or the subtotal reaches it.
     */
    public static Money freeDeliveryGap(ShippingSettings shipping, String country, Money subtotal) {
        return shipping.zones().stream()
                .filter(z -> z.areas().stream().anyMatch(a -> a.country().equals(country)))
                .flatMap(z -> z.rates().stream())
                .map(ShippingRate::freeAbove)
                .filter(f -> f != null && f.currency().equals(subtotal.currency()))
                .mapToLong(Money::minor)
                .min()
                .stream()
                .filter(min -> min > subtotal.minor())
                .mapToObj(min -> new Money(min - subtotal.minor(), subtotal.currency()))
                .findFirst()
                .orElse(null);
    }

    /** How many things are in the cart (the sum of the quantities). */
    public long count() {
        return cart.lines().stream().mapToLong(PricedCart.Line::quantity).sum();
    }
}
