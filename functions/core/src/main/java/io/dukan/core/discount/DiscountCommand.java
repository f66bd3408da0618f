package io.dukan.core.discount;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Text;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A code's terms as the owner submits them; validates itself (see {@link Discount} for the fields). {@link #of}
 * reads the owner's form: amounts in the store's currency, dates and times in the store's time zone.
 */
public record DiscountCommand(
        String code,
        DiscountKind kind,
        long value,
        long minimumMinor,
        Instant startsAt,
        Instant endsAt,
        long usageLimit,
        boolean oncePerCustomer) {

    public static final long MAX_USES = 1_000_000;

    public DiscountCommand {
        code = DiscountCodes.valid(code);
        if (kind == null) {
            throw new InvalidInputException("discountKind", "choose what the code takes off");
        }
        switch (kind) {
            case PERCENTAGE -> {
                if (value < 1 || value > 100) {
                    throw new InvalidInputException("discountValue", "the percentage must be between 1 and 100");
                }
            }
            case FIXED_AMOUNT -> {
                if (value < 1 || value > Money.MAX_MINOR) {
                    throw new InvalidInputException("discountValue", "the amount must be more than zero");
                }
            }
            case FREE_DELIVERY -> value = 0;
        }
        if (minimumMinor < 0 || minimumMinor > Money.MAX_MINOR) {
            throw new InvalidInputException("discountMinimum", "the minimum order is out of range");
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new InvalidInputException("discountEnds", "the end must be after the start");
        }
        if (usageLimit < 0 || usageLimit > MAX_USES) {
            throw new InvalidInputException(
                    "discountLimit", "the number of uses must be between 1 and " + MAX_USES + ", or empty");
        }
    }

    /**
     * From the owner's form. {@code value} is a whole percentage or an amount ("1250.50"), ignored for free delivery;
     * {@code minimum} and {@code usageLimit} may be empty (none); {@code startsAt}/{@code endsAt} are
     * "2026-12-24T09:00" in {@code zone}, or empty.
     */
    public static DiscountCommand of(
            String code,
            String kind,
            String value,
            String minimum,
            String startsAt,
            String endsAt,
            String usageLimit,
            boolean oncePerCustomer,
            String currency,
            ZoneId zone) {
        DiscountKind k = kind(kind);
        long v = switch (k) {
            case PERCENTAGE -> percent(value);
            case FIXED_AMOUNT -> Money.parse("discountValue", value, currency).minor();
            case FREE_DELIVERY -> 0;
        };
        String min = Text.optional("discountMinimum", minimum, 24);
        long minimumMinor = min.isEmpty()
                ? 0
                : Money.parse("discountMinimum", min, currency).minor();
        String limit = Text.optional("discountLimit", usageLimit, 12);
        long uses = limit.isEmpty() ? 0 : Text.integer("discountLimit", limit, 1, (int) MAX_USES);
        return new DiscountCommand(
                code,
                k,
                v,
                minimumMinor,
                time("discountStarts", startsAt, zone),
                time("discountEnds", endsAt, zone),
                uses,
                oncePerCustomer);
    }

    private static DiscountKind kind(String text) {
        String k = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (DiscountKind kind : DiscountKind.values()) {
            if (kind.name().equals(k)) {
                return kind;
            }
        }
        throw new InvalidInputException("discountKind", "choose what the code takes off");
    }

    private static long percent(String text) {
        String v = Text.required("discountValue", text, 6).replace("%", "").strip();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("discountValue", "the percentage must be a whole number from 1 to 100");
        }
    }

    private static Instant time(String field, String text, ZoneId zone) {
        String v = Text.optional(field, text, 20);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a date and time must look like 2026-12-24 09:00");
        }
    }
}
