package io.dukan.aws.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JazzCashSecureHashTest {

    /**
     * JazzCash's "Hashing Scheme" page: integrity salt 0F5DD14AE2 and the fields pp_Amount=2995, pp_MerchantID=MER123,
     * pp_OrderInfo=A48cvE28 give the message "0F5DD14AE2&2995&MER123&A48cvE28" (printed verbatim there). The page
     * does not print the digest; the expected value was computed independently with
     * {@code printf %s '0F5DD14AE2&2995&MER123&A48cvE28' | openssl dgst -sha256 -hmac 0F5DD14AE2} and matches the
     * value other public integrations pin for the same sample.
     */
    @Test
    void thePublishedSample_givesThePublishedMessage_andItsHmac() {
        Map<String, String> fields = Map.of("pp_MerchantID", "MER123", "pp_OrderInfo", "A48cvE28", "pp_Amount", "2995");

        assertThat(JazzCashSecureHash.message(fields, "0F5DD14AE2")).isEqualTo("0F5DD14AE2&2995&MER123&A48cvE28");
        assertThat(JazzCashSecureHash.hash(fields, "0F5DD14AE2"))
                .isEqualTo("C7689CDA7474EB1ADCD343FD0C0B676BAD0BA66361CC46DB589BDB0DA4C1C867");
    }

    @Test
    void emptyFields_fieldsNotStartingWithPp_andTheHashItself_areLeftOut_andPpmpfSortsAfterPpUnderscore() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ppmpf_1", "code");
        fields.put("pp_Amount", "2995");
        fields.put("pp_BankID", "");
        fields.put("pp_SecureHash", "XYZ");
        fields.put("other", "ignored");
        fields.put("pp_TxnRefNo", "DK1");

        assertThat(JazzCashSecureHash.message(fields, "salt")).isEqualTo("salt&2995&DK1&code");
    }

    @Test
    void aResultSignedWithTheSalt_verifies_inEitherCase() {
        Map<String, String> fields = result();
        fields.put("pp_SecureHash", JazzCashSecureHash.hash(fields, "0F5DD14AE2"));
        assertThat(JazzCashSecureHash.verifies(fields, "0F5DD14AE2")).isTrue();

        fields.put("pp_SecureHash", fields.get("pp_SecureHash").toLowerCase(java.util.Locale.ROOT));
        assertThat(JazzCashSecureHash.verifies(fields, "0F5DD14AE2")).isTrue();
        assertThat(JazzCashSecureHash.verifies(fields, "0F5DD14AE3")).isFalse();
        fields.remove("pp_SecureHash");
        assertThat(JazzCashSecureHash.verifies(fields, "0F5DD14AE2")).isFalse();
    }

    /** Property: any change to any signed field (value changed, emptied, or a signed field added) fails verification. */
    @Test
    void anyChangeToASignedField_failsVerification() {
        Random random = new Random(20261206);
        for (int run = 0; run < 500; run++) {
            Map<String, String> fields = result();
            fields.put("pp_SecureHash", JazzCashSecureHash.hash(fields, "0F5DD14AE2"));
            List<String> signed = new ArrayList<>(fields.keySet());
            signed.remove("pp_SecureHash");
            String field = signed.get(random.nextInt(signed.size()));
            String before = fields.get(field);
            switch (random.nextInt(3)) {
                case 0 -> fields.put(field, before + (char) ('0' + random.nextInt(10)));
                case 1 -> fields.put(field, mutate(before, random));
                default -> fields.put("ppmpf_" + (2 + random.nextInt(4)), "x" + random.nextInt(1000));
            }
            assertThat(JazzCashSecureHash.verifies(fields, "0F5DD14AE2"))
                    .as("run %d changed %s", run, field)
                    .isFalse();
        }
    }

    private static String mutate(String value, Random random) {
        if (value.isEmpty()) {
            return "1";
        }
        char[] chars = value.toCharArray();
        int i = random.nextInt(chars.length);
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    static Map<String, String> result() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("pp_Amount", "125000");
        f.put("pp_BillReference", "1001");
        f.put("pp_Language", "EN");
        f.put("pp_MerchantID", "MC12345");
        f.put("pp_ResponseCode", "000");
        f.put("pp_ResponseMessage", "Thank you for Using JazzCash, your transaction was successful.");
        f.put("pp_RetreivalReferenceNo", "201202123456");
        f.put("pp_TxnCurrency", "PKR");
        f.put("pp_TxnDateTime", "20261206120000");
        f.put("pp_TxnRefNo", "DKABCDEFGHIJKLMNOP");
        f.put("pp_Version", "1.1");
        f.put("ppmpf_1", "abcdefghijklmnopqrstuvwxyz");
        return f;
    }
}
