package io.dukan.web.access;

import io.dukan.core.account.Permission;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only a signed-in user whose role holds the permission reaches the route: nobody signed in is sent to the sign-in
 * page (JSON callers get 401), a role without it gets 403. Checked by the shop function's access filter before the
 * handler runs; the handler gets the signed-in {@code Session} as a method parameter if it needs it. On a method it
 * overrides the controller class's declaration.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allow {

    Permission value();
}
