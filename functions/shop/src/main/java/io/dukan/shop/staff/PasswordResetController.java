package io.dukan.shop.staff;

import io.dukan.core.account.PasswordResetService;
import io.dukan.core.account.ResetToken;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.shop.web.AdminLinks;
import io.dukan.shop.web.ShopPage;
import io.dukan.shop.web.ShopPages;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
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
    private final ShopPages pages;

    PasswordResetController(
            ThisStore store, AdminLinks links, PasswordResetService resets, Csrf csrf, ShopPages pages) {
        this.pages = pages;
        this.store = store;
        this.links = links;
        this.resets = resets;
        this.csrf = csrf;
    }

    @Get(value = "/reset", produces = MediaType.TEXT_HTML)
    HttpResponse<String> forgotPage(HttpRequest<?> request) {
        return Pages.html(HttpStatus.OK, forgot(request, null, null));
    }

    @Post(value = "/reset", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> forgot(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        try {
            PasswordResetService.Outcome outcome = resets.requestReset(
                    store.id(),
                    form.get("email"),
                    store.settings().name(),
                    links.adminUrl(),
                    AccountMailTemplates.of(store.settings()));
            if (outcome == PasswordResetService.Outcome.THROTTLED) {
                LOG.info("password reset requests throttled for one address of store {}", store.slug());
            }
        } catch (InvalidInputException e) {
            return Pages.html(
                    HttpStatus.BAD_REQUEST, forgot(request, ShopPages.refusal(pages.locale(), e), form.get("email")));
        }
        return Pages.html(HttpStatus.OK, ShopPages.render("reset-sent.jte", page(request, "sent.title")));
    }

    @Get(value = "/reset/{token}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> resetPage(HttpRequest<?> request, String token) {
        ResetToken reset = resets.pendingReset(store.id(), token);
        return Pages.html(HttpStatus.OK, reset(request, reset.email(), token, null));
    }

    @Post(value = "/reset/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> reset(HttpRequest<?> request, String token, @Body @Nullable String body) {
        Form form = Form.parse(body);
        try {
            resets.reset(store.id(), token, form.get("password"));
        } catch (InvalidInputException e) {
            ResetToken reset = resets.pendingReset(store.id(), token);
            return Pages.html(
                    HttpStatus.BAD_REQUEST, reset(request, reset.email(), token, ShopPages.refusal(pages.locale(), e)));
        }
        return Pages.html(HttpStatus.OK, ShopPages.render("reset-done.jte", page(request, "done.title")));
    }

    private ShopPage page(HttpRequest<?> request, String titleKey) {
        return pages.page(request, pages.locale().t(titleKey), null, null, null);
    }

    private String forgot(HttpRequest<?> request, String error, String email) {
        return ShopPages.render(
                "forgot.jte",
                page(request, "forgot.title"),
                "error",
                error,
                "email",
                email,
                "csrf",
                csrf.token(request));
    }

    private String reset(HttpRequest<?> request, String email, String token, String error) {
        return ShopPages.render(
                "reset.jte",
                page(request, "reset.title"),
                "email",
                email,
                "token",
                token,
                "error",
                error,
                "csrf",
                csrf.token(request));
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
