package io.dukan.core.account;

import io.dukan.core.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The secrets of one-time links. The link carries a random token (130 bits); the store keeps only its SHA-256, so
 * whoever reads the table cannot use a pending link. (A slow hash is not needed: the token is not guessable.)
 */
public final class OneTimeTokens {

    private OneTimeTokens() {}

    public static String newToken() {
        return Ids.newSecret();
    }

    /** Whether the text has the shape of a token made here (checked before any lookup). */
    public static boolean looksLikeToken(String token) {
        return token != null && token.length() == 26 && Ids.looksLikeId(token, 26);
    }

    /** Lower-case hex SHA-256 of the token. */
    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
