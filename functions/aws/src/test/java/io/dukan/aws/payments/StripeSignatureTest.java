package io.dukan.aws.payments;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.payment.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StripeSignatureTest {

    static final String SECRET = "whsec_test_secret";
    static final byte[] PAYLOAD =
            "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void aSignatureMadeWithTheSecret_overTheExactBody_isAccepted() {
        String header = StripeSignature.header(NOW.getEpochSecond(), PAYLOAD, SECRET);
        assertThatCode(() -> StripeSignature.verify(PAYLOAD, header, SECRET, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void knownVector_fromTheDocumentedScheme_hmacSha256OfTimestampDotPayload() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of()
                .formatHex(mac.doFinal((NOW.getEpochSecond() + "." + new String(PAYLOAD, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)));
        String header = "t=" + NOW.getEpochSecond() + ",v1=ffff,v1=" + expected + ",v0=abc";
        assertThatCode(() -> StripeSignature.verify(PAYLOAD, header, SECRET, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void anotherSecret_aChangedBody_oldTimestamp_orMissingParts_areRejected() {
        long t = NOW.getEpochSecond();
        String good = StripeSignature.header(t, PAYLOAD, SECRET);
        byte[] changed = "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\" }".getBytes(StandardCharsets.UTF_8);
        assertRejected(PAYLOAD, StripeSignature.header(t, PAYLOAD, "whsec_other"), "does not match");
        assertRejected(changed, good, "does not match");
        assertRejected(PAYLOAD, StripeSignature.header(t - 301, PAYLOAD, SECRET), "tolerance");
        assertRejected(PAYLOAD, StripeSignature.header(t + 301, PAYLOAD, SECRET), "tolerance");
        assertRejected(PAYLOAD, null, "missing");
        assertRejected(PAYLOAD, "v1=" + good.substring(good.indexOf("v1=") + 3), "no timestamp");
        assertRejected(PAYLOAD, "t=" + t, "no timestamp or no v1");
        assertRejected(PAYLOAD, good.replace("v1=", "v0="), "no timestamp or no v1");
    }

    @Test
    void theEdgeOfTheTolerance_isStillAccepted() {
        long t = NOW.getEpochSecond() - 300;
        assertThatCode(() -> StripeSignature.verify(PAYLOAD, StripeSignature.header(t, PAYLOAD, SECRET), SECRET, NOW))
                .doesNotThrowAnyException();
    }

    private static void assertRejected(byte[] payload, String header, String why) {
        assertThatThrownBy(() -> StripeSignature.verify(payload, header, SECRET, NOW))
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining(why);
    }
}
