package io.dukan.web;

import io.dukan.core.shared.Ids;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * CSRF protection by double submit: a random token in an HttpOnly, SameSite=Lax cookie and the same token in each
 * state-changing form (or the X-CSRF-Token header of the admin's upload call). Another site can make a browser send
 * the cookie but can neither read it nor set it, so it cannot produce the matching field.
 * A page that renders a form calls {@link #token}; the filter sets the cookie when the token was new.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class Csrf {

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
        if (expected == null || submitted == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRejectedException();
        }
    }

    @ResponseFilter
    void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(MINTED, String.class).ifPresent(token -> response.cookie(Cookie.of(COOKIE, token)
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
