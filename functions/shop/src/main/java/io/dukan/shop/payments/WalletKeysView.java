package io.dukan.shop.payments;

import java.util.List;

/**
 * The owner's page for one wallet provider's credentials (admin/wallet.jte): each field with what is stored (a
 * secret masked to its last four characters, an identifier in full), the URLs to give the provider, an error.
 */
public record WalletKeysView(
        String provider,
        String name,
        String currency,
        List<Field> fields,
        List<String> urls,
        String error,
        boolean saved) {

    public record Field(String name, boolean secret, int maxLength, String stored) {}
}
