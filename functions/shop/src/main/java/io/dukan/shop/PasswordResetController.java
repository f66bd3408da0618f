package io.dukan.shop;

import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.core.account.PasswordResetService;
import io.dukan.core.account.ResetToken;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.web.access.Public;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "Forgot password?": ask for a link (same answer whoever asks), then choose a new password behind it. */
@Public
@Controller("/s/{store}/admin")
class PasswordResetController {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordResetController.class);

    private final ThisStore store;
    private final AdminLinks links;
    private final PasswordResetService resets;
    private final Csrf csrf;

    PasswordResetController(ThisStore store, AdminLinks links, PasswordResetService resets, Csrf csrf) {
        this.store = store;
        this.links = links;
        this.resets = resets;
        this.csrf = csrf;
    }

    @Get(value = "/reset", produces = MediaType.TEXT_HTML)
    HttpResponse<String> forgotPage(HttpRequest<?> request) {
        return Pages.html(HttpStatus.OK, StaffViews.forgot(store.settings(), base(request), null, null,
                csrf.token(request)));
    }

    @Post(value = "/reset", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> forgot(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        try {
            PasswordResetService.Outcome outcome = resets.requestReset(store.id(), form.get("email"),
                    store.settings().name(), links.adminUrl());
            if (outcome == PasswordResetService.Outcome.THROTTLED) {
                LOG.info("password reset requests throttled for one address of store {}", store.slug());
            }
        } catch (InvalidInputException e) {
            return Pages.html(HttpStatus.BAD_REQUEST, StaffViews.forgot(store.settings(), base(request),
                    e.getMessage(), form.get("email"), csrf.token(request)));
        }
        return Pages.html(HttpStatus.OK, StaffViews.resetSent(store.settings(), base(request)));
    }

    @Get(value = "/reset/{token}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> resetPage(HttpRequest<?> request, String token) {
        ResetToken reset = resets.pendingReset(store.id(), token);
        return Pages.html(HttpStatus.OK, StaffViews.reset(store.settings(), base(request), reset.email(), token, null,
                csrf.token(request)));
    }

    @Post(value = "/reset/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> reset(HttpRequest<?> request, String token, @Body @Nullable String body) {
        Form form = Form.parse(body);
        try {
            resets.reset(store.id(), token, form.get("password"));
        } catch (InvalidInputException e) {
            ResetToken reset = resets.pendingReset(store.id(), token);
            return Pages.html(HttpStatus.BAD_REQUEST, StaffViews.reset(store.settings(), base(request), reset.email(),
                    token, e.getMessage(), csrf.token(request)));
        }
        return Pages.html(HttpStatus.OK, StaffViews.resetDone(store.settings(), base(request)));
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
