package io.dukan.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.shared.Money;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When the scheduled sweep looks at an attempt again: the back-off, and the close of the payment window. */
class PaymentAttemptTest {

    static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

    static PaymentAttempt started(Duration expiry) {
        return new PaymentAttempt(
                "jazzcash",
                "aaaaaaaaaaaaaaaaaaaaaaaaaa",
                "DKABCDEFGHIJKLMNOP",
                new Money(90000, "PKR"),
                START,
                START.plus(expiry),
                0,
                START.plus(PaymentAttempt.backoff(0)));
    }

    @Test
    void backoff_is30sDoubling_cappedAtAnHour() {
        assertThat(PaymentAttempt.backoff(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(PaymentAttempt.backoff(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(PaymentAttempt.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(PaymentAttempt.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(PaymentAttempt.backoff(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void sweepAt_isTheNextInquiry_whileTheWindowIsOpen_andDoublesAfterEachInquiry() {
        PaymentAttempt attempt = started(Duration.ofHours(24));
        assertThat(attempt.sweepAt()).isEqualTo(START.plusSeconds(30));

        PaymentAttempt once = attempt.inquired(START.plusSeconds(31));
        PaymentAttempt twice = once.inquired(START.plusSeconds(95));

        assertThat(once.sweepAt()).isEqualTo(START.plusSeconds(31 + 60));
        assertThat(twice.sweepAt()).isEqualTo(START.plusSeconds(95 + 120));
    }

    @Test
    void sweepAt_isJustAfterTheWindowCloses_whenTheNextInquiryWouldComeLater() {
        // Alipay's 30 minutes: after inquiries at +20 min the next would be +20 min + 1 h; the window closes first
        PaymentAttempt attempt = started(Duration.ofMinutes(30));
        PaymentAttempt late = attempt;
        for (int i = 0; i < 7; i++) {
            late = late.inquired(START.plus(Duration.ofMinutes(20)));
        }
        Instant closes = START.plus(Duration.ofMinutes(30)).plus(WalletPayments.GRACE);

        assertThat(late.nextInquiryAt()).isAfter(closes);
        assertThat(late.sweepAt()).isEqualTo(closes.plusSeconds(1));
    }

    @Test
    void sweepAt_afterTheWindowClosed_backsOffAgain_soAnUnreachableProviderIsNotAskedEveryRun() {
        PaymentAttempt attempt = started(Duration.ofMinutes(30));
        Instant afterClose = START.plus(Duration.ofMinutes(45));

        PaymentAttempt asked = attempt.inquired(afterClose);

        assertThat(asked.sweepAt()).isEqualTo(afterClose.plus(PaymentAttempt.backoff(1)));
    }
}
