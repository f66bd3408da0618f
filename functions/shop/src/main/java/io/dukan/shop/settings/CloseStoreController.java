package io.dukan.shop.settings;

import io.dukan.core.account.LoginFailedException;
import io.dukan.core.account.LoginThrottledException;
import io.dukan.core.account.Permission;
import io.dukan.core.account.Session;
import io.dukan.core.offboard.OwnerClosing;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.AdminAccess;
import io.dukan.shop.web.AdminPages;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.web.access.Allow;
import io.dukan.web.i18n.StoreLocale;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.net.URI;
import java.time.Duration;

/**
 * "Close my store and export my data": the owner only (SETTINGS is the owner's alone, and {@link OwnerClosing}
 * checks the role again), with the store's address typed and the password entered again, behind CSRF like every
 * admin form. On success the owner follows the closing on the platform's status page (the store's own admin goes
 * away with the store).
 */
@Allow(Permission.SETTINGS)
@Controller("/s/{store}/admin/settings/close")
public class CloseStoreController {

    /** What admin/close.jte shows. */
    public record Close(String slug, String typedSlug, String error, long graceDays) {}

    private final ThisStore store;
    private final AdminAccess access;
    private final OwnerClosing closing;
    private final Csrf csrf;
    private final String publicUrl;
    private final long graceDays;

    CloseStoreController(
            ThisStore store,
            AdminAccess access,
            OwnerClosing closing,
            Csrf csrf,
            @Value("${dukan.public-url:}") String publicUrl,
            @Value("${dukan.offboarding.grace-period:30d}") Duration gracePeriod) {
        this.store = store;
        this.access = access;
        this.closing = closing;
        this.csrf = csrf;
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
        this.graceDays = Math.max(0, gracePeriod.toDays());
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request) {
        return Pages.html(HttpStatus.OK, render(request, "", null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> close(HttpRequest<?> request, @Body @Nullable String body) {
        Session session = access.signedIn(request);
        Form form = Form.parse(body);
        String typed = form.getOrEmpty("confirmSlug");
        StoreLocale t = AdminPages.locale(store.settings());
        try {
            closing.close(store.id(), store.slug(), session, typed, form.getOrEmpty("password"));
        } catch (InvalidInputException wrongSlug) {
            return Pages.html(
                    HttpStatus.BAD_REQUEST,
                    render(request, typed, t.t("close.wrongSlug", store.slug().value())));
        } catch (LoginFailedException wrongPassword) {
            return Pages.html(HttpStatus.BAD_REQUEST, render(request, typed, t.t("close.wrongPassword")));
        } catch (LoginThrottledException throttled) {
            return Pages.html(HttpStatus.TOO_MANY_REQUESTS, render(request, typed, AdminPages.problem(t, throttled)));
        }
        return HttpResponse.<String>seeOther(
                URI.create(publicUrl + "/stores/" + store.slug().value() + "/closing?lang=" + t.lang()));
    }

    private String render(HttpRequest<?> request, String typed, String error) {
        return page(
                store.settings(),
                Requests.storeBase(request, store.slug().value()),
                csrf.token(request),
                typed,
                error,
                graceDays);
    }

    /** admin/close.jte: what closing does, the address to type, the password; {@code error} null for none. */
    public static String page(
            StoreSettings settings, String base, String csrfToken, String typed, String error, long graceDays) {
        return AdminPages.render(
                "admin/close.jte",
                AdminPages.chrome(settings, base, csrfToken),
                new Close(settings.slug().value(), typed, error, graceDays));
    }
}
