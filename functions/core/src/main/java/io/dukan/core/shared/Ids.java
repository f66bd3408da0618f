package io.dukan.core.shared;

import java.security.SecureRandom;

/**
 * Identifiers: lowercase base32 in ASCII order, safe in URLs and in DynamoDB keys (never contain '#').
 * Record ids start with the creation time, so sorting keys by id sorts by age without an index.
 */
public final class Ids {

    private static final char[] ALPHABET = "234567abcdefghijklmnopqrstuvwxyz".toCharArray();
    /**
     * The platform's default: on Linux (Lambda) NativePRNG, which XORs bytes read from /dev/urandom into every
     * output. So a SnapStart snapshot, restored in many environments, does not make them draw the same ids and
     * secrets, although this instance was created before the snapshot: the kernel's pool is made unique per restored
     * environment (AWS, "Handling uniqueness with Lambda SnapStart"). A seeded or SHA1PRNG instance would repeat.
     */
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int TIME_CHARS = 9; // 32^9 ms is about 1,100 years

    private Ids() {}

    /** The algorithm ids and secrets are drawn with (see {@link #RANDOM}). */
    static String randomAlgorithm() {
        return RANDOM.getAlgorithm();
    }

    /** 16 characters: 9 of creation time (ms), 7 random (35 bits); sortable by age. */
    public static String newId() {
        long millis = System.currentTimeMillis();
        char[] out = new char[16];
        for (int i = TIME_CHARS - 1; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        for (int i = TIME_CHARS; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    /** 26 random characters, 130 bits: for what must not be guessed (order codes, session tokens). */
    public static String newSecret() {
        char[] out = new char[26];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    /** True when the text could be an id made here: guards key building against injected separators. */
    public static boolean looksLikeId(String text, int maxLength) {
        if (text == null || text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
                return false;
            }
        }
        return true;
    }
}
