package io.dukan.aws.payments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Alipay's RSA2 signatures, as the Open Platform documents them ("签名与验签"): the parameters except {@code sign}
 * (and, when verifying a notification, {@code sign_type}) with non-empty values, sorted by name (ASCII), as
 * {@code name=value} joined by {@code &} (values as received, not URL-encoded), signed SHA256withRSA; the signature
 * goes as Base64. Keys are the Base64 bodies Alipay's key tool shows: the app's PKCS#8 private key, Alipay's X.509
 * public key.
 */
final class AlipaySignature {

    private AlipaySignature() {}

    /** The string a request's sign covers (everything but sign). */
    static String requestContent(Map<String, String> params) {
        return content(params, false);
    }

    /** The string a notification's sign covers (everything but sign and sign_type). */
    static String notifyContent(Map<String, String> params) {
        return content(params, true);
    }

    private static String content(Map<String, String> params, boolean withoutSignType) {
        return new TreeMap<>(params)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals("sign")
                                && !(withoutSignType && e.getKey().equals("sign_type"))
                                && e.getValue() != null
                                && !e.getValue().isEmpty())
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&"));
    }

    static String sign(String content, String privateKeyBase64) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey(privateKeyBase64));
            rsa.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the Alipay app private key is not a Base64 PKCS#8 RSA key", e);
        }
    }

    static boolean verify(String content, String signatureBase64, String publicKeyBase64) {
        if (signatureBase64 == null || signatureBase64.isEmpty()) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(publicKey(publicKeyBase64));
            rsa.update(content.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static PrivateKey privateKey(String base64) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(decode(base64)));
    }

    static PublicKey publicKey(String base64) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decode(base64)));
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder()
                .decode(base64.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s+", ""));
    }
}
