package io.dukan.core.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238's own test vectors (Appendix B), and what the console relies on: the window and one use per code. */
class TotpTest {

    static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA512_SEED = ("12345678901234567890123456789012345678901234567890123456789012345678901234"
                    .substring(0, 64))
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"
    })
    void codes_matchRfc6238AppendixB(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(SHA1_SEED, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_SEED, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_SEED, step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void base32_roundTrips_andReadsRfc4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Totp.fromBase32("mzxw 6ytb oi======"), StandardCharsets.US_ASCII))
                .isEqualTo("foobar");
        String secret = Totp.newSecret();
        assertThat(Totp.fromBase32(secret)).hasSize(20);
        assertThat(Totp.base32(Totp.fromBase32(secret))).isEqualTo(secret);
    }

    @Test
    void verify_acceptsTheNeighbouringSteps_only_andNeverAStepUsedBefore() {
        String secret = Totp.base32(SHA1_SEED);
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        String current = Totp.code(secret, now);
        assertThat(current).hasSize(6).isEqualTo("050471"); // the RFC's 8 digits, last 6
        assertThat(Totp.verify(secret, current, now, 0)).hasValue(step);
        assertThat(Totp.verify(secret, Totp.code(secret, now.minusSeconds(30)), now, 0))
                .hasValue(step - 1);
        assertThat(Totp.verify(secret, Totp.code(secret, now.plusSeconds(30)), now, 0))
                .hasValue(step + 1);
        assertThat(Totp.verify(secret, Totp.code(secret, now.minusSeconds(90)), now, 0))
                .isEmpty();
        assertThat(Totp.verify(secret, current, now, step)).as("used already").isEmpty();
        assertThat(Totp.verify(secret, "12345", now, 0)).isEmpty();
        assertThat(Totp.verify(secret, null, now, 0)).isEmpty();
        assertThat(Totp.verify(secret, current.substring(0, 3) + " " + current.substring(3), now, 0))
                .hasValue(step);
    }

    @Test
    void theOtpauthUri_namesIssuerAccountAndSecret() {
        assertThat(Totp.uri("Dukan operator", "ops@x.example", "ABC"))
                .isEqualTo("otpauth://totp/Dukan%20operator:ops%40x.example?secret=ABC&issuer=Dukan%20operator"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
