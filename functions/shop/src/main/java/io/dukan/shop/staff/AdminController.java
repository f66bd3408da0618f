package io.dukan.shop.staff;

import io.dukan.core.account.AuthService;
import io.dukan.core.account.LoginFailedException;
import io.dukan.core.account.LoginThrottledException;
import io.dukan.core.account.Permission;
import io.dukan.core.account.Role;
import io.dukan.core.account.Session;
import io.dukan.core.catalog.CatalogService;
import io.dukan.core.insight.StoreFiguresRepository;
import io.dukan.core.order.OrderService;
import io.dukan.core.tenant.OwnerAddress;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.setup.SetupGuides;
import io.dukan.shop.web.AdminAccess;
import io.dukan.shop.web.AdminPages;
import io.dukan.shop.web.ShopPages;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.web.access.Allow;
import io.dukan.web.access.Public;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.StoreLocale;
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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The admin (owner and staff, checked by {@link AdminAccess#require}): sign in, sign out, the dashboard. Products:
 * {@link io.dukan.shop.catalog.ProductAdminController}; orders: {@link io.dukan.shop.orders.OrderAdminController}.
 */
@Controller("/s/{store}/admin")
class AdminController {

    private final ThisStore store;
    private final AdminAccess access;
    private final AuthService auth;
    private final CatalogService catalog;
    private final OrderService orders;
    private final Csrf csrf;
    private final ShopPages pages;
    private final SetupGuides guides;
    private final OwnerAddress owner;
    private final StoreFiguresRepository figures;
    private final Clock clock;

    AdminController(
            ThisStore store,
            AdminAccess access,
            AuthService auth,
            CatalogService catalog,
            OrderService orders,
            Csrf csrf,
            ShopPages pages,
            SetupGuides guides,
            OwnerAddress owner,
            StoreFiguresRepository figures,
            Clock clock) {
        this.owner = owner;
        this.pages = pages;
        this.guides = guides;
        this.figures = figures;
        this.clock = clock;
        this.csrf = csrf;
        this.store = store;
        this.access = access;
        this.auth = auth;
        this.catalog = catalog;
        this.orders = orders;
    }

    @Allow(Permission.ORDERS)
    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> dashboard(HttpRequest<?> request) {
        Session session = access.signedIn(request);
        StoreSettings settings = store.settings();
        var products = catalog.products(store.id(), null, 100).items();
        var recent = orders.recentOrders(store.id(), 50);
        return Pages.html(
                HttpStatus.OK,
                DashboardViews.dashboard(
                        settings,
                        base(request),
                        csrf.token(request),
                        new DashboardViews.Dashboard(
                                recent,
                                products,
                                auth.activity(store.id(), 20),
                                session.role().may(Permission.STAFF),
                                session.role().may(Permission.SETTINGS)
                                        ? guides.guide(settings, products, recent)
                                        : null,
                                figures.figures(
                                        store.id(),
                                        settings.currency(),
                                        LocalDate.now(clock.withZone(
                                                AdminPages.locale(settings).zone()))))));
    }

    @Public
    @Get(value = "/login", produces = MediaType.TEXT_HTML)
    HttpResponse<String> loginPage(HttpRequest<?> request) {
        return Pages.html(HttpStatus.OK, signIn(request, null, null));
    }

    @Public
    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> login(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        try {
            Session session = auth.login(store.id(), form.get("email"), form.get("password"));
            if (session.role() == Role.OWNER) {
                owner.remember(store.id(), session.email());
            }
            return HttpResponse.<String>seeOther(URI.create(base(request) + "/admin"))
                    .cookie(access.cookie(request, session.token(), AuthService.SESSION_LIFETIME));
        } catch (LoginFailedException e) {
            StoreLocale t = pages.locale();
            return Pages.html(
                    HttpStatus.UNAUTHORIZED,
                    signIn(
                            request,
                            t.language() == Language.EN ? e.getMessage() : t.t("signin.failed"),
                            form.get("email")));
        } catch (LoginThrottledException e) {
            StoreLocale t = pages.locale();
            return Pages.html(
                            HttpStatus.TOO_MANY_REQUESTS,
                            signIn(
                                    request,
                                    t.language() == Language.EN
                                            ? e.getMessage()
                                            : t.t("signin.throttled", t.number(AuthService.LOCKOUT.toMinutes())),
                                    form.get("email")))
                    .header("Retry-After", Long.toString(AuthService.LOCKOUT.toSeconds()));
        }
    }

    @Public
    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> logout(HttpRequest<?> request, @Body @Nullable String body) {
        Requests.cookie(request, AdminAccess.COOKIE).ifPresent(token -> auth.logout(store.id(), token));
        return HttpResponse.<String>seeOther(URI.create(base(request) + "/"))
                .cookie(access.cookie(request, "", Duration.ZERO));
    }

    /** The sign-in page: a shopper-side page (the admin's front door), in the store's language. */
    private String signIn(HttpRequest<?> request, String error, String email) {
        StoreLocale t = pages.locale();
        return ShopPages.render(
                "signin.jte",
                pages.page(request, t.t("signin.heading"), null, null, null),
                "error",
                error,
                "email",
                email,
                "csrf",
                csrf.token(request));
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
