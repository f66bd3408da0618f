package io.dukan.core.payment;

import io.dukan.core.order.Order;
import io.dukan.core.tenant.TenantId;
import java.util.Map;

/**
 * Out-port: a card or wallet provider. The shopper is sent to the provider's page ({@link #start}); the money's
 * arrival is known only from the provider's signed webhook ({@link #verify}), never from the shopper's return.
 */
public interface PaymentProvider {

    /** The provider's name in URLs, keys and history ("stripe"). */
    String name();

    /** Whether the store has entered this provider's keys. */
    boolean configured(TenantId tenant);

    /**
     * Starts paying for the order at the provider.
     *
     * @param returnUrl where the provider sends the shopper back (the order's page)
     */
    PaymentStart start(TenantId tenant, Order order, String returnUrl);

    /**
     * Checks the webhook's signature with the store's webhook secret and reads the event from the exact bytes that
     * were signed.
     *
     * @throws WebhookRejectedException the signature is missing, wrong or too old, or the store has no secret
     */
    ProviderEvent verify(TenantId tenant, byte[] payload, Map<String, String> headers);

    /** Where to send the shopper ({@code redirectUrl}), or the client secret for an embedded form. */
    record PaymentStart(String redirectUrl, String clientSecret) {}
}
