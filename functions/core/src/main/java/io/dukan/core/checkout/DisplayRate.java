package io.dukan.core.checkout;

import io.dukan.core.order.DisplayCurrency;
import io.dukan.core.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/** A currency the owner lets shoppers see prices in, at the owner's rate (units of it per one base unit). */
public record DisplayRate(String currency, BigDecimal rate) {

    /** The amount in this currency, rounded to its minor unit: "≈ 12.40 USD". */
    public String approximate(Money base) {
        int baseDigits = Math.max(0, Currency.getInstance(base.currency()).getDefaultFractionDigits());
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        BigDecimal converted =
                BigDecimal.valueOf(base.minor(), baseDigits).multiply(rate).setScale(digits, RoundingMode.HALF_UP);
        return "≈ " + String.format(Locale.ROOT, "%,." + digits + "f", converted) + " " + currency;
    }

    public DisplayCurrency recorded() {
        return new DisplayCurrency(currency, rate);
    }
}
