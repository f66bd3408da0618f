package io.dukan.shop.orders;

import io.dukan.core.account.Permission;
import io.dukan.core.account.Session;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderAdminService;
import io.dukan.core.order.OrderFilter;
import io.dukan.core.shared.Text;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.AdminAccess;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.util.Optional;

/**
 * The owner's order inbox: tabs by status, one order with its actions (each a CSRF-protected form carrying the
 * version the owner saw), cancel with a confirmation page, and the packing slip.
 */
@Allow(Permission.ORDERS)
@Controller("/s/{store}/admin/orders")
class OrderAdminController {

    private final ThisStore store;
    private final AdminAccess access;
    private final OrderAdminService orders;
    private final OrderAlerts alerts;
    private final Csrf csrf;
    private final io.dukan.core.payment.WalletPayments wallets;

    OrderAdminController(
            ThisStore store,
            AdminAccess access,
            OrderAdminService orders,
            OrderAlerts alerts,
            Csrf csrf,
            io.dukan.core.payment.WalletPayments wallets) {
        this.wallets = wallets;
        this.store = store;
        this.access = access;
        this.orders = orders;
        this.alerts = alerts;
        this.csrf = csrf;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> inbox(
            HttpRequest<?> request,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable String after,
            @QueryValue @Nullable String number) {
        if (number != null && !number.isBlank()) {
            Order order = orders.orderByNumber(store.id(), number);
            return HttpResponse.seeOther(URI.create(base(request) + "/admin/orders/" + order.code()));
        }
        OrderFilter filter = OrderFilter.fromSlug(status);
        return Pages.html(
                HttpStatus.OK,
                OrderAdminViews.inbox(
                        store.settings(),
                        base(request),
                        filter,
                        orders.inbox(store.id(), filter, after),
                        csrf.token(request)));
    }

    @Get(value = "/{code}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> order(HttpRequest<?> request, String code) {
        Order order = wallets.settleOnAccess(store.id(), orders.order(store.id(), code));
        StoreSettings s = store.settings();
        // the order does not record the shopper's language yet: the store's is used until it does
        String chat = ShopperChat.link(s, order, alerts.orderUrl(request, order), null)
                .orElse(null);
        return Pages.html(HttpStatus.OK, OrderAdminViews.order(s, base(request), order, csrf.token(request), chat));
    }

    @Get(value = "/{code}/packing-slip", produces = MediaType.TEXT_HTML)
    HttpResponse<String> packingSlip(HttpRequest<?> request, String code) {
        return Pages.html(
                HttpStatus.OK,
                OrderAdminViews.packingSlip(store.settings(), base(request), orders.order(store.id(), code)));
    }

    @Get(value = "/{code}/cancel", produces = MediaType.TEXT_HTML)
    HttpResponse<String> confirmCancel(HttpRequest<?> request, String code) {
        return Pages.html(
                HttpStatus.OK,
                OrderAdminViews.confirmCancel(
                        store.settings(), base(request), orders.order(store.id(), code), csrf.token(request)));
    }

    @Post(value = "/{code}/paid", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> markPaid(HttpRequest<?> request, String code, @Body @Nullable String body) {
        return act(request, code, body, (actor, form) -> orders.markPaid(store.id(), code, actor, version(form)));
    }

    @Post(value = "/{code}/refunded", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> markRefunded(HttpRequest<?> request, String code, @Body @Nullable String body) {
        return act(request, code, body, (actor, form) -> orders.markRefunded(store.id(), code, actor, version(form)));
    }

    @Post(value = "/{code}/shipped", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> markShipped(HttpRequest<?> request, String code, @Body @Nullable String body) {
        return act(request, code, body, (actor, form) -> {
            Order shipped = orders.markShipped(
                    store.id(), code, actor, version(form), form.get("trackingNumber"), form.get("carrier"));
            alerts.shipped(request, shipped);
            return shipped;
        });
    }

    @Post(value = "/{code}/delivered", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> markDelivered(HttpRequest<?> request, String code, @Body @Nullable String body) {
        return act(request, code, body, (actor, form) -> orders.markDelivered(store.id(), code, actor, version(form)));
    }

    @Post(value = "/{code}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> cancel(HttpRequest<?> request, String code, @Body @Nullable String body) {
        return act(request, code, body, (actor, form) -> orders.cancel(store.id(), code, actor, version(form)));
    }

    private interface Change {
        Order apply(String actor, Form form);
    }

    /** Signed in, CSRF checked, then the change; back to the order's page (Post/Redirect/Get). */
    private HttpResponse<String> act(HttpRequest<?> request, String code, String body, Change change) {
        Optional<Session> session = Optional.of(access.signedIn(request));
        Form form = Form.parse(body);
        Order changed = change.apply(session.get().email(), form);
        return HttpResponse.seeOther(URI.create(base(request) + "/admin/orders/" + changed.code()));
    }

    private static int version(Form form) {
        return Text.integer("version", form.get("version"), 1, Integer.MAX_VALUE);
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
