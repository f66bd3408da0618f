package io.dukan.provisioning;

import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.micronaut.http.HttpRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The platform's words (i18n/platform_{lang}.properties) in the page's language: a {@code lang} choice, else the
 * browser's Accept-Language, else English. */
final class PlatformText {

    static final List<String> BUNDLES = List.of("platform", "signupform", "offboard");

    private PlatformText() {}

    static Messages of(Language language) {
        return Messages.of(language, BUNDLES);
    }

    static Messages of(HttpRequest<?> request) {
        return of(language(request));
    }

    static Language language(HttpRequest<?> request) {
        Optional<Language> chosen = queryLang(request.getUri().getRawQuery()).flatMap(Language::of);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        return request.getHeaders()
                .getFirst("Accept-Language")
                .flatMap(PlatformText::fromAcceptLanguage)
                .orElse(Language.EN);
    }

    /**
     * The {@code lang} of the query string alone. Not {@code getParameters()}: for a form content type it also decodes
     * the body, and a malformed body (binary junk under a form or multipart type, even on a GET) then throws.
     */
    static Optional<String> queryLang(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("lang=")) {
                String value = pair.substring(5);
                // language codes are plain letters and '-': anything else is not a language we have
                return value.matches("[A-Za-z-]{1,12}") ? Optional.of(value) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The first language of the header, by its q-values, that the platform has. */
    static Optional<Language> fromAcceptLanguage(String header) {
        record Range(String tag, double q, int order) {}
        List<Range> ranges = new ArrayList<>();
        String[] parts = header.split(",");
        for (int i = 0; i < parts.length && i < 20; i++) {
            String[] fields = parts[i].trim().split(";");
            double q = 1;
            for (int f = 1; f < fields.length; f++) {
                String p = fields[f].trim().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException ignored) {
                        q = 0;
                    }
                }
            }
            if (q > 0) {
                ranges.add(new Range(fields[0].trim(), q, i));
            }
        }
        return ranges.stream()
                .sorted(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::order))
                .map(r -> Language.of(r.tag()))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
