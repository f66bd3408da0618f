package io.dukan.core.shipping;

import io.dukan.core.shared.InvalidInputException;
import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes and their English names, from the JDK. */
public final class Countries {

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private Countries() {}

    /** Every code, in alphabetical order. */
    public static java.util.List<String> codes() {
        return CODES.stream().sorted().toList();
    }

    public static boolean isCode(String code) {
        return code != null && CODES.contains(code);
    }

    /** "Pakistan" for "PK"; the code itself when the JDK has no name. */
    public static String name(String code) {
        if (!isCode(code)) {
            return code == null ? "" : code;
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    /** A code typed or chosen by a person ("pk", " PK "), checked. */
    public static String parse(String field, String text) {
        String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (!isCode(code)) {
            throw new InvalidInputException(
                    field,
                    "'" + (text == null ? "" : text.strip())
                            + "' is not a country code; use two letters, like PK or AE");
        }
        return code;
    }
}
