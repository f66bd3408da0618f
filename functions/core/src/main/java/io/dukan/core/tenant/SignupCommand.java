package io.dukan.core.tenant;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Text;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A new store, as the owner asked for it; validates itself. The password is kept only until hashed. */
public record SignupCommand(
        String storeName,
        Slug slug,
        String ownerEmail,
        String password,
        String currency,
        String country,
        String language,
        String idempotencyKey) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{2,63}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    public static final int MIN_PASSWORD = 10;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently truncated, so refuse them. */
    public static final int MAX_PASSWORD_BYTES = 72;

    public SignupCommand {
        storeName = Text.required("storeName", storeName, 80);
        if (slug == null) {
            throw new InvalidInputException("slug", "store address is required");
        }
        ownerEmail = Text.required("ownerEmail", ownerEmail, 254).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(ownerEmail).matches()) {
            throw new InvalidInputException("ownerEmail", "owner email must be an address like name@example.com");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("password", "password must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException("password", "password must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        currency = Text.required("currency", currency, 3).toUpperCase(Locale.ROOT);
        Money.currencyOf(currency);
        country = Text.required("country", country, 2).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw new InvalidInputException("country", "country must be a two-letter ISO 3166 code, like PK or CN");
        }
        language = Text.required("language", language, 2).toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw new InvalidInputException(
                    "language", "language must be a two-letter ISO 639 code, like en, ur or zh");
        }
        if (idempotencyKey != null
                && !idempotencyKey.isEmpty()
                && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidInputException(
                    "idempotencyKey", "idempotency key must be 8 to 64 letters, digits, '-' or '_'");
        }
        if (idempotencyKey != null && idempotencyKey.isEmpty()) {
            idempotencyKey = null;
        }
    }

    /** Builds the command from raw text; a bad slug is reported like any other field. */
    public static SignupCommand of(
            String storeName,
            String slug,
            String ownerEmail,
            String password,
            String currency,
            String country,
            String language,
            String idempotencyKey) {
        return new SignupCommand(
                storeName,
                new Slug(slug == null ? null : slug.strip().toLowerCase(Locale.ROOT)),
                ownerEmail,
                password,
                currency,
                country,
                language,
                idempotencyKey);
    }

    @Override
    public String toString() {
        return "SignupCommand[slug=" + slug + ", ownerEmail=" + ownerEmail + ", password=<hidden>]";
    }
}
