package io.dukan.web.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The route (a controller method, or every route of a controller class) is open to anyone, signed in or not. One of
 * the two access declarations a shop route must carry ({@link Allow} is the other); a route with neither is refused
 * with 403 before its handler runs. CSRF still applies to a public route that changes state ({@link CsrfExempt}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Public {}
