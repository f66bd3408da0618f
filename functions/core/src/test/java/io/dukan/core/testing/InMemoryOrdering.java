package io.dukan.core.testing;

import io.dukan.core.cart.CartService;
import io.dukan.core.checkout.CheckoutService;
import io.dukan.core.checkout.CheckoutService.OnlineMethods;
import io.dukan.core.checkout.CheckoutSettingsService;
import io.dukan.core.discount.DiscountService;
import io.dukan.core.order.OrderAdminService;
import io.dukan.core.order.OrderService;
import io.dukan.core.payment.PaymentService;
import io.dukan.core.shipping.ShippingService;
import java.time.Instant;

/**
 * The ordering and payment use cases wired over in-memory fakes, as the shop function wires them over DynamoDB:
 * one catalog whose stock the orders take and give back, carts, shipping zones, payment settings and a clock that
 * stands still.
 */
public final class InMemoryOrdering {

    public final TestClock clock = new TestClock(Instant.parse("2026-12-06T10:00:00Z"));
    public final InMemoryCatalog catalog = new InMemoryCatalog();
    public final InMemoryDiscounts discountCodes = new InMemoryDiscounts();
    public final InMemoryOrders orders = new InMemoryOrders(catalog, discountCodes);
    public final InMemoryCarts carts = new InMemoryCarts();
    public final InMemoryShipping shippingZones = new InMemoryShipping();
    public final InMemoryCheckoutSettings checkoutSettings = new InMemoryCheckoutSettings();

    public final CartService cartService = new CartService(catalog, carts, clock);
    public final ShippingService shipping = new ShippingService(shippingZones);
    public final CheckoutSettingsService settings = new CheckoutSettingsService(checkoutSettings);
    public final OrderService orderService = new OrderService(catalog, orders);
    public final DiscountService discounts = new DiscountService(discountCodes, clock);
    public final CheckoutService checkout = new CheckoutService(
            cartService, orderService, orders, shipping, settings, discounts, clock, OnlineMethods.NONE);
    public final OrderAdminService admin = new OrderAdminService(orders, orders, clock);
    public final PaymentService payments = new PaymentService(orders, orders, clock);
}
