package io.dukan.shop.discounts;

import io.dukan.core.account.Permission;
import io.dukan.core.discount.Discount;
import io.dukan.core.discount.DiscountCommand;
import io.dukan.core.discount.DiscountService;
import io.dukan.core.shared.ConflictException;
import io.dukan.core.shared.DomainException;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.AdminPages;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.web.access.Allow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * The owner's discount codes: the list with each code's usage and state, create, edit, pause and resume, and delete
 * for a code no order used. Owner only ({@link Permission#SETTINGS}): a code gives the store's money away, so staff
 * who manage products and orders do not make them (they see codes on the orders).
 */
@Allow(Permission.SETTINGS)
@Controller("/s/{store}/admin/discounts")
class DiscountAdminController {

    private static final String[] FIELDS = {
        "code", "kind", "value", "minimum", "startsAt", "endsAt", "usageLimit", "oncePerCustomer"
    };

    private final ThisStore store;
    private final DiscountService discounts;
    private final Csrf csrf;
    private final Clock clock;

    DiscountAdminController(ThisStore store, DiscountService discounts, Csrf csrf, Clock clock) {
        this.store = store;
        this.discounts = discounts;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> list(HttpRequest<?> request, @QueryValue @Nullable String done) {
        String ok = null;
        if ("saved".equals(done)) {
            ok = AdminPages.locale(store.settings()).t("discount.saved");
        } else if ("deleted".equals(done)) {
            ok = AdminPages.locale(store.settings()).t("discount.deleted");
        }
        return listPage(request, HttpStatus.OK, null, ok);
    }

    @Get(value = "/new", produces = MediaType.TEXT_HTML)
    HttpResponse<String> newForm(HttpRequest<?> request) {
        return Pages.html(
                HttpStatus.OK,
                DiscountAdminViews.form(store.settings(), base(request), csrf.token(request), null, Map.of(), 0, null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> create(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        StoreSettings s = store.settings();
        try {
            discounts.create(s, command(form, form.get("code")));
            return HttpResponse.seeOther(URI.create(base(request) + "/admin/discounts?done=saved"));
        } catch (InvalidInputException | ConflictException refused) {
            return Pages.html(
                    status(refused),
                    DiscountAdminViews.form(
                            s,
                            base(request),
                            csrf.token(request),
                            null,
                            form.typed(FIELDS),
                            0,
                            AdminPages.problem(s, refused)));
        }
    }

    @Get(value = "/{code}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> editForm(HttpRequest<?> request, @PathVariable String code) {
        StoreSettings s = store.settings();
        Discount d = discounts.discount(store.id(), code);
        return Pages.html(
                HttpStatus.OK,
                DiscountAdminViews.form(
                        s,
                        base(request),
                        csrf.token(request),
                        d.code(),
                        DiscountAdminViews.fields(d, AdminPages.locale(s).zone()),
                        d.terms(),
                        null));
    }

    @Post(value = "/{code}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> save(HttpRequest<?> request, @PathVariable String code, @Body @Nullable String body) {
        Form form = Form.parse(body);
        StoreSettings s = store.settings();
        Discount d = discounts.discount(store.id(), code);
        int terms = terms(form);
        try {
            discounts.update(store.id(), d.code(), command(form, d.code()), terms);
            return HttpResponse.seeOther(URI.create(base(request) + "/admin/discounts?done=saved"));
        } catch (InvalidInputException | ConflictException refused) {
            Map<String, String> typed = form.typed(FIELDS);
            typed.put("code", d.code());
            return Pages.html(
                    status(refused),
                    DiscountAdminViews.form(
                            s,
                            base(request),
                            csrf.token(request),
                            d.code(),
                            typed,
                            terms,
                            AdminPages.problem(s, refused)));
        }
    }

    @Post(value = "/{code}/pause", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> pause(HttpRequest<?> request, @PathVariable String code) {
        discounts.pause(store.id(), code, true);
        return HttpResponse.seeOther(URI.create(base(request) + "/admin/discounts?done=saved"));
    }

    @Post(value = "/{code}/resume", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> resume(HttpRequest<?> request, @PathVariable String code) {
        discounts.pause(store.id(), code, false);
        return HttpResponse.seeOther(URI.create(base(request) + "/admin/discounts?done=saved"));
    }

    @Post(value = "/{code}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> delete(HttpRequest<?> request, @PathVariable String code) {
        try {
            discounts.delete(store.id(), code);
            return HttpResponse.seeOther(URI.create(base(request) + "/admin/discounts?done=deleted"));
        } catch (ConflictException refused) {
            return listPage(request, HttpStatus.CONFLICT, AdminPages.problem(store.settings(), refused), null);
        }
    }

    private HttpResponse<String> listPage(HttpRequest<?> request, HttpStatus status, String error, String ok) {
        return Pages.html(
                status,
                DiscountAdminViews.list(
                        store.settings(),
                        base(request),
                        csrf.token(request),
                        discounts.list(store.id()),
                        clock.instant(),
                        error,
                        ok));
    }

    private DiscountCommand command(Form form, String code) {
        StoreSettings s = store.settings();
        return DiscountCommand.of(
                code,
                form.get("kind"),
                form.get("value"),
                form.get("minimum"),
                form.get("startsAt"),
                form.get("endsAt"),
                form.get("usageLimit"),
                form.get("oncePerCustomer") != null,
                s.currency(),
                AdminPages.locale(s).zone());
    }

    private static int terms(Form form) {
        String v = form.getOrEmpty("terms");
        return v.matches("[0-9]{1,9}") ? Integer.parseInt(v) : -1;
    }

    private static HttpStatus status(DomainException refused) {
        return refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
