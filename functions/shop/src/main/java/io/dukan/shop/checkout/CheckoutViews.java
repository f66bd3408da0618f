package io.dukan.shop.checkout;

import static io.dukan.web.Html.esc;

import io.dukan.core.checkout.DisplayRate;
import io.dukan.core.shared.Money;

/** What admin pages still share with the shopper's (whose cart and checkout are templates: cart.jte, checkout.jte). */
final class CheckoutViews {

    private CheckoutViews() {}

    /** "≈ 12.40 USD" beside a base price, when the shopper chose a display currency. */
    static String approx(Money amount, DisplayRate shown) {
        return shown == null || amount == null
                ? ""
                : " <span class=\"muted approx\">" + esc(shown.approximate(amount)) + "</span>";
    }
}
