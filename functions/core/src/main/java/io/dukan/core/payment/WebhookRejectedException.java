package io.dukan.core.payment;

import io.dukan.core.shared.InvalidInputException;

/** A webhook whose signature does not prove it came from the provider with this store's secret. Nothing changes. */
public class WebhookRejectedException extends InvalidInputException {

    public WebhookRejectedException(String message) {
        super("signature", message);
    }

    @Override
    public String code() {
        return "webhook-rejected";
    }
}
