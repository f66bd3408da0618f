package io.dukan.core.payment;

import io.dukan.core.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A store's credentials at a wallet provider, by the provider's own field names (JazzCash: merchant ID, password,
 * integrity salt; Easypaisa: store ID, hash key, API user and password; Alipay: app ID, app private key, Alipay
 * public key). Secret fields are never shown back in full ({@link #masked}) and never logged ({@link #toString}).
 */
public record WalletKeys(String provider, Map<String, String> fields) {

    /** One credential the owner enters: its name, whether it is a secret, and its longest accepted length. */
    public record Field(String name, boolean secret, int maxLength) {}

    public WalletKeys {
        fields = Map.copyOf(fields);
    }

    /** The credentials as the owner typed them, each required and checked against the provider's fields. */
    public static WalletKeys of(String provider, List<Field> spec, Map<String, String> typed) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : spec) {
            String value =
                    typed.get(f.name()) == null ? "" : typed.get(f.name()).strip();
            if (value.isEmpty()) {
                throw new InvalidInputException(f.name(), f.name() + " is required");
            }
            if (value.length() > f.maxLength()) {
                throw new InvalidInputException(
                        f.name(), f.name() + " is longer than " + f.maxLength() + " characters");
            }
            if (!value.matches("[\\x21-\\x7e]+")) {
                throw new InvalidInputException(
                        f.name(),
                        f.name() + " is letters, digits and symbols without spaces, as the provider shows it");
            }
            out.put(f.name(), value);
        }
        return new WalletKeys(provider, out);
    }

    public String get(String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalStateException("the stored " + provider + " credentials have no " + name);
        }
        return value;
    }

    /** "…WXYZ": the last four characters, enough to recognise which secret is stored, not enough to use it. */
    public static String masked(String secret) {
        if (secret == null || secret.length() < 8) {
            return "…";
        }
        return "…" + secret.substring(secret.length() - 4);
    }

    @Override
    public String toString() {
        return "WalletKeys[provider=" + provider + ", fields=" + fields.keySet() + "]";
    }
}
