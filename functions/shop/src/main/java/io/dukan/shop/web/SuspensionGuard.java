package io.dukan.shop.web;

import io.dukan.core.operator.StoreSuspensions;
import io.dukan.core.operator.Suspension;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.web.Csrf;
import io.dukan.web.Html;
import io.dukan.web.Pages;
import io.dukan.web.Problem;
import io.dukan.web.Requests;
import io.dukan.web.i18n.StoreLocale;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A store the platform's operators suspended: shoppers get a "temporarily closed" page in the store's language
 * (503 with Retry-After: closed for now, not gone, so search engines keep the store's pages), the shopper JSON API
 * and checkout a 503 problem ({@code store-suspended}); the owner's admin stays readable, with the reason shown on
 * every page, and refuses every change (403) but signing in and out. Reactivation lifts all of it.
 *
 * <p>The suspension is an item in the store's own partition ({tenantId}#SUSPENSION), read at most every
 * {@link #TTL} per function instance: a suspension or reactivation takes effect on every instance within 5 seconds
 * (the settings' 30-second cache is not waited for). It runs after {@link StoreGuard} and before the access check.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Csrf.ORDER - 150)
class SuspensionGuard {

    public static final Duration TTL = Duration.ofSeconds(5);
    /** How soon a closed store asks shoppers and crawlers to come back. */
    static final long RETRY_AFTER_SECONDS = 3600;

    // the pages' own bundles (their layouts read e.g. the seller bundle's cart link) plus the closed page's words
    static final List<String> SHOP_BUNDLES = withSuspension(ShopPages.BUNDLES);
    static final List<String> ADMIN_BUNDLES = withSuspension(AdminPages.BUNDLES);
    private static final String SUSPENDED = "dukan.suspended";
    private static final Set<String> ADMIN_ALWAYS = Set.of("/admin/login", "/admin/logout");

    private final ThisStore store;
    private final Cached<Optional<Suspension>> suspension;

    SuspensionGuard(ThisStore store, StoreSuspensions suspensions, Clock clock) {
        this.store = store;
        this.suspension = new Cached<>(clock, TTL, () -> suspensions.current(store.id()));
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> closeIfSuspended(HttpRequest<?> request) {
        String prefix = "/s/" + store.slug().value();
        String path = request.getPath();
        if (!path.startsWith(prefix)) {
            return null; // StoreGuard answers it
        }
        String rest = path.substring(prefix.length());
        if (rest.startsWith("/assets/")) {
            return null;
        }
        Optional<Suspension> current = suspension.get();
        if (current.isEmpty()) {
            return null;
        }
        request.setAttribute(SUSPENDED, current.get());
        boolean admin = rest.equals("/admin") || rest.startsWith("/admin/");
        boolean reads = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (admin && (reads || ADMIN_ALWAYS.contains(rest))) {
            return null; // shown with the reason (below)
        }
        StoreSettings settings = store.settings();
        String base = Requests.storeBase(request, store.slug().value());
        if (admin) {
            StoreLocale t = StoreLocale.of(settings.language(), settings.country(), ADMIN_BUNDLES);
            if (wantsJson(request, rest)) {
                return Problem.of(
                        HttpStatus.FORBIDDEN,
                        "store-suspended",
                        t.t("suspended.adminTitle"),
                        t.t("suspended.adminRefused", current.get().reason()),
                        null);
            }
            String[] words = {
                t.t("suspended.adminTitle"),
                t.t("suspended.adminRefused", current.get().reason())
            };
            return Pages.html(
                    HttpStatus.FORBIDDEN, AdminPages.render("admin/error.jte", AdminPages.bare(settings, base), words));
        }
        StoreLocale t = StoreLocale.of(settings.language(), settings.country(), SHOP_BUNDLES);
        MutableHttpResponse<String> closed;
        if (wantsJson(request, rest)) {
            closed = Problem.of(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "store-suspended",
                    t.t("suspended.title"),
                    t.t("suspended.api", settings.name()),
                    null);
        } else {
            ShopPage page = new ShopPage(
                    t,
                    settings.name(),
                    base,
                    t.t("suspended.title") + " · " + settings.name(),
                    t.t("suspended.text", settings.name()),
                    null,
                    null,
                    null,
                    null,
                    settings.contact());
            closed = Pages.html(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ShopPages.render(
                            "error.jte",
                            page,
                            "heading",
                            t.t("suspended.title"),
                            "message",
                            t.t("suspended.text", settings.name())));
        }
        return closed.header("Retry-After", Long.toString(RETRY_AFTER_SECONDS)).header("Cache-Control", "no-store");
    }

    private static boolean wantsJson(HttpRequest<?> request, String rest) {
        return rest.startsWith("/api/")
                || rest.equals("/api")
                || request.getHeaders().accept().stream()
                                .anyMatch(m -> m.getName().contains("json"))
                        && request.getHeaders().accept().stream()
                                .noneMatch(m -> m.getName().contains("html"));
    }

    /** The owner's admin pages, while suspended, say so at the top with the operator's reason. */
    @ResponseFilter
    void showReason(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<Suspension> current = request.getAttribute(SUSPENDED, Suspension.class);
        if (current.isEmpty() || response.getStatus().getCode() >= 300) {
            return;
        }
        Optional<String> body = response.getBody(String.class);
        if (body.isEmpty() || !body.get().contains("<main>")) {
            return;
        }
        StoreSettings settings = store.settings();
        StoreLocale t = StoreLocale.of(settings.language(), settings.country(), ADMIN_BUNDLES);
        String banner = "<p class=\"error\" role=\"alert\" id=\"suspended\">"
                + Html.esc(t.t("suspended.adminBanner", current.get().reason())) + "</p>";
        @SuppressWarnings("unchecked")
        MutableHttpResponse<String> html = (MutableHttpResponse<String>) response;
        html.body(body.get().replaceFirst("<main>", "<main>" + java.util.regex.Matcher.quoteReplacement(banner)));
    }

    private static List<String> withSuspension(List<String> bundles) {
        List<String> all = new java.util.ArrayList<>(bundles);
        all.add("suspension");
        return List.copyOf(all);
    }
}
