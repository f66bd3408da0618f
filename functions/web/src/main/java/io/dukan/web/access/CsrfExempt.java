package io.dukan.web.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The state-changing route is not checked for the CSRF token, because something else authenticates it (the Stripe
 * webhook's signature) or a browser on another site cannot send it (a JSON-only API that no cookie authorises).
 * Every other POST, PUT, PATCH and DELETE must carry the token ({@link io.dukan.web.Csrf}). Say why in
 * {@link #value}; the route-table tests list the exempt routes and fail on a new one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CsrfExempt {

    /** Why this route needs no token. */
    String value();
}
