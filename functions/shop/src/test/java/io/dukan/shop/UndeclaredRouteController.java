package io.dukan.shop;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** A route someone forgot to declare (neither @Public nor @Allow): only in the context RouteRulesIT starts for it. */
@Requires(property = UndeclaredRouteController.ENABLED, value = "true")
@Controller("/s/{store}/admin/undeclared")
class UndeclaredRouteController {

    static final String ENABLED = "dukan.test.undeclared-route";

    @Get(produces = MediaType.TEXT_HTML)
    String secret() {
        return "the handler ran";
    }
}
