package io.dukan.web.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the platform's pages, e-mails and messages exist in. Signup offers exactly these; a store whose
 * saved language is not one of them is shown in English (and says so with {@code lang="en"}).
 */
public enum Language {
    EN("en", "English", false),
    UR("ur", "اردو", true),
    AR("ar", "العربية", true),
    ZH("zh", "中文", false),
    FR("fr", "Français", false),
    ES("es", "Español", false);

    private final String code;
    private final String nativeName;
    private final boolean rightToLeft;

    Language(String code, String nativeName, boolean rightToLeft) {
        this.code = code;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
    }

    /** ISO 639-1 code, as in {@code <html lang>} and the message files' names. */
    public String code() {
        return code;
    }

    /** The language's name in itself, for choosers ("اردو", "中文"). */
    public String nativeName() {
        return nativeName;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    /** {@code rtl} or {@code ltr}, for {@code <html dir>}. */
    public String dir() {
        return rightToLeft ? "rtl" : "ltr";
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public static Optional<Language> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        int dash = c.indexOf('-');
        String base = dash > 0 ? c.substring(0, dash) : c;
        return Arrays.stream(values()).filter(l -> l.code.equals(base)).findFirst();
    }

    /** The language for a saved code; English when the code is not one the platform has. */
    public static Language orEnglish(String code) {
        return of(code).orElse(EN);
    }

    public static List<Language> all() {
        return List.of(values());
    }
}
