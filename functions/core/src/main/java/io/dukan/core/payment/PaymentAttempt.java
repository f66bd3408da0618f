package io.dukan.core.payment;

import java.time.Duration;
import java.time.Instant;

/**
 * One try at paying an order at a wallet provider: {@code reference} is unique per attempt (JazzCash's
 * pp_TxnRefNo, Easypaisa's orderRefNum, Alipay's out_trade_no); the provider's page stops taking the payment at
 * {@code expiresAt}; {@code amount} is what was sent to be paid. A pending attempt is asked about again at {@code nextInquiryAt}, later after each inquiry.
 */
public record PaymentAttempt(
        String provider,
        String orderCode,
        String reference,
        io.dukan.core.shared.Money amount,
        Instant startedAt,
        Instant expiresAt,
        int inquiries,
        Instant nextInquiryAt) {

    /** The wait before the next inquiry after {@code inquiries} of them: 30 s doubling, at most an hour. */
    public static Duration backoff(int inquiries) {
        long seconds = 30L << Math.min(Math.max(inquiries, 0), 7);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }

    /**
     * When the scheduled sweep ({@link PaymentSweep}) should next look at this attempt: its next inquiry; or, when the
     * payment window closes (the expiry plus {@link WalletPayments#GRACE}) between the last inquiry and the next, just
     * after it closes, so an unpaid order's stock is released then rather than up to a back-off later.
     */
    public Instant sweepAt() {
        Instant closes = expiresAt.plus(WalletPayments.GRACE);
        Instant lastLook = nextInquiryAt.minus(backoff(inquiries)); // when it started, or was last asked about
        return lastLook.isBefore(closes) && nextInquiryAt.isAfter(closes) ? closes.plusSeconds(1) : nextInquiryAt;
    }

    /** After one more inquiry at {@code now}. */
    public PaymentAttempt inquired(Instant now) {
        return new PaymentAttempt(
                provider,
                orderCode,
                reference,
                amount,
                startedAt,
                expiresAt,
                inquiries + 1,
                now.plus(backoff(inquiries + 1)));
    }
}
