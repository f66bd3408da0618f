package io.dukan.shop.web;

import io.dukan.core.account.Permission;
import io.dukan.core.account.Session;
import io.dukan.web.Csrf;
import io.dukan.web.access.Allow;
import io.dukan.web.access.Public;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may reach a route, checked once before its handler runs, from the route's declaration: {@link Public} (anyone)
 * or {@link Allow} (a signed-in user whose role holds the permission). Default deny: a route with neither is
 * refused with 403 (and logged, since it is a programming error). A handler that needs the signed-in user asks
 * {@link AdminAccess#signedIn} for the {@link Session} this filter found.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Csrf.ORDER - 100)
class RouteAccess {

    static final String SESSION = "dukan.session";
    private static final Logger LOG = LoggerFactory.getLogger(RouteAccess.class);

    private final AdminAccess access;

    RouteAccess(AdminAccess access) {
        this.access = access;
    }

    @RequestFilter
    void check(HttpRequest<?> request) {
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        if (route.isEmpty() || !(route.get() instanceof UriRouteMatch<?, ?>)) {
            return; // no route (a 404) or an error route
        }
        AnnotationMetadata declared = route.get().getRouteInfo().getAnnotationMetadata();
        if (declared.hasAnnotation(Public.class)) {
            return;
        }
        Optional<Permission> permission = declared.enumValue(Allow.class, Permission.class);
        if (permission.isEmpty()) {
            LOG.error(
                    "refused {} {}: its route declares neither @Public nor @Allow",
                    request.getMethodName(),
                    request.getPath());
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "This address is not open to anyone.");
        }
        request.setAttribute(SESSION, access.require(request, permission.get()));
    }
}
