package io.dukan.shop.web;

import io.dukan.web.ErrorRoutes;
import io.dukan.web.Problem;
import io.dukan.web.Requests;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import java.net.URI;

/** Sends a browser without a session to the sign-in page; a JSON caller gets 401 problem+json. */
@Controller
class SignInRoutes {

    private final ThisStore store;

    SignInRoutes(ThisStore store) {
        this.store = store;
    }

    @Error(global = true, exception = SignInRequiredException.class)
    HttpResponse<?> signInRequired(HttpRequest<?> request) {
        if (ErrorRoutes.wantsJson(request) || request.getPath().endsWith("/admin/uploads")) {
            return Problem.of(HttpStatus.UNAUTHORIZED, "login-required", "Unauthorized", "Please sign in again.", null);
        }
        return HttpResponse.seeOther(
                URI.create(Requests.storeBase(request, store.slug().value()) + "/admin/login"));
    }
}
