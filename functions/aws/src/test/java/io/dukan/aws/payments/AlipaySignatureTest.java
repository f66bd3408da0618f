package io.dukan.aws.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlipaySignatureTest {

    static String privateKey;
    static String publicKey;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    /**
     * Alipay's documented asynchronous-notification example (the Open Platform's "异步通知验签" page, as copied in
     * public notes): the string to verify is every parameter but sign and sign_type, sorted, k=v joined by &. The
     * example's printed string leaves out gmt_create although the notification carries it, against its own rule
     * ("every parameter but sign and sign_type"); the expected string here follows the rule, so it has gmt_create.
     */
    @Test
    void thePublishedNotificationExample_givesThePublishedStringToVerify() {
        Map<String, String> n = new LinkedHashMap<>();
        n.put("total_amount", "2.00");
        n.put("buyer_id", "2088102116773037");
        n.put("body", "大乐透2.1");
        n.put("trade_no", "2016071921001003030200089909");
        n.put("refund_fee", "0.00");
        n.put("notify_time", "2016-07-19 14:10:49");
        n.put("subject", "大乐透2.1");
        n.put("sign_type", "RSA2");
        n.put("charset", "utf-8");
        n.put("notify_type", "trade_status_sync");
        n.put("out_trade_no", "0719141034-6418");
        n.put("gmt_close", "2016-07-19 14:10:46");
        n.put("gmt_payment", "2016-07-19 14:10:47");
        n.put("trade_status", "TRADE_SUCCESS");
        n.put("version", "1.0");
        n.put("sign", "kPbQIjX+xQc8F0/A6/AocELIjhhZnGbcBN6G4MM/HmfWL4ZiHM6fWl5NQhzXJusaklZ1LFuMo+lHQUELAYeugH8L");
        n.put("gmt_create", "2016-07-19 14:10:44");
        n.put("app_id", "2015102700040153");
        n.put("seller_id", "2088102119685838");
        n.put("notify_id", "4a91b7a78a503640467525113fb7d8bg8e");

        assertThat(AlipaySignature.notifyContent(n))
                .isEqualTo("app_id=2015102700040153&body=大乐透2.1&buyer_id=2088102116773037&charset=utf-8"
                        + "&gmt_close=2016-07-19 14:10:46&gmt_create=2016-07-19 14:10:44&gmt_payment=2016-07-19 14:10:47"
                        + "&notify_id=4a91b7a78a503640467525113fb7d8bg8e&notify_time=2016-07-19 14:10:49"
                        + "&notify_type=trade_status_sync&out_trade_no=0719141034-6418&refund_fee=0.00"
                        + "&seller_id=2088102119685838&subject=大乐透2.1&total_amount=2.00"
                        + "&trade_no=2016071921001003030200089909&trade_status=TRADE_SUCCESS&version=1.0");
    }

    @Test
    void aRequestsSignCoversSignType_butANotificationsDoesNot() {
        Map<String, String> p = Map.of("app_id", "1", "sign_type", "RSA2", "sign", "x", "method", "m", "empty", "");
        assertThat(AlipaySignature.requestContent(p)).isEqualTo("app_id=1&method=m&sign_type=RSA2");
        assertThat(AlipaySignature.notifyContent(p)).isEqualTo("app_id=1&method=m");
    }

    @Test
    void aNotificationSignedWithThePrivateKey_verifiesWithThePublicKey_only() throws Exception {
        Map<String, String> n = notification();
        n.put("sign", AlipaySignature.sign(AlipaySignature.notifyContent(n), privateKey));
        assertThat(AlipaySignature.verify(AlipaySignature.notifyContent(n), n.get("sign"), publicKey))
                .isTrue();

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String otherPublic = Base64.getEncoder()
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        assertThat(AlipaySignature.verify(AlipaySignature.notifyContent(n), n.get("sign"), otherPublic))
                .isFalse();
        assertThat(AlipaySignature.verify(AlipaySignature.notifyContent(n), "", publicKey))
                .isFalse();
        assertThat(AlipaySignature.verify(AlipaySignature.notifyContent(n), "bm90IGEgc2lnbg==", publicKey))
                .isFalse();
    }

    /** Property: any change to any signed field of a notification fails verification. */
    @Test
    void anyChangeToASignedField_failsVerification() {
        Map<String, String> signedOnce = notification();
        String sign = AlipaySignature.sign(AlipaySignature.notifyContent(signedOnce), privateKey);
        Random random = new Random(42);
        List<String> names = new ArrayList<>(signedOnce.keySet());
        for (int run = 0; run < 100; run++) {
            Map<String, String> n = notification();
            n.put("sign_type", "RSA2");
            String name = names.get(random.nextInt(names.size()));
            if (random.nextBoolean()) {
                n.put(name, n.get(name) + random.nextInt(10));
            } else {
                n.put("extra_" + random.nextInt(100), "x");
            }
            assertThat(AlipaySignature.verify(AlipaySignature.notifyContent(n), sign, publicKey))
                    .as("changed %s", name)
                    .isFalse();
        }
        Map<String, String> untouched = notification();
        untouched.put("sign_type", "RSA2"); // not signed: changing it alone does not matter
        assertThat(AlipaySignature.verify(AlipaySignature.notifyContent(untouched), sign, publicKey))
                .isTrue();
    }

    @Test
    void theSignedQueryAnswerObject_isCutOutExactlyAsSent() {
        String answer =
                "{\"alipay_trade_query_response\":{\"code\":\"10000\",\"msg\":\"Success\",\"note\":\"a}\\\"b\"},"
                        + "\"sign\":\"abc\"}";
        assertThat(AlipayPayments.signedObject(answer, "alipay_trade_query_response"))
                .isEqualTo("{\"code\":\"10000\",\"msg\":\"Success\",\"note\":\"a}\\\"b\"}");
    }

    static Map<String, String> notification() {
        Map<String, String> n = new LinkedHashMap<>();
        n.put("app_id", "2021000000000001");
        n.put("out_trade_no", "DKABCDEFGHIJKLMNOP");
        n.put("trade_no", "2026120622001400000000000001");
        n.put("trade_status", "TRADE_SUCCESS");
        n.put("total_amount", "88.00");
        n.put("passback_params", "abcdefghijklmnopqrstuvwxyz");
        n.put("notify_type", "trade_status_sync");
        n.put("notify_time", "2026-12-06 12:00:00");
        return n;
    }
}
