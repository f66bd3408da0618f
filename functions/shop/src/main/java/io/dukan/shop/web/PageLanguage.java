package io.dukan.shop.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.UpdateSettingsCommand;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language in a shopper page's address: {@code /s/{store}/{lang}/…} (on the store's subdomain {@code /{lang}/…},
 * which the router turns into the same) for the store's extra languages; the primary language has no prefix.
 *
 * <p>The shop function takes the prefix off the event's path before Micronaut routes it ({@link #rewrite}), so every
 * controller serves every language without a route of its own, and passes the language on in the
 * {@link #HEADER} header (one a browser sends is dropped first). Pages read it with {@link #of}.
 */
public final class PageLanguage {

    /** Set only by {@link #rewrite}; never trusted from a browser. */
    public static final String HEADER = "X-Dukan-Page-Language";

    /** The request attribute holding {@link #asked}'s answer (a language code, or FALSE for none). */
    private static final String ASKED = "dukan.page-language.asked";

    private static final Pattern PREFIXED = Pattern.compile("^/s/([a-z0-9-]+)/([a-z]{2})(/.*)?$");
    /** Paths that have no language version (the owner's admin, the API, files and machine-read pages). */
    private static final List<String> UNTRANSLATED =
            List.of("/admin", "/api", "/assets", "/sitemap.xml", "/robots.txt");

    private PageLanguage() {}

    /**
     * Takes the language prefix off the path (and off the request context's path, so the stage prefix still
     * computes) and names it in {@link #HEADER}. Anything else passes unchanged, but for a forged header.
     */
    public static APIGatewayProxyRequestEvent rewrite(APIGatewayProxyRequestEvent event) {
        if (event == null) {
            return null;
        }
        dropHeader(event);
        String path = event.getPath();
        if (path == null) {
            return event;
        }
        Matcher m = PREFIXED.matcher(path);
        if (!m.matches() || !UpdateSettingsCommand.LANGUAGES.contains(m.group(2))) {
            return event;
        }
        String rest = m.group(3) == null ? "/" : m.group(3);
        for (String untranslated : UNTRANSLATED) {
            if (rest.equals(untranslated) || rest.startsWith(untranslated + "/")) {
                return event;
            }
        }
        String shorter = "/s/" + m.group(1) + rest;
        if (event.getRequestContext() != null) {
            String full = event.getRequestContext().getPath();
            if (full != null && full.endsWith(path)) {
                event.getRequestContext().setPath(full.substring(0, full.length() - path.length()) + shorter);
            }
        }
        event.setPath(shorter);
        Map<String, String> headers = event.getHeaders() == null ? new HashMap<>() : new HashMap<>(event.getHeaders());
        headers.put(HEADER, m.group(2));
        event.setHeaders(headers);
        if (event.getMultiValueHeaders() != null) {
            Map<String, List<String>> multi = new HashMap<>(event.getMultiValueHeaders());
            multi.put(HEADER, List.of(m.group(2)));
            event.setMultiValueHeaders(multi);
        }
        return event;
    }

    private static void dropHeader(APIGatewayProxyRequestEvent event) {
        if (event.getHeaders() != null) {
            Map<String, String> headers = new HashMap<>(event.getHeaders());
            headers.keySet().removeIf(HEADER::equalsIgnoreCase);
            event.setHeaders(headers);
        }
        if (event.getMultiValueHeaders() != null) {
            Map<String, List<String>> multi = new HashMap<>(event.getMultiValueHeaders());
            multi.keySet().removeIf(HEADER::equalsIgnoreCase);
            event.setMultiValueHeaders(multi);
        }
    }

    /** The language the address asked for, whether or not the store offers it; empty: none (the primary). */
    public static Optional<String> asked(HttpRequest<?> request) {
        if (request == null) {
            return Optional.empty();
        }
        // read once per request: a page asks several times, and each getHeaders() of an API Gateway request
        // builds its headers anew
        Optional<Object> known = request.getAttribute(ASKED);
        if (known.isPresent()) {
            return known.get() instanceof String lang ? Optional.of(lang) : Optional.empty();
        }
        Optional<String> asked =
                Optional.ofNullable(request.getHeaders().get(HEADER)).filter(UpdateSettingsCommand.LANGUAGES::contains);
        request.setAttribute(ASKED, asked.isPresent() ? asked.get() : Boolean.FALSE);
        return asked;
    }

    /** The page's language: the address's if the store offers it as an extra language, else the primary. */
    public static String of(HttpRequest<?> request, StoreSettings s) {
        return asked(request).filter(s.extraLanguages()::contains).orElse(s.language());
    }

    /** The language of the request being handled (the primary outside a request). */
    public static String current(StoreSettings s) {
        return of(ServerRequestContext.currentRequest().orElse(null), s);
    }

    /** "/zh" for an extra language, "" for the primary. */
    public static String prefix(HttpRequest<?> request, StoreSettings s) {
        String lang = of(request, s);
        return lang.equals(s.language()) ? "" : "/" + lang;
    }

    /** "/zh" for an extra language, "" for the primary. */
    public static String prefix(StoreSettings s, String lang) {
        return lang.equals(s.language()) ? "" : "/" + lang;
    }

    /**
     * The store's language a browser's Accept-Language prefers (in its order, by language only), if it is not
     * {@code shown}; empty when it prefers none of the store's or the one already shown.
     */
    public static Optional<String> suggested(HttpRequest<?> request, StoreSettings s, String shown) {
        String header = request.getHeaders().get("Accept-Language");
        if (header == null || header.isBlank() || s.extraLanguages().isEmpty()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (Locale.LanguageRange range : ranges) {
            String lang = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
            if (range.getWeight() > 0 && s.offers(lang)) {
                return lang.equals(shown) ? Optional.empty() : Optional.of(lang);
            }
        }
        return Optional.empty();
    }

    /** The browser's first Accept-Language region (e.g. "PK" for ur-PK), or "". */
    public static String region(HttpRequest<?> request) {
        String header = request.getHeaders().get("Accept-Language");
        if (header == null || header.isBlank()) {
            return "";
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String country = Locale.forLanguageTag(range.getRange()).getCountry();
                if (!country.isEmpty()) {
                    return country;
                }
            }
        } catch (IllegalArgumentException e) {
            return "";
        }
        return "";
    }

    /** Every language of the store with its own name, for the language links: code → "中文". */
    public static List<String[]> named(StoreSettings s) {
        List<String[]> out = new ArrayList<>();
        for (String lang : s.languages()) {
            out.add(new String[] {
                lang, io.dukan.web.i18n.Language.orEnglish(lang).nativeName()
            });
        }
        return out;
    }
}
