package io.dukan.shop;

import io.dukan.core.cart.CartRepository;
import io.dukan.core.cart.CartService;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.checkout.CheckoutService;
import io.dukan.core.checkout.CheckoutSettingsRepository;
import io.dukan.core.checkout.CheckoutSettingsService;
import io.dukan.core.checkout.PaymentSettings;
import io.dukan.core.discount.DiscountRepository;
import io.dukan.core.discount.DiscountService;
import io.dukan.core.order.OrderRepository;
import io.dukan.core.order.OrderService;
import io.dukan.core.order.PaymentInstructions;
import io.dukan.core.payment.WalletPayments;
import io.dukan.core.shipping.ShippingRepository;
import io.dukan.core.shipping.ShippingService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** Wires the cart, shipping and checkout use cases of the shop function. */
@Factory
class CheckoutServices {

    @Singleton
    CartService cartService(ProductRepository products, CartRepository carts, Clock clock) {
        return new CartService(products, carts, clock);
    }

    @Singleton
    ShippingService shippingService(ShippingRepository shipping) {
        return new ShippingService(shipping);
    }

    @Singleton
    CheckoutSettingsService checkoutSettingsService(CheckoutSettingsRepository settings) {
        return new CheckoutSettingsService(settings);
    }

    @Singleton
    CheckoutService checkoutService(
            CartService carts,
            OrderService orderService,
            OrderRepository orders,
            ShippingService shipping,
            CheckoutSettingsService settings,
            DiscountService discounts,
            Clock clock,
            WalletPayments wallets) {
        return new CheckoutService(carts, orderService, orders, shipping, settings, discounts, clock, wallets::methods);
    }

    @Singleton
    DiscountService discountService(DiscountRepository discounts, Clock clock) {
        return new DiscountService(discounts, clock);
    }

    /** The bank details the owner set, as the shopper's order page shows them; none when bank transfer is off. */
    @Singleton
    PaymentInstructions paymentInstructions(CheckoutSettingsService settings) {
        return tenant -> {
            PaymentSettings payments = settings.payments(tenant);
            if (!payments.bankTransfer()) {
                return Optional.empty();
            }
            PaymentSettings.BankTransferDetails bank = payments.bank();
            StringBuilder text = new StringBuilder();
            line(text, "Account name", bank.accountName());
            line(text, "Bank", bank.bankName());
            line(text, "Account number / IBAN", bank.accountNumber());
            if (!bank.instructions().isEmpty()) {
                text.append(bank.instructions());
            }
            return text.length() == 0
                    ? Optional.empty()
                    : Optional.of(text.toString().strip());
        };
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null && !value.isEmpty()) {
            text.append(label).append(": ").append(value).append('\n');
        }
    }
}
