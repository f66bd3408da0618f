package io.dukan.core.order;

import java.util.Locale;

/**
 * How the shopper pays. Cash on delivery and bank transfer need no processor at all (the owner marks the order
 * paid); CARD goes through a payment provider and is confirmed by its signed webhook; JAZZCASH, EASYPAISA (Pakistani
 * mobile wallets) and ALIPAY go through the provider's hosted page and are confirmed by its signed callback or its
 * status inquiry, never by the shopper's return alone.
 */
public enum PaymentMethod {
    CASH_ON_DELIVERY,
    BANK_TRANSFER,
    CARD,
    JAZZCASH,
    EASYPAISA,
    ALIPAY;

    /** Paid at a wallet provider's hosted page (JazzCash, Easypaisa, Alipay). */
    public boolean wallet() {
        return this == JAZZCASH || this == EASYPAISA || this == ALIPAY;
    }

    /** The provider's name in URLs, keys and history ("jazzcash"), for wallet methods. */
    public String provider() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The wallet method of a provider name, if it is one. */
    public static java.util.Optional<PaymentMethod> ofProvider(String provider) {
        for (PaymentMethod m : values()) {
            if (m.wallet() && m.provider().equals(provider)) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}
