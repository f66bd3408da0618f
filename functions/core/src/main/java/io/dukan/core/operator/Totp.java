package io.dukan.core.operator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps, 6 digits, the
 * parameters every authenticator app uses by default. Secrets travel as RFC 4648 base32 (what otpauth:// URIs
 * and the apps' "enter a key" fields take).
 */
public final class Totp {

    public static final long STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Codes of one step before or after now are accepted too: phone clocks drift and people type slowly. */
    public static final int WINDOW = 1;

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    /** A new 160-bit secret (RFC 4226's recommended length), base32. */
    public static String newSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return base32(key);
    }

    /** The time step an instant falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for a step (RFC 6238 section 4 with {@code algorithm} HmacSHA1, HmacSHA256 or HmacSHA512). */
    public static String code(byte[] key, long step, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            int otp = binary % (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", otp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    /** The 6-digit code of a base32 secret at an instant. */
    public static String code(String base32Secret, Instant at) {
        return code(fromBase32(base32Secret), step(at), DIGITS, "HmacSHA1");
    }

    /**
     * The step whose code was typed, if it is within {@link #WINDOW} steps of {@code now} and later than
     * {@code lastUsedStep} (a code is good once: one seen over a shoulder or a proxy cannot be replayed).
     */
    public static OptionalLong verify(String base32Secret, String typed, Instant now, long lastUsedStep) {
        if (typed == null) {
            return OptionalLong.empty();
        }
        String digits = typed.replace(" ", "").strip();
        if (!digits.matches("[0-9]{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] key = fromBase32(base32Secret);
        long current = step(now);
        OptionalLong matched = OptionalLong.empty();
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            // every candidate is computed and compared in constant time, whichever matches
            boolean same = java.security.MessageDigest.isEqual(
                    code(key, s, DIGITS, "HmacSHA1").getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII));
            if (same && s > lastUsedStep && matched.isEmpty()) {
                matched = OptionalLong.of(s);
            }
        }
        return matched;
    }

    /** The otpauth:// URI authenticator apps read (as a QR code or pasted). */
    public static String uri(String issuer, String account, String base32Secret) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + base32Secret + "&issuer="
                + encode(issuer) + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** Base32 without padding; spaces and case are ignored (apps show the key in groups). */
    public static byte[] fromBase32(String text) {
        String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a base32 secret");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
