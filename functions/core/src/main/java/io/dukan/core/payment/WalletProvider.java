package io.dukan.core.payment;

import io.dukan.core.order.Order;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Out-port: a wallet provider with a hosted payment page (JazzCash, Easypaisa, Alipay). The shopper's browser is
 * sent there by a form ({@link #start}); the result is known from the provider's signed callback ({@link #confirm})
 * or its status inquiry API ({@link #inquire}), never from an unsigned redirect.
 */
public interface WalletProvider {

    /** The provider's name in URLs, keys and history ("jazzcash"). */
    String name();

    /** The name shoppers know ("JazzCash"). */
    String displayName();

    /** The one currency the provider charges in (PKR, CNY): orders in another currency cannot use it. */
    String currency();

    /** How long the provider's page takes the payment. */
    Duration expiry();

    /** The credentials the owner enters. */
    List<WalletKeys.Field> keyFields();

    /**
     * The form that sends the shopper to the provider's page for this attempt.
     *
     * @param returnUrl where the provider sends the shopper back
     * @param notifyUrl where the provider posts its asynchronous notification (providers that have one)
     */
    HostedPayment start(
            TenantId tenant, WalletKeys keys, Order order, PaymentAttempt attempt, String returnUrl, String notifyUrl);

    /**
     * Checks a callback's signature with the store's credentials (constant-time) and reads it.
     *
     * @throws WebhookRejectedException the signature is missing or wrong, or the provider's callbacks are unsigned
     */
    Confirmation confirm(TenantId tenant, WalletKeys keys, Map<String, String> callback);

    /**
     * Asks the provider's status inquiry API about the attempt.
     *
     * @throws io.dukan.core.shared.TryAgainLaterException the provider could not be reached
     */
    Confirmation inquire(TenantId tenant, WalletKeys keys, PaymentAttempt attempt);

    /**
     * A further step some providers' checkouts take through the shopper's browser before the result (Easypaisa's
     * auth_token sent on to Confirm.jsf); empty when the return is the end.
     */
    default java.util.Optional<HostedPayment> next(WalletKeys keys, Map<String, String> returned, String returnUrl) {
        return java.util.Optional.empty();
    }

    /** A form to the provider's page ({@code method} GET or POST), its fields in the order they are sent. */
    record HostedPayment(String method, String action, Map<String, String> fields) {}

    /** What the provider says about an attempt. */
    enum Status {
        PAID,
        /** Not final yet (an over-the-counter voucher, a wallet awaiting the shopper's approval). */
        PENDING,
        CANCELLED,
        FAILED
    }

    /**
     * The provider's word on an attempt: {@code reference} the attempt's, {@code orderCode} the order's public code
     * (null when the callback does not carry it), {@code transactionId} the provider's own id for the money (may be
     * empty), {@code amount} what it says moved, {@code code}/{@code message} its response code and text.
     */
    record Confirmation(
            Status status,
            String reference,
            String orderCode,
            String transactionId,
            Money amount,
            String code,
            String message) {}
}
