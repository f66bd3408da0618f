package io.dukan.aws.payments;

import io.dukan.core.payment.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature, as Stripe documents it ("Verify webhook signatures manually"): the
 * {@code Stripe-Signature} header is {@code t=<unix seconds>,v1=<hex>[,v1=<hex>…][,v0=…]}; each v1 is the
 * HMAC-SHA256, keyed with the endpoint's signing secret, of {@code "<t>.<the raw request body>"}. A signature is
 * accepted when one v1 matches (compared in constant time) and t is within the tolerance of now (replay window).
 */
final class StripeSignature {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StripeSignature() {}

    static void verify(byte[] payload, String header, String secret, Instant now) {
        if (header == null || header.isBlank()) {
            throw new WebhookRejectedException("the Stripe-Signature header is missing");
        }
        long timestamp = -1;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (key.equals("t") && value.matches("[0-9]{1,12}")) {
                timestamp = Long.parseLong(value);
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp < 0 || signatures.isEmpty()) {
            throw new WebhookRejectedException("the Stripe-Signature header has no timestamp or no v1 signature");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            throw new WebhookRejectedException("the signature's timestamp is outside the tolerance");
        }
        byte[] expected =
                HexFormat.of().formatHex(sign(timestamp, payload, secret)).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String candidate : signatures) {
            // every candidate is compared, so the time taken does not tell which one came close
            match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        if (!match) {
            throw new WebhookRejectedException("the signature does not match");
        }
    }

    /** The raw HMAC-SHA256 of "{t}.{payload}". */
    static byte[] sign(long timestamp, byte[] payload, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** A header as Stripe would send it, for tests and local tools. */
    static String header(long timestamp, byte[] payload, String secret) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sign(timestamp, payload, secret));
    }
}
