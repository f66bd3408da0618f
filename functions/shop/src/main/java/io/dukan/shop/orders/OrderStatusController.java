package io.dukan.shop.orders;

import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderAdminService;
import io.dukan.core.order.PaymentInstructions;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.payment.PaymentProvider;
import io.dukan.core.payment.WalletPayments;
import io.dukan.core.payment.WalletProvider;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.shop.web.ShopPage;
import io.dukan.shop.web.ShopPages;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Csrf;
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
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;

/** The shopper's order-status page at its unguessable code, and paying a card order from it. */
@Public
@Controller("/s/{store}/orders")
class OrderStatusController {

    private final ThisStore store;
    private final OrderAdminService orders;
    private final OrderAlerts alerts;
    private final PaymentProvider cards;
    private final PaymentInstructions instructions;
    private final Csrf csrf;
    private final ShopPages pages;
    private final WalletPayments wallets;
    private final io.dukan.shop.payments.WalletPages walletPages;

    OrderStatusController(
            WalletPayments wallets,
            io.dukan.shop.payments.WalletPages walletPages,
            ThisStore store,
            OrderAdminService orders,
            OrderAlerts alerts,
            PaymentProvider cards,
            @Nullable PaymentInstructions instructions,
            Csrf csrf,
            ShopPages pages) {
        this.pages = pages;
        this.wallets = wallets;
        this.walletPages = walletPages;
        this.store = store;
        this.orders = orders;
        this.alerts = alerts;
        this.cards = cards;
        this.instructions = instructions;
        this.csrf = csrf;
    }

    @Get(value = "/{code}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> order(
            HttpRequest<?> request,
            String code,
            @QueryValue @Nullable String paid,
            @QueryValue @Nullable String wallet,
            @QueryValue @Nullable String walletCode) {
        // a pending wallet payment is asked about (with back-off) and an expired one released, as the page is opened
        Order order = wallets.settleOnAccess(store.id(), orders.order(store.id(), code));
        String bank = order.paymentMethod() == PaymentMethod.BANK_TRANSFER && instructions != null
                ? instructions.bankTransfer(store.id()).orElse(null)
                : null;
        OrderView view = new OrderView(
                order,
                bank,
                cardPayable(order),
                paid != null,
                alerts.whatsAppLink(request, order).orElse(null),
                csrf.token(request),
                walletView(order, wallet, walletCode));
        ShopPage shop = pages.page(request, pages.locale().t("order.title", order.displayNumber()), null, null, null);
        return Pages.html(HttpStatus.OK, ShopPages.render("order.jte", shop, "view", view));
    }

    /** Starts the card payment at the provider and sends the shopper there; the webhook confirms it later. */
    @Post(value = "/{code}/pay", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> pay(HttpRequest<?> request, String code, @Body @Nullable String body) {
        Order order = orders.order(store.id(), code);
        if (!cardPayable(order)) {
            throw new InvalidInputException("paymentMethod", "this order cannot be paid by card now");
        }
        PaymentProvider.PaymentStart start = cards.start(store.id(), order, alerts.orderUrl(request, order));
        return HttpResponse.seeOther(URI.create(start.redirectUrl()));
    }

    private OrderView.Wallet walletView(Order order, String result, String code) {
        if (!order.paymentMethod().wallet()) {
            return null;
        }
        String name = wallets.provider(order.paymentMethod().provider())
                .map(WalletProvider::displayName)
                .orElse(order.paymentMethod().provider());
        String shown = result != null && result.matches("PAID|PENDING|CANCELLED|FAILED") ? result : null;
        String providerCode = code != null && code.matches("[A-Za-z0-9_]{1,20}") ? code : null;
        return new OrderView.Wallet(
                name,
                wallets.payable(store.id(), order),
                WalletPayments.reference(order).orElse(null),
                shown,
                providerCode);
    }

    /**
     * Starts a wallet payment: records the attempt and answers with the form that takes the shopper to the provider's
     * page (a button, so it works without JavaScript).
     */
    @Post(value = "/{code}/wallet", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> payByWallet(HttpRequest<?> request, String code, @Body @Nullable String body) {
        Order order = orders.order(store.id(), code);
        String provider = order.paymentMethod().provider();
        String storeUrl = alerts.storeUrl(request);
        WalletProvider.HostedPayment form = wallets.start(
                store.id(),
                order,
                storeUrl + "/payments/" + provider + "/return?order=" + order.code(),
                storeUrl + "/payments/" + provider + "/notify");
        String name =
                wallets.provider(provider).map(WalletProvider::displayName).orElse(provider);
        return Pages.html(HttpStatus.OK, walletPages.render(request, name, form, order.code()))
                .header("Cache-Control", "no-store");
    }

    private boolean cardPayable(Order order) {
        return order.paymentMethod() == PaymentMethod.CARD
                && (order.paymentStatus() == PaymentStatus.PENDING || order.paymentStatus() == PaymentStatus.FAILED)
                && order.fulfilmentStatus() != FulfilmentStatus.CANCELLED
                && cards.configured(store.id());
    }

    /** The store's base with the page's language prefix, so a shopper reading in Chinese stays in Chinese. */
    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value())
                + io.dukan.shop.web.PageLanguage.prefix(request, store.settings());
    }
}
