package io.dukan.web.i18n;

import io.dukan.core.shared.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * How one store speaks and writes: its language's messages, money in its locale (e.g. {@code Rs 1,700.00},
 * {@code ¥38.00}), dates and times in its time zone. Made once per request from the store's settings (cheap: the
 * messages are loaded once per JVM) and handed to every template as {@code t}.
 */
public final class StoreLocale {

    private final Messages messages;
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    public StoreLocale(Messages messages, String country, ZoneId zone) {
        this.messages = messages;
        String region = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
        this.locale = region.length() == 2
                ? new Locale(messages.language().code(), region)
                : messages.language().locale();
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(zone);
    }

    /** A store's locale from its saved language and country code; the zone is the country's (Zones). */
    public static StoreLocale of(String languageCode, String country, List<String> bundles) {
        return new StoreLocale(
                Messages.of(Language.orEnglish(languageCode), bundles), country, Zones.forCountry(country));
    }

    public Language language() {
        return messages.language();
    }

    public Messages messages() {
        return messages;
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code lang} attribute value. */
    public String lang() {
        return messages.language().code();
    }

    /** {@code dir} attribute value. */
    public String dir() {
        return messages.language().dir();
    }

    public String t(String key, Object... args) {
        return messages.t(key, args);
    }

    public String plural(String key, long count, Object... args) {
        return messages.plural(key, count, args);
    }

    /** Money in the store's locale, with the currency's own number of decimals. */
    public String money(Money money) {
        Currency currency = Currency.getInstance(money.currency());
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(BigDecimal.valueOf(money.minor(), digits));
    }

    /** A whole number in the store's locale (grouping as the locale writes it). */
    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** Date and time in the store's zone, as the locale writes them. */
    public String dateTime(Instant instant) {
        return dateTime.format(instant);
    }

    public String date(Instant instant) {
        return date.format(instant);
    }
}
