package io.dukan.aws.payments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Easypaisa's merchantHashedReq, as its hosted-checkout integration guide defines it: the request's non-empty fields
 * as {@code name=value} sorted by name and joined by {@code &}, encrypted with AES/ECB/PKCS5Padding under the store's
 * hash key (its bytes as the AES key: 16 characters, AES-128), then Base64.
 */
final class EasypaisaHash {

    static final String FIELD = "merchantHashedReq";

    private EasypaisaHash() {}

    /** "amount=10.0&expiryDate=…&orderRefNum=…": what is encrypted. */
    static String plain(Map<String, String> fields) {
        return new TreeMap<>(fields)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals(FIELD)
                                && e.getValue() != null
                                && !e.getValue().isEmpty())
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&"));
    }

    static String hash(Map<String, String> fields, String hashKey) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hashKey.getBytes(StandardCharsets.UTF_8), "AES"));
            return Base64.getEncoder().encodeToString(aes.doFinal(plain(fields).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the Easypaisa hash key must be 16, 24 or 32 characters", e);
        }
    }

    /** The decrypted request (what a stand-in or a test reads back). */
    static String decrypt(String hashed, String hashKey) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(hashKey.getBytes(StandardCharsets.UTF_8), "AES"));
            return new String(aes.doFinal(Base64.getDecoder().decode(hashed)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
