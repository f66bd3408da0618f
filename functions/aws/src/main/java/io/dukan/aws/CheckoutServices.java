package io.dukan.aws;

import io.dukan.core.cart.CartRepository;
import io.dukan.core.cart.CartService;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.checkout.CheckoutService;
import io.dukan.core.checkout.CheckoutSettingsRepository;
import io.dukan.core.checkout.CheckoutSettingsService;
import io.dukan.core.order.OrderRepository;
import io.dukan.core.order.OrderService;
import io.dukan.core.shipping.ShippingRepository;
import io.dukan.core.shipping.ShippingService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the cart, shipping and checkout use cases of the shop function. */
@Factory
public class CheckoutServices {

    @Singleton
    @Requires(env = "shop")
    CartService cartService(ProductRepository products, CartRepository carts, Clock clock) {
        return new CartService(products, carts, clock);
    }

    @Singleton
    @Requires(env = "shop")
    ShippingService shippingService(ShippingRepository shipping) {
        return new ShippingService(shipping);
    }

    @Singleton
    @Requires(env = "shop")
    CheckoutSettingsService checkoutSettingsService(CheckoutSettingsRepository settings) {
        return new CheckoutSettingsService(settings);
    }

    @Singleton
    @Requires(env = "shop")
    CheckoutService checkoutService(CartService carts, OrderService orderService, OrderRepository orders,
            ShippingService shipping, CheckoutSettingsService settings, Clock clock) {
        return new CheckoutService(carts, orderService, orders, shipping, settings, clock);
    }
}
