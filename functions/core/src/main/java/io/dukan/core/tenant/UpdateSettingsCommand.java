package io.dukan.core.tenant;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Text;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The owner's store settings as submitted; validates and normalises itself. {@code whatsapp} becomes digits only in
 * international form (country code first, no "+" or "00"), as wa.me links need it. {@code logoKey} is "" for no logo.
 */
public record UpdateSettingsCommand(
        String name,
        String phone,
        String whatsapp,
        String email,
        String address,
        String currency,
        String language,
        String logoKey,
        List<String> extraLanguages,
        Map<String, String> descriptions) {

    /** Settings of a store in one language, without a description. */
    public UpdateSettingsCommand(
            String name,
            String phone,
            String whatsapp,
            String email,
            String address,
            String currency,
            String language,
            String logoKey) {
        this(name, phone, whatsapp, email, address, currency, language, logoKey, List.of(), Map.of());
    }

    /** The languages the storefront's own words (buttons, headings) are written in. */
    public static final List<String> LANGUAGES = List.of("en", "ur", "ar", "zh", "fr", "es");

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{4,28}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{2,63}");
    private static final Pattern INTERNATIONAL = Pattern.compile("[1-9][0-9]{7,14}");

    public UpdateSettingsCommand {
        name = Text.required("name", name, 80);
        phone = Text.optional("phone", phone, 30);
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            throw new InvalidInputException("phone", "phone must be a number like +92 300 1234567");
        }
        whatsapp = whatsappDigits(whatsapp);
        email = Text.optional("email", email, 254).toLowerCase(Locale.ROOT);
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "email must be an address like name@example.com");
        }
        address = Text.optional("address", address, 500);
        currency = Text.required("currency", currency, 3).toUpperCase(Locale.ROOT);
        Money.currencyOf(currency);
        language = Text.required("language", language, 2).toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw new InvalidInputException("language", "language must be one of " + String.join(", ", LANGUAGES));
        }
        logoKey = Text.optional("logoKey", logoKey, 300);
        String primary = language;
        List<String> extra = new java.util.ArrayList<>();
        for (String l : extraLanguages == null ? List.<String>of() : extraLanguages) {
            String code = Text.optional("languages", l, 2).toLowerCase(Locale.ROOT);
            if (!LANGUAGES.contains(code)) {
                throw new InvalidInputException(
                        "languages", "languages must be some of " + String.join(", ", LANGUAGES));
            }
            if (!code.equals(primary) && !extra.contains(code)) {
                extra.add(code);
            }
        }
        extraLanguages = List.copyOf(extra);
        Map<String, String> kept = new java.util.TreeMap<>();
        for (Map.Entry<String, String> d :
                (descriptions == null ? Map.<String, String>of() : descriptions).entrySet()) {
            if (!LANGUAGES.contains(d.getKey())) {
                throw new InvalidInputException("description", "no such language: " + d.getKey());
            }
            String text = Text.optional("description", d.getValue(), 1000);
            if (!text.isEmpty()) {
                kept.put(d.getKey(), text);
            }
        }
        descriptions = Map.copyOf(kept);
    }

    /**
     * "+92 300 123-4567", "0092 300 1234567" and "923001234567" all become "923001234567". A number without its
     * country code ("0300 1234567") is refused: wa.me cannot tell which country it is in.
     */
    static String whatsappDigits(String typed) {
        String v = Text.optional("whatsapp", typed, 30);
        if (v.isEmpty()) {
            return "";
        }
        String digits = v.replaceAll("[\\s().-]", "");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        } else if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (!INTERNATIONAL.matcher(digits).matches()) {
            throw new InvalidInputException(
                    "whatsapp",
                    "WhatsApp number must be in international form with the country code, like +92 300 1234567");
        }
        return digits;
    }
}
