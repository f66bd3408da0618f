package io.dukan.core.checkout;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The display currencies the owner enabled, with the rates they set. The store still charges in its base currency. */
public record DisplayCurrencies(List<DisplayRate> rates) {

    public static final int MAX = 10;
    public static final DisplayCurrencies NONE = new DisplayCurrencies(List.of());
    private static final BigDecimal MAX_RATE = BigDecimal.valueOf(1_000_000);

    public DisplayCurrencies {
        rates = List.copyOf(rates);
    }

    public Optional<DisplayRate> find(String currency) {
        return rates.stream().filter(r -> r.currency().equals(currency)).findFirst();
    }

    /**
     * Parses the owner's lines "USD 0.0036" (one currency and rate per line, or separated by commas): how many units
     * of it one unit of the base currency buys.
     */
    public static DisplayCurrencies parse(String text, String baseCurrency) {
        String all = Text.optional("rates", text, 2000);
        Map<String, DisplayRate> out = new LinkedHashMap<>();
        for (String line : all.split("[,;\\n]")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split("[\\s=:]+");
            if (parts.length != 2) {
                throw new InvalidInputException("rates", "write each currency as its code and rate, like USD 0.0036");
            }
            String code = parts[0].toUpperCase(Locale.ROOT);
            Money.currencyOf(code);
            if (code.equals(baseCurrency)) {
                throw new InvalidInputException("rates", code + " is the store's own currency");
            }
            BigDecimal rate;
            try {
                rate = new BigDecimal(parts[1]);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("rates", "the rate for " + code + " must be a number, like 0.0036");
            }
            if (rate.signum() <= 0
                    || rate.compareTo(MAX_RATE) > 0
                    || rate.stripTrailingZeros().scale() > 8) {
                throw new InvalidInputException(
                        "rates",
                        "the rate for " + code + " must be more than 0, at most 1000000, with at most 8 decimals");
            }
            if (out.put(code, new DisplayRate(code, rate.stripTrailingZeros())) != null) {
                throw new InvalidInputException("rates", code + " is listed twice");
            }
        }
        if (out.size() > MAX) {
            throw new InvalidInputException("rates", "at most " + MAX + " display currencies");
        }
        return new DisplayCurrencies(new ArrayList<>(out.values()));
    }

    /** One "USD 0.0036" per line, for the admin's form. */
    public String text() {
        return String.join(
                "\n",
                rates.stream()
                        .map(r -> r.currency() + " " + r.rate().toPlainString())
                        .toList());
    }
}
