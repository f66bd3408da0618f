package io.dukan.core.discount;

import io.dukan.core.shared.Money;
import java.time.Instant;

/**
 * One of a store's discount codes. {@code code} is upper case (codes are matched case-insensitively). {@code value}
 * is the percentage (1–100) for {@link DiscountKind#PERCENTAGE}, the amount in the store currency's minor units for
 * {@link DiscountKind#FIXED_AMOUNT}, 0 for free delivery. {@code minimumMinor} is the smallest products subtotal the
 * code applies to (0: any). {@code startsAt}/{@code endsAt} may be null (no limit; the end is exclusive). {@code
 * usageLimit} 0 means unlimited; {@code used} counts orders placed with the code. {@code terms} is the version of the
 * rules, raised by every edit, so an order is only written with the terms its amount was worked out from.
 */
public record Discount(
        String code,
        DiscountKind kind,
        long value,
        long minimumMinor,
        String currency,
        Instant startsAt,
        Instant endsAt,
        long usageLimit,
        boolean oncePerCustomer,
        boolean paused,
        long used,
        int terms,
        Instant createdAt) {

    public Money minimum() {
        return new Money(minimumMinor, currency);
    }

    /** Uses left, or -1 for a code without a limit. */
    public long remaining() {
        return usageLimit == 0 ? -1 : Math.max(0, usageLimit - used);
    }

    public Discount withPaused(boolean paused) {
        return new Discount(
                code,
                kind,
                value,
                minimumMinor,
                currency,
                startsAt,
                endsAt,
                usageLimit,
                oncePerCustomer,
                paused,
                used,
                terms,
                createdAt);
    }

    public Discount withUsed(long used) {
        return new Discount(
                code,
                kind,
                value,
                minimumMinor,
                currency,
                startsAt,
                endsAt,
                usageLimit,
                oncePerCustomer,
                paused,
                used,
                terms,
                createdAt);
    }

    /** The terms of {@code command}, keeping this code's uses, pause and creation; terms version + 1. */
    public Discount withTerms(DiscountCommand command) {
        return new Discount(
                code,
                command.kind(),
                command.value(),
                command.minimumMinor(),
                currency,
                command.startsAt(),
                command.endsAt(),
                command.usageLimit(),
                command.oncePerCustomer(),
                paused,
                used,
                terms + 1,
                createdAt);
    }
}
