package io.dukan.shop.payments;

import io.dukan.core.payment.WalletProvider;
import io.dukan.shop.orders.OrderAlerts;
import io.dukan.shop.web.ShopPage;
import io.dukan.shop.web.ShopPages;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/** Renders the page that sends the shopper's browser on to a wallet provider (wallet.jte). */
@Singleton
public class WalletPages {

    private final ShopPages pages;
    private final OrderAlerts alerts;

    WalletPages(ShopPages pages, OrderAlerts alerts) {
        this.pages = pages;
        this.alerts = alerts;
    }

    public String render(
            HttpRequest<?> request, String providerName, WalletProvider.HostedPayment form, String orderCode) {
        ShopPage shop = pages.page(request, pages.locale().t("wallets.go.title", providerName), null, null, null);
        return ShopPages.render("wallet.jte", shop, "view", new WalletView(providerName, orderCode, form));
    }

    public String storeUrl(HttpRequest<?> request) {
        return alerts.storeUrl(request);
    }
}
