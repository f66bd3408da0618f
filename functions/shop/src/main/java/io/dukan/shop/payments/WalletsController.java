package io.dukan.shop.payments;

import io.dukan.core.account.Permission;
import io.dukan.core.payment.WalletKeys;
import io.dukan.core.payment.WalletKeysRepository;
import io.dukan.core.payment.WalletPayments;
import io.dukan.core.payment.WalletProvider;
import io.dukan.core.payment.WebhookRejectedException;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.shop.web.AdminPages;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.web.access.Allow;
import io.dukan.web.access.CsrfExempt;
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
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wallet payments (JazzCash, Easypaisa, Alipay): the providers' callbacks and the owner's credential pages. The
 * callbacks carry no CSRF token and no session: JazzCash's return POST is admitted by its pp_SecureHash, Alipay's
 * notification by its RSA2 sign, both with this store's credentials; Easypaisa's redirect is unsigned and only
 * prompts the status inquiry. A callback that does not verify is refused (400) and changes nothing.
 */
@Controller("/s/{store}")
class WalletsController {

    private final ThisStore store;
    private final WalletPayments wallets;
    private final WalletKeysRepository keys;
    private final Csrf csrf;
    private final WalletPages pages;

    WalletsController(
            ThisStore store, WalletPayments wallets, WalletKeysRepository keys, Csrf csrf, WalletPages pages) {
        this.pages = pages;
        this.store = store;
        this.wallets = wallets;
        this.keys = keys;
        this.csrf = csrf;
    }

