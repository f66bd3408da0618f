package io.dukan.core.discount;

import io.dukan.core.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a code and a customer are recognised. Codes: trimmed, upper case, letters (any script), digits, "-" and "_",
 * 3–32 characters. Customers of a once-per-customer code: by phone and by e-mail, each normalised and hashed (the
 * markers hold no contact details).
 */
public final class DiscountCodes {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 32;
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}_-]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

    /** Country calling codes for turning a national number ("0300 1234567") into its international form. */
    private static final Map<String, String> CALLING_CODES = Map.ofEntries(
            Map.entry("PK", "92"),
            Map.entry("IN", "91"),
            Map.entry("BD", "880"),
            Map.entry("LK", "94"),
            Map.entry("NP", "977"),
            Map.entry("AF", "93"),
            Map.entry("AE", "971"),
            Map.entry("SA", "966"),
            Map.entry("QA", "974"),
            Map.entry("KW", "965"),
            Map.entry("OM", "968"),
            Map.entry("BH", "973"),
            Map.entry("EG", "20"),
            Map.entry("MA", "212"),
            Map.entry("DZ", "213"),
            Map.entry("TN", "216"),
            Map.entry("JO", "962"),
            Map.entry("TR", "90"),
            Map.entry("IR", "98"),
            Map.entry("CN", "86"),
            Map.entry("HK", "852"),
            Map.entry("TW", "886"),
            Map.entry("MY", "60"),
            Map.entry("ID", "62"),
            Map.entry("TH", "66"),
            Map.entry("VN", "84"),
            Map.entry("PH", "63"),
            Map.entry("NG", "234"),
            Map.entry("KE", "254"),
            Map.entry("GH", "233"),
            Map.entry("ZA", "27"),
            Map.entry("GB", "44"),
            Map.entry("FR", "33"),
            Map.entry("DE", "49"),
            Map.entry("ES", "34"),
            Map.entry("IT", "39"),
            Map.entry("NL", "31"),
            Map.entry("BE", "32"),
            Map.entry("AU", "61"),
            Map.entry("NZ", "64"),
            Map.entry("AR", "54"),
            Map.entry("PE", "51"),
            Map.entry("BR", "55"));

    private DiscountCodes() {}

    /** The code as stored and looked up: trimmed, upper case ("" for nothing typed). */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
    }

    /** A code the owner creates, normalised, or an input error on field "discountCode". */
    public static String valid(String typed) {
        String code = normalise(typed);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException(
                    "discountCode",
                    "the code must be " + MIN_LENGTH + " to " + MAX_LENGTH
                            + " letters, digits, - or _, without spaces");
        }
        return code;
    }

    /**
     * A phone number as digits in international form: "+92 300 123-4567", "0092 300 1234567", "923001234567" and,
     * in a Pakistani store, "0300 1234567" are one customer. A national number in a country not listed keeps its
     * digits. "" for no digits.
     */
    public static String phone(String typed, String storeCountry) {
        if (typed == null) {
            return "";
        }
        String t = typed.strip();
        String digits = t.replaceAll("[^0-9]", "");
        if (t.startsWith("+")) {
            return digits;
        }
        if (digits.startsWith("00")) {
            return digits.substring(2);
        }
        String calling = storeCountry == null ? null : CALLING_CODES.get(storeCountry.toUpperCase(Locale.ROOT));
        if (digits.startsWith("0") && calling != null) {
            return calling + digits.substring(1);
        }
        return digits;
    }

    /** An e-mail address trimmed and in lower case ("" for none). */
    public static String email(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    /** The customer's marker keys for a code: one for the phone, one for the e-mail when given (hashes). */
    public static List<String> customerKeys(String code, String phone, String email, String storeCountry) {
        List<String> keys = new ArrayList<>();
        String p = phone(phone, storeCountry);
        if (!p.isEmpty()) {
            keys.add(hash(code + "#PHONE#" + p));
        }
        String e = email(email);
        if (!e.isEmpty()) {
            keys.add(hash(code + "#EMAIL#" + e));
        }
        return keys;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
