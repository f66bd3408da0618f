package io.dukan.shop.checkout;

import io.dukan.core.cart.PricedCart;
import io.dukan.core.checkout.PaymentSettings;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.shared.Money;
import io.dukan.core.shipping.ShippingOption;
import io.dukan.shop.discounts.DiscountField;
import java.util.List;
import java.util.Map;

/**
 * What the checkout form shows: the cart, what was typed, delivery options for the chosen country (null: none could
 * be offered, {@code shippingProblem} says why), the payment methods, the form's one-time token, the discount code
 * field.
 */
public record CheckoutView(
        PricedCart cart,
        Map<String, String> typed,
        List<String> countries,
        String country,
        List<ShippingOption> options,
        String shippingProblem,
        List<PaymentMethod> methods,
        PaymentSettings payments,
        String storeCurrency,
        String token,
        String csrf,
        String error,
        DiscountField discount) {

    public String typed(String field) {
        return typed.get(field);
    }

    public String chosenShipping() {
        return typed.getOrDefault(
                "shipping",
                options == null || options.isEmpty() ? "" : options.get(0).rateId());
    }

    public String chosenMethod() {
        return typed.getOrDefault(
                "paymentMethod", methods.isEmpty() ? "" : methods.get(0).name());
    }

    /** The chosen delivery option (the first when none matches). */
    public ShippingOption chosenOption() {
        String chosen = chosenShipping();
        return options.stream()
                .filter(o -> o.rateId().equals(chosen))
                .findFirst()
                .orElse(options.get(0));
    }

    /** The subtotal plus the chosen option's price, less the discount code's amount when one applies. */
    public Money total() {
        Money gross = cart.subtotal().plus(chosenOption().price());
        return discount.applied() == null
                ? gross
                : new Money(gross.minor() - discount.applied().amount().minor(), gross.currency());
    }
}