    @Public
    @CsrfExempt("JazzCash posts the payment's result from the shopper's browser; admitted by pp_SecureHash, the HMAC"
            + " of its fields with this store's integrity salt, not by a cookie")
    @Post(
            value = "/payments/jazzcash/return",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<String> jazzCashReturn(HttpRequest<?> request, @Body @Nullable String body) {
        Map<String, String> fields = Form.parse(body).asMap();
        WalletPayments.Result result = wallets.confirm(store.id(), "jazzcash", fields);
        return backToOrder(request, fields.get("ppmpf_1"), result);
    }

    /**
     * Easypaisa's redirect back to postBackURL. With auth_token it is the token step of its checkout: the shopper's
     * browser is sent on to Easypaisa's Confirm.jsf. Otherwise it is the end: unsigned, so the order is settled by the
     * inquiry API only, whatever the redirect's status says.
     */
    @Public
    @Get(value = "/payments/easypaisa/return", produces = MediaType.TEXT_HTML)
    HttpResponse<String> easypaisaReturn(
            HttpRequest<?> request,
            @QueryValue @Nullable String order,
            @QueryValue @Nullable String orderRefNumber,
            @QueryValue("auth_token") @Nullable String authToken) {
        if (order == null || !order.matches("[a-z2-7]{26}")) {
            throw new InvalidInputException("order", "the payment this return is about is missing");
        }
        if (authToken != null) {
            Optional<WalletProvider.HostedPayment> next = wallets.next(
                    store.id(),
                    "easypaisa",
                    Map.of("auth_token", authToken),
                    storeUrl(request) + "/payments/easypaisa/return?order=" + order);
            if (next.isPresent()) {
                return Pages.html(HttpStatus.OK, pages.render(request, "Easypaisa", next.get(), order))
                        .header("Cache-Control", "no-store");
            }
        }
        if (orderRefNumber == null) {
            throw new InvalidInputException("orderRefNumber", "the payment this return is about is missing");
        }
        WalletPayments.Result result;
        try {
            result = wallets.inquire(store.id(), "easypaisa", order, orderRefNumber);
        } catch (TryAgainLaterException unreachable) {
            result = new WalletPayments.Result(WalletProvider.Status.PENDING, null, "", "");
        }
        return backToOrder(request, order, result);
    }

    @Public
    @CsrfExempt("Alipay's server posts its asynchronous notification; admitted by its RSA2 sign, verified with the"
            + " Alipay public key this store entered, not by a cookie")
    @Post(value = "/payments/alipay/notify", consumes = MediaType.ALL, produces = MediaType.TEXT_PLAIN)
    HttpResponse<String> alipayNotify(HttpRequest<?> request, @Body @Nullable String body) {
        Map<String, String> fields = Form.parse(body).asMap();
        try {
            wallets.confirm(store.id(), "alipay", fields);
        } catch (WebhookRejectedException refused) {
            return HttpResponse.<String>status(HttpStatus.BAD_REQUEST).body("fail");
        }
        // the event is stored (or was already): Alipay stops re-sending on exactly this answer
        return HttpResponse.ok("success");
    }

    /** Alipay sends the shopper back here; the notification, not this redirect, settles the payment. */
    @Public
    @Get(value = "/payments/alipay/return", produces = MediaType.TEXT_HTML)
    HttpResponse<String> alipayReturn(HttpRequest<?> request, @QueryValue @Nullable String order) {
        if (order == null || !order.matches("[a-z2-7]{26}")) {
            throw new NotFoundException("no such order");
        }
        return HttpResponse.seeOther(URI.create(base(request) + "/orders/" + order));
    }

    private HttpResponse<String> backToOrder(HttpRequest<?> request, String orderCode, WalletPayments.Result result) {
        String code = result.code() == null ? "" : result.code().replaceAll("[^A-Za-z0-9_]", "");
        return HttpResponse.seeOther(URI.create(base(request) + "/orders/" + orderCode + "?wallet="
                + result.status().name() + "&walletCode=" + URLEncoder.encode(code, StandardCharsets.UTF_8)));
    }

    // The owner's credential pages

    @Allow(Permission.PAYOUTS)
    @Get(value = "/admin/wallets/{provider}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request, String provider, @QueryValue @Nullable String saved) {
        WalletProvider p = provider(provider);
        return Pages.html(HttpStatus.OK, view(request, p, null, saved != null));
    }

    @Allow(Permission.PAYOUTS)
    @Post(
            value = "/admin/wallets/{provider}",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<String> save(HttpRequest<?> request, String provider, @Body @Nullable String body) {
        WalletProvider p = provider(provider);
        Form form = Form.parse(body, Form.MAX_BODY_CHARS, 20);
        Map<String, String> typed = new HashMap<>();
        for (WalletKeys.Field f : p.keyFields()) {
            typed.put(f.name(), form.get(f.name()));
        }
        try {
            keys.saveWallet(store.id(), WalletKeys.of(p.name(), p.keyFields(), typed));
        } catch (InvalidInputException e) {
            return Pages.html(HttpStatus.BAD_REQUEST, view(request, p, AdminPages.problem(store.settings(), e), false));
        }
        return HttpResponse.seeOther(URI.create(base(request) + "/admin/wallets/" + p.name() + "?saved=1"));
    }

    private WalletProvider provider(String name) {
        return wallets.provider(name).orElseThrow(() -> new NotFoundException("no such payment provider"));
    }

    private String view(HttpRequest<?> request, WalletProvider p, String error, boolean saved) {
        Optional<WalletKeys> stored = keys.findWallet(store.id(), p.name());
        List<WalletKeysView.Field> fields = new ArrayList<>();
        for (WalletKeys.Field f : p.keyFields()) {
            String value = stored.map(k -> k.fields().get(f.name())).orElse(null);
            String shown = value == null ? null : f.secret() ? WalletKeys.masked(value) : value;
            fields.add(new WalletKeysView.Field(f.name(), f.secret(), f.maxLength(), shown));
        }
        String storeUrl =
                (Requests.secure(request) ? "https" : "http") + "://" + Requests.host(request) + base(request);
        List<String> urls = new ArrayList<>();
        urls.add(storeUrl + "/payments/" + p.name() + "/return");
        if (p.name().equals("alipay")) {
            urls.add(storeUrl + "/payments/alipay/notify");
        }
        return PaymentsViews.wallet(
                store.settings(),
                base(request),
                new WalletKeysView(p.name(), p.displayName(), p.currency(), fields, urls, error, saved),
                csrf.token(request));
    }

    private String storeUrl(HttpRequest<?> request) {
        return pages.storeUrl(request);
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
