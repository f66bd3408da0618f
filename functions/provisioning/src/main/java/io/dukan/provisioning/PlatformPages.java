package io.dukan.provisioning;

import io.dukan.core.tenant.SignupCommand;
import io.dukan.web.Csrf;
import io.dukan.web.Pages;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.dukan.web.pages.Templates;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The platform's pages built from templates (src/main/jte), in the page's language (see {@link PlatformText}). */
final class PlatformPages {

    private static final Templates TEMPLATES = new Templates("io.dukan.provisioning.pages");

    /** The currencies the signup form suggests (any ISO 4217 code is accepted). */
    static final List<String> CURRENCIES = List.of(
            "PKR", "CNY", "USD", "EUR", "GBP", "INR", "BDT", "LKR", "NPR", "AED", "SAR", "QAR", "TRY", "IDR", "MYR",
            "PHP", "VND", "THB", "NGN", "KES", "GHS", "EGP", "MAD", "ZAR", "BRL", "MXN");

    private PlatformPages() {}

    /** Every country the JDK knows, named in the page's language, in that language's alphabetical order. */
    static List<SignupChoice> countries(java.util.Locale page) {
        java.text.Collator order = java.text.Collator.getInstance(page);
        return java.util.Arrays.stream(java.util.Locale.getISOCountries())
                .map(code -> new SignupChoice(code, new java.util.Locale("", code).getDisplayCountry(page)))
                .filter(c -> !c.name().isBlank() && !c.name().equals(c.code()))
                .sorted((a, b) -> order.compare(a.name(), b.name()))
                .toList();
    }

    /** The currencies a store may sell in, named in the page's language ("Pakistani Rupee (PKR)"). */
    static List<SignupChoice> currencies(java.util.Locale page) {
        return CURRENCIES.stream()
                .map(code -> new SignupChoice(
                        code, java.util.Currency.getInstance(code).getDisplayName(page) + " (" + code + ")"))
                .toList();
    }

    /**
     * The currency of {@code country} when the store may sell in it ("PK" → "PKR"); "" otherwise. The signup form's
     * first currency choice is "my country's", sent as "": the server fills it in, so it works without JavaScript.
     */
    static String currencyOf(String country) {
        if (country == null || !country.matches("[A-Z]{2}")) {
            return "";
        }
        try {
            java.util.Currency c = java.util.Currency.getInstance(new java.util.Locale("", country));
            return c != null && CURRENCIES.contains(c.getCurrencyCode()) ? c.getCurrencyCode() : "";
        } catch (IllegalArgumentException unknown) {
            return "";
        }
    }

    /** Any of the platform's templates with its parameters. */
    static String render(String template, Map<String, Object> params) {
        return TEMPLATES.render(template, params);
    }

    /** The front page. */
    static MutableHttpResponse<String> front(Messages m, String root) {
        return Pages.html(HttpStatus.OK, TEMPLATES.render("front.jte", Map.of("m", m, "root", root)));
    }

    /**
     * The signup form: {@code typed} is what was typed before a refusal (the password never comes back),
     * {@code error} the refusal in the page's language (null: none); the languages offered are exactly
     * {@link Language#all()}.
     */
    static MutableHttpResponse<String> signup(
            HttpStatus status,
            Messages m,
            String root,
            String idempotencyKey,
            String error,
            Map<String, String> typed,
            String csrfToken) {
        Map<String, Object> params = new HashMap<>();
        params.put("m", m);
        params.put("root", root);
        params.put("csrfField", Csrf.FIELD);
        params.put("csrfToken", csrfToken);
        params.put("idempotencyKey", idempotencyKey);
        params.put("error", error);
        params.put("form", typed);
        params.put("languages", Language.all());
        params.put("currencies", currencies(m.language().locale()));
        params.put("countries", countries(m.language().locale()));
        params.put("minPassword", SignupCommand.MIN_PASSWORD);
        return Pages.html(status, TEMPLATES.render("signup.jte", params)).header("Cache-Control", "no-store");
    }

    /** An error page: a heading, what happened, and the way back to the front page. */
    static MutableHttpResponse<String> error(
            HttpStatus status, Messages m, String root, String heading, String message) {
        return Pages.html(
                status,
                TEMPLATES.render("error.jte", Map.of("m", m, "root", root, "heading", heading, "message", message)));
    }

    /** A page that says one thing, with an optional button-link. */
    static MutableHttpResponse<String> notice(
            HttpStatus status,
            Messages m,
            String root,
            String title,
            List<String> paragraphs,
            boolean error,
            String linkHref,
            String linkLabel) {
        Map<String, Object> params = new HashMap<>();
        params.put("m", m);
        params.put("root", root);
        params.put("title", title);
        params.put("paragraphs", paragraphs);
        params.put("error", error);
        params.put("linkHref", linkHref);
        params.put("linkLabel", linkLabel);
        return Pages.html(status, TEMPLATES.render("notice.jte", params)).header("Cache-Control", "no-store");
    }

    /** A store's status page (it refreshes itself while the store is being provisioned). */
    static String status(
            Messages m, String root, io.dukan.core.tenant.Store store, String storeUrl, String subdomainUrl) {
        Map<String, Object> params = new HashMap<>();
        params.put("m", m);
        params.put("root", root);
        params.put("store", store);
        params.put("storeUrl", storeUrl);
        params.put("subdomainUrl", subdomainUrl);
        return TEMPLATES.render("status.jte", params);
    }

    /** The page a verification link opens: it says what will be opened, and a button (a POST) opens it. */
    static MutableHttpResponse<String> confirm(
            Messages m,
            String root,
            String storeName,
            String storeAddress,
            String action,
            String token,
            String csrfToken) {
        Map<String, Object> params = new HashMap<>();
        params.put("m", m);
        params.put("root", root);
        params.put("storeName", storeName);
        params.put("storeAddress", storeAddress);
        params.put("action", action);
        params.put("token", token);
        params.put("csrfField", Csrf.FIELD);
        params.put("csrfToken", csrfToken);
        return Pages.html(HttpStatus.OK, TEMPLATES.render("confirm.jte", params))
                .header("Cache-Control", "no-store")
                // same-origin (the token in the address goes to no other site); no-referrer would make Chromium post
                // the confirm form with "Origin: null", which Micronaut's CORS filter refuses on a localhost host
                .header("Referrer-Policy", "same-origin");
    }
}
