package io.dukan.web;

import io.dukan.core.shared.Ids;
import io.dukan.web.access.CsrfExempt;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * CSRF protection by double submit: a random token in an HttpOnly, SameSite=Lax cookie and the same token in each
 * state-changing form (or the X-CSRF-Token header of the admin's upload call). Another site can make a browser send
 * the cookie but can neither read it nor set it, so it cannot produce the matching field.
 * A page that renders a form calls {@link #token}; the filter sets the cookie when the token was new.
 * <p>
 * The same filter checks the token once for every route: a POST, PUT, PATCH or DELETE that matched a route is refused
 * with 403 unless the form field {@value #FIELD} (form posts) or the {@value #HEADER} header matches the cookie,
 * before its handler runs. A route that needs no token says so with {@link CsrfExempt}. It runs after the access
 * check ({@link #ORDER}), so a visitor who is not signed in is still sent to the sign-in page first.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Csrf.ORDER)
public class Csrf {

    /** After the shop's access filter (which runs at {@code ORDER - 100}). */
    public static final int ORDER = 1000;

    static final Set<HttpMethod> STATE_CHANGING =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    public static final String COOKIE = "dukan_csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final String MINTED = "dukan.csrf.minted";

    /** The token for forms on this page: the browser's own, or a new one set as a cookie with this response. */
    public String token(HttpRequest<?> request) {
        Optional<String> existing = cookie(request);
        if (existing.isPresent()) {
            return existing.get();
        }
        Optional<String> minted = request.getAttribute(MINTED, String.class);
        if (minted.isPresent()) {
            return minted.get();
        }
        String token = Ids.newSecret();
        request.setAttribute(MINTED, token);
        return token;
    }

    /** Refuses the request unless the submitted token matches the browser's cookie. */
    public void verify(HttpRequest<?> request, String submitted) {
        String expected = cookie(request).orElse(null);
        if (expected == null
                || submitted == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRejectedException();
        }
    }

    /** Refuses a state-changing request to a route not exempt whose token (field or header) does not match. */
    @RequestFilter
    void check(HttpRequest<?> request, @Body @Nullable String body) {
        if (!needsToken(request)) {
            return;
        }
        String submitted = request.getHeaders().get(HEADER);
        if (submitted == null && isForm(request)) {
            submitted = formField(body);
        }
        verify(request, submitted);
    }

    /** Whether the request changes state on a route that did not declare itself {@link CsrfExempt}. */
    public static boolean needsToken(HttpRequest<?> request) {
        if (!STATE_CHANGING.contains(request.getMethod())) {
            return false;
        }
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        return route.isPresent()
                && route.get() instanceof UriRouteMatch<?, ?>
                && !route.get().getRouteInfo().getAnnotationMetadata().hasAnnotation(CsrfExempt.class);
    }

    /** The token field of a form body; the handler parses the rest with its own limits. */
    static String formField(@Nullable String body) {
        if (body == null) {
            return null;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(FIELD)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType()
                .map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                .orElse(false);
    }

    @ResponseFilter
    void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(MINTED, String.class)
                .ifPresent(token -> response.cookie(Cookie.of(COOKIE, token)
                        .httpOnly(true)
                        .secure(Requests.secure(request))
                        .sameSite(SameSite.Lax)
                        .path("/")));
    }

    /** The hidden form field carrying the token. */
    public static String field(String token) {
        return "<input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + Html.esc(token) + "\">";
    }

    private static Optional<String> cookie(HttpRequest<?> request) {
        return Requests.cookie(request, COOKIE).filter(v -> v.length() == 26 && Ids.looksLikeId(v, 26));
    }
}
