package io.dukan.core.order;

import io.dukan.core.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What makes a placement happen once: a key (the checkout form's one-time token, or an API client's
 * Idempotency-Key) and a fingerprint of what was submitted under it (the cart, or the request). The same key again
 * gives the order placed first; the same key with another fingerprint is refused.
 */
public record Idempotency(String key, String fingerprint) {

    private static final Pattern API_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public Idempotency {
        if (key == null
                || !key.matches("(form|api)-[A-Za-z0-9._:-]{1,100}")
                || fingerprint == null
                || fingerprint.isEmpty()
                || fingerprint.length() > 128) {
            throw new IllegalArgumentException("bad idempotency key or fingerprint");
        }
    }

    /** The checkout form's token (made by this store), for the shopper's cart. */
    public static Idempotency ofCheckout(String token, String cartId) {
        return new Idempotency("form-" + token, cartId);
    }

    /** An API client's Idempotency-Key header, for this request's content. */
    public static Idempotency ofApiKey(String headerValue, String requestContent) {
        String key = headerValue == null ? "" : headerValue.strip();
        if (!API_KEY.matcher(key).matches()) {
            throw new InvalidInputException(
                    "Idempotency-Key", "Idempotency-Key must be 1 to 100 letters, digits or . _ : -");
        }
        return new Idempotency("api-" + key, sha256(requestContent));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
