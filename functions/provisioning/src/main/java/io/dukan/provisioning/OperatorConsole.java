package io.dukan.provisioning;

import io.dukan.core.operator.OperatorAuth;
import io.dukan.core.operator.OperatorSession;
import io.dukan.web.Csrf;
import io.dukan.web.Problem;
import io.dukan.web.Requests;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one gate of the operator console: every request whose path is {@code /operator} or below it needs a signed-in
 * operator, except the sign-in page itself and the approval queue's bearer-token API ({@code /operator/signups…}
 * with an {@code Authorization: Bearer} header, which its controller checks). A controller added under /operator
 * is covered without a line of its own; it reads the operator with {@link #operator}.
 *
 * <p>The session cookie {@value #COOKIE} is HttpOnly, SameSite=Strict and scoped to {@code Path=/operator}: the
 * browser never sends it to a store, and the store's own cookies (scoped to /s/{store}) are never read here; the
 * value is looked up, by its SHA-256, among operator sessions only. Another site's form cannot carry it
 * (SameSite=Strict), and every POST also needs the CSRF token ({@link Csrf}, which runs after this filter).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Csrf.ORDER - 100)
public class OperatorConsole {

    public static final String COOKIE = "dukan_op";
    /** The language the operator picked (a {@code lang} query parameter sets it). */
    public static final String LANG_COOKIE = "dukan_op_lang";

    static final String PATH = "/operator";
    static final String SIGN_IN = PATH + "/signin";
    private static final String OPERATOR = "dukan.operator";
    private static final String PICKED = "dukan.operator.lang";

    static final List<String> BUNDLES = List.of("operator", "consoleoffboard", "upgrade", "shopcode", "upgradenote");

    private final OperatorAuth auth;

    OperatorConsole(OperatorAuth auth) {
        this.auth = auth;
    }

    /** Whether the path is the console's (the filter's business). */
    static boolean isConsole(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> gate(HttpRequest<?> request) {
        String path = request.getPath();
        if (!isConsole(path)) {
            return null;
        }
        PlatformText.queryLang(request.getUri().getRawQuery())
                .flatMap(Language::of)
                .ifPresent(l -> request.setAttribute(PICKED, l));
        if (path.equals(SIGN_IN)) {
            return null;
        }
        if (isBearerApi(request)) {
            return null;
        }
        Optional<OperatorSession> session = Requests.cookie(request, COOKIE).flatMap(auth::session);
        if (session.isPresent()) {
            request.setAttribute(OPERATOR, session.get());
            return null;
        }
        boolean page = request.getMethod() == HttpMethod.GET
                && request.getHeaders().accept().stream()
                        .noneMatch(t -> t.getName().contains("json"));
        if (page) {
            return HttpResponse.seeOther(URI.create(Requests.stagePrefix(request) + SIGN_IN));
        }
        // a change without a session is refused outright (403, as a CSRF-less one is); a read is asked to sign in
        return Problem.of(
                request.getMethod() == HttpMethod.GET ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN,
                "operator-sign-in",
                "Operator sign-in required",
                "sign in to the operator console first",
                null);
    }

    /**
     * The operators' JSON APIs authorised by their bearer token (never by a cookie), which their controllers check:
     * the approval queue and offboarding ({@code /operator/stores/{slug}/offboard}).
     */
    private static boolean isBearerApi(HttpRequest<?> request) {
        String path = request.getPath();
        String authorization = request.getHeaders().get("Authorization");
        return (path.equals(PATH + "/signups")
                        || path.startsWith(PATH + "/signups/")
                        || path.matches(PATH + "/stores/[a-z0-9-]+/offboard"))
                && authorization != null
                && authorization.startsWith("Bearer ");
    }

    /** A picked language is remembered (a year, the console only). */
    @ResponseFilter
    void rememberLanguage(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(PICKED, Language.class)
                .ifPresent(l -> response.cookie(Cookie.of(LANG_COOKIE, l.code())
                        .path(Requests.stagePrefix(request) + PATH)
                        .httpOnly(true)
                        .secure(Requests.secure(request))
                        .sameSite(SameSite.Lax)
                        .maxAge(Duration.ofDays(365))));
        if (isConsole(request.getPath())) {
            // same-origin, not no-referrer: under no-referrer Chromium sends "Origin: null" with the console's own form
            // posts, and Micronaut's CORS filter refuses a non-local origin on a localhost host with an empty 403
            // (its drive-by-localhost guard), so the sign-in form failed in the local cloud. same-origin still sends
            // no Referer to another site.
            response.getHeaders().set("Cache-Control", "no-store");
            response.getHeaders().set("Referrer-Policy", "same-origin");
            response.getHeaders().set("X-Frame-Options", "DENY");
        }
    }

    /** The signed-in operator of a console request (the gate let it through, so there is one). */
    public static OperatorSession operator(HttpRequest<?> request) {
        return request.getAttribute(OPERATOR, OperatorSession.class)
                .orElseThrow(() -> new IllegalStateException("not an operator console request"));
    }

    /** The console's language: picked now, else picked before, else the browser's, else English. */
    public static Language language(HttpRequest<?> request) {
        Optional<Language> picked = request.getAttribute(PICKED, Language.class);
        if (picked.isPresent()) {
            return picked.get();
        }
        Optional<Language> remembered = Requests.cookie(request, LANG_COOKIE).flatMap(Language::of);
        return remembered.orElseGet(() -> request.getHeaders()
                .getFirst("Accept-Language")
                .flatMap(PlatformText::fromAcceptLanguage)
                .orElse(Language.EN));
    }

    /** The console's words ({@code i18n/operator_{lang}.properties}) in the operator's language. */
    public static Messages text(HttpRequest<?> request) {
        return Messages.of(language(request), BUNDLES);
    }

    public static Messages text(Language language) {
        return Messages.of(language, BUNDLES);
    }

    /** The session cookie for a new session, or (null) the one that ends it. */
    static Cookie sessionCookie(HttpRequest<?> request, @Nullable OperatorSession session) {
        Cookie cookie = Cookie.of(COOKIE, session == null ? "" : session.token())
                .path(Requests.stagePrefix(request) + PATH)
                .httpOnly(true)
                .secure(Requests.secure(request))
                .sameSite(SameSite.Strict);
        return session == null ? cookie.maxAge(0) : cookie.maxAge(OperatorAuth.SESSION_LIFETIME);
    }
}
