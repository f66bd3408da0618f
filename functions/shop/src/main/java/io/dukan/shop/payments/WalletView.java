package io.dukan.shop.payments;

import io.dukan.core.payment.WalletProvider;

/** The page that sends the shopper on to a wallet provider: its name, the order, and the signed form (wallet.jte). */
public record WalletView(String name, String orderCode, WalletProvider.HostedPayment form) {

    public String method() {
        return form.method().equalsIgnoreCase("GET") ? "get" : "post";
    }
}
