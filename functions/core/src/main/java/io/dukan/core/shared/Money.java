package io.dukan.core.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** An amount in integer minor units of an ISO 4217 currency (PKR 1250.50 is 125050 PKR). */
public record Money(long minor, String currency) {

    /** Large enough for any SME order, small enough that sums of 100 lines never overflow. */
    public static final long MAX_MINOR = 1_000_000_000_000L;

    public Money {
        if (minor < 0 || minor > MAX_MINOR) {
            throw new IllegalArgumentException("amount out of range: " + minor);
        }
        currencyOf(currency);
    }

    /** Digits, optionally grouped by commas in threes, optionally a dot and decimals: "1250", "1,250.50". */
    private static final java.util.regex.Pattern AMOUNT =
            java.util.regex.Pattern.compile("(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\\.[0-9]+)?");

    /**
     * Parses what an owner types ("1250", "1250.5", "1,250.50") in the currency's own precision. A comma is only
     * ever a thousands separator: "12,50" is refused rather than read as 1250, since in much of the world it
     * means twelve and a half.
     */
    public static Money parse(String field, String text, String currency) {
        String v = Text.required(field, text, 24).replace(" ", "");
        if (!AMOUNT.matcher(v).matches()) {
            String hint = v.contains(",") ? " (use a dot for decimals)" : "";
            throw new InvalidInputException(field, field + " must be a number, like 1250 or 1250.50" + hint);
        }
        BigDecimal amount = new BigDecimal(v.replace(",", ""));
        if (amount.signum() <= 0) {
            throw new InvalidInputException(field, field + " must be more than zero");
        }
        int digits = Math.max(0, currencyOf(currency).getDefaultFractionDigits());
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new InvalidInputException(
                    field, field + " has more decimals than " + currency + " allows (" + digits + ")");
        }
        BigDecimal minor = amount.movePointRight(digits).setScale(0, RoundingMode.UNNECESSARY);
        if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
            throw new InvalidInputException(field, field + " is too large");
        }
        return new Money(minor.longValueExact(), currency);
    }

    /** A valid ISO 4217 code, or an {@link InvalidInputException} on field "currency". */
    public static Currency currencyOf(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvalidInputException(
                    "currency", "currency must be a three-letter ISO 4217 code, like PKR or USD");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", "unknown currency " + code);
        }
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(minor, quantity), currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    /** The amount as a plain decimal in major units, e.g. "1250.50". */
    public String amount() {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }

    /** For people: "PKR 1,250.50". */
    public String format() {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        BigDecimal major = BigDecimal.valueOf(minor, digits);
        return currency + " " + String.format(java.util.Locale.ROOT, "%,." + digits + "f", major);
    }
}
