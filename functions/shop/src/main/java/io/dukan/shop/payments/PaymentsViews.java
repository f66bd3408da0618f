package io.dukan.shop.payments;

import io.dukan.core.checkout.PaymentSettings;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.AdminPages;

/** The owner's payment pages: the payment methods (admin/payments.jte) and the Stripe keys (admin/stripe.jte). */
public final class PaymentsViews {

    public record Payments(PaymentSettings settings, String error, boolean saved) {}

    public record Stripe(String maskedSecretKey, String maskedWebhookSecret, String webhookUrl, String error) {}

    private PaymentsViews() {}

    /** {@code saved} non-null after a successful save. */
    public static String paymentMethods(
            StoreSettings s, String base, PaymentSettings p, String error, String saved, String csrf) {
        return AdminPages.render(
                "admin/payments.jte", AdminPages.chrome(s, base, csrf), new Payments(p, error, saved != null));
    }

    public static String stripe(
            StoreSettings s,
            String base,
            String maskedSecretKey,
            String maskedWebhookSecret,
            String webhookUrl,
            String error,
            String csrf) {
        return AdminPages.render(
                "admin/stripe.jte",
                AdminPages.chrome(s, base, csrf),
                new Stripe(maskedSecretKey, maskedWebhookSecret, webhookUrl, error));
    }

    /** One wallet provider's credentials (admin/wallet.jte). */
    public static String wallet(StoreSettings s, String base, WalletKeysView view, String csrf) {
        return AdminPages.render("admin/wallet.jte", AdminPages.chrome(s, base, csrf), view);
    }
}
