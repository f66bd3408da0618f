package io.dukan.core.payment;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Text;

/**
 * A store's keys at a provider: the secret API key (to start payments) and the webhook signing secret (to check
 * events). Never shown back in full ({@link #masked}); never logged ({@link #toString}).
 */
public record ProviderKeys(String provider, String secretKey, String webhookSecret) {

    public ProviderKeys {
        secretKey = Text.required("secretKey", secretKey, 255);
        webhookSecret = Text.required("webhookSecret", webhookSecret, 255);
        if (!secretKey.matches("[A-Za-z0-9_]+") || !webhookSecret.matches("[A-Za-z0-9_]+")) {
            throw new InvalidInputException(
                    "secretKey", "keys are letters, digits and underscores, as the provider shows them");
        }
    }

    /** "sk_live_…WXYZ": enough to recognise which key is stored, not enough to use it. */
    public static String masked(String secret) {
        if (secret == null || secret.length() < 12) {
            return "…";
        }
        int prefix = secret.indexOf('_', secret.indexOf('_') + 1) + 1;
        return secret.substring(0, Math.min(Math.max(prefix, 0), 8)) + "…" + secret.substring(secret.length() - 4);
    }

    @Override
    public String toString() {
        return "ProviderKeys[provider=" + provider + ", secretKey=" + masked(secretKey) + ", webhookSecret="
                + masked(webhookSecret) + "]";
    }
}
