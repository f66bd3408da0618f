package io.dukan.web.i18n;

/**
 * CLDR plural categories (cardinal, integers) for the platform's languages, from the CLDR plural rules
 * (unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html). The JDK has no public plural API and
 * ICU4J would add megabytes to every store's cold start for six small rules.
 */
public final class Plurals {

    public enum Category {
        ZERO,
        ONE,
        TWO,
        FEW,
        MANY,
        OTHER;

        /** The suffix of a plural message key: {@code items.one}, {@code items.few}, … */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private Plurals() {}

    public static Category of(Language language, long n) {
        long abs = Math.abs(n);
        switch (language) {
            case EN, UR:
                return abs == 1 ? Category.ONE : Category.OTHER;
            case ZH:
                return Category.OTHER;
            case FR:
                // one: i = 0,1; many: e = 0 and i != 0 and i % 1000000 = 0; other
                if (abs == 0 || abs == 1) {
                    return Category.ONE;
                }
                return abs % 1_000_000 == 0 ? Category.MANY : Category.OTHER;
            case ES:
                // one: n = 1; many: e = 0 and i != 0 and i % 1000000 = 0; other
                if (abs == 1) {
                    return Category.ONE;
                }
                return abs != 0 && abs % 1_000_000 == 0 ? Category.MANY : Category.OTHER;
            case AR:
                // zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99; other
                if (abs == 0) {
                    return Category.ZERO;
                }
                if (abs == 1) {
                    return Category.ONE;
                }
                if (abs == 2) {
                    return Category.TWO;
                }
                long mod = abs % 100;
                if (mod >= 3 && mod <= 10) {
                    return Category.FEW;
                }
                if (mod >= 11) {
                    return Category.MANY;
                }
                return Category.OTHER;
            default:
                return Category.OTHER;
        }
    }
}
