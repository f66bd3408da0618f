package io.dukan.aws.payments;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * JazzCash's pp_SecureHash, as its "Hashing Scheme" page documents it: take every non-empty field whose name starts
 * with {@code pp} (pp_… and ppmpf_…) except pp_SecureHash itself, sort them by name (ASCII), join their values with
 * {@code &}, put the integrity salt and {@code &} in front, and HMAC-SHA256 that message keyed by the integrity salt;
 * the digest goes as hex (JazzCash sends it in capitals; it is compared without regard to case, in constant time).
 */
final class JazzCashSecureHash {

    static final String FIELD = "pp_SecureHash";

    private JazzCashSecureHash() {}

    /** The message that is signed: "salt&value&value…". */
    static String message(Map<String, String> fields, String salt) {
        StringBuilder message = new StringBuilder(salt);
        new TreeMap<>(fields).forEach((name, value) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("pp")
                    && !name.equalsIgnoreCase(FIELD)
                    && value != null
                    && !value.isEmpty()) {
                message.append('&').append(value);
            }
        });
        return message.toString();
    }

    /** The hash in capital hex. */
    static String hash(Map<String, String> fields, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(message(fields, salt).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Whether the fields carry the hash their other fields give with this salt. */
    static boolean verifies(Map<String, String> fields, String salt) {
        String given = fields.get(FIELD);
        if (given == null || given.isEmpty()) {
            return false;
        }
        byte[] expected = hash(fields, salt).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
