package io.dukan.shop.web;

import io.dukan.core.account.AuthService;
import io.dukan.core.account.Permission;
import io.dukan.core.account.PermissionDeniedException;
import io.dukan.core.account.Session;
import io.dukan.web.Requests;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * Who is at the admin's door: the session cookie (an opaque token, looked up in this store's partition only) and the
 * one place that checks a role's permission ({@link #require}, called by {@link RouteAccess} for routes declared
 * {@code @Allow}).
 */
@Singleton
public class AdminAccess {

    public static final String COOKIE = "dukan_session";

    private final AuthService auth;
    private final ThisStore store;

    AdminAccess(AuthService auth, ThisStore store) {
        this.auth = auth;
        this.store = store;
    }

    Optional<Session> current(HttpRequest<?> request) {
        return Requests.cookie(request, COOKIE).flatMap(token -> auth.session(store.id(), token));
    }

    /**
     * The signed-in user, if their role holds the permission.
     *
     * @throws SignInRequiredException nobody (valid) is signed in: browsers go to the sign-in page, JSON gets 401
     * @throws PermissionDeniedException the role does not allow it: 403 page or problem+json
     */
    Session require(HttpRequest<?> request, Permission permission) {
        Session session = current(request).orElseThrow(SignInRequiredException::new);
        if (!session.role().may(permission)) {
            throw new PermissionDeniedException(permission);
        }
        return session;
    }

    /**
     * The user {@link RouteAccess} let through to this route (declared with {@code @Allow}).
     *
     * @throws IllegalStateException the route is not declared {@code @Allow}: a programming error
     */
    public Session signedIn(HttpRequest<?> request) {
        return request.getAttribute(RouteAccess.SESSION, Session.class)
                .orElseThrow(() -> new IllegalStateException(
                        request.getPath() + " asked for the signed-in user but its route does not declare @Allow"));
    }

    public Cookie cookie(HttpRequest<?> request, String token, Duration maxAge) {
        String base = Requests.storeBase(request, store.slug().value());
        return Cookie.of(COOKIE, token)
                .httpOnly(true)
                .secure(Requests.secure(request))
                .sameSite(SameSite.Lax)
                .path(base.isEmpty() ? "/" : base + "/")
                .maxAge(maxAge);
    }
}
