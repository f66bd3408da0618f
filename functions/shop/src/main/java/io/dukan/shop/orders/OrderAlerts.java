package io.dukan.shop.orders;

import io.dukan.core.order.Order;
import io.dukan.core.order.OrderNotifications;
import io.dukan.core.tenant.OwnerAddress;
import io.dukan.shop.setup.LowStockAlerts;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Requests;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Tells people about an order after it changed (placed: also the owner's low-stock alert; shipped), in the store's language ({@link ShopOrderMessages}),
 * with absolute links to its pages. The links use
 * the platform's configured public address ({@code dukan.public-url}) when set, so a forged Host header cannot
 * put another site's address into a store's e-mails; otherwise the address the request came to.
 */
@Singleton
public class OrderAlerts {

    private final ThisStore store;
    private final OrderNotifications notifications;
    private final String publicUrl;
    private final OwnerAddress owner;
    private final LowStockAlerts lowStock;

    OrderAlerts(
            ThisStore store,
            OrderNotifications notifications,
            @Value("${dukan.public-url:}") String publicUrl,
            OwnerAddress owner,
            LowStockAlerts lowStock) {
        this.owner = owner;
        this.lowStock = lowStock;
        this.store = store;
        this.notifications = notifications;
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    /** After placing: the shopper's confirmation and the owner's alert. Never throws for a failed send. */
    public void placed(HttpRequest<?> request, Order order) {
        notifications.placed(
                store.settings(),
                order,
                orderUrl(request, order),
                adminOrderUrl(request, order),
                ShopOrderMessages.INSTANCE,
                () -> owner.ownerEmail(store.id()));
        lowStock.afterOrder(store.settings(), order, storeUrl(request) + "/admin/products");
    }

    void shipped(HttpRequest<?> request, Order order) {
        notifications.shipped(store.settings(), order, orderUrl(request, order), ShopOrderMessages.INSTANCE);
    }

    /** The WhatsApp click-to-chat link about this order, its text in the store's language; empty without a number. */
    java.util.Optional<String> whatsAppLink(HttpRequest<?> request, Order order) {
        return OrderNotifications.whatsAppLink(
                store.settings(), order, orderUrl(request, order), ShopOrderMessages.INSTANCE);
    }

    String orderUrl(HttpRequest<?> request, Order order) {
        return storeUrl(request) + "/orders/" + order.code();
    }

    String adminOrderUrl(HttpRequest<?> request, Order order) {
        return storeUrl(request) + "/admin/orders/" + order.code();
    }

    /** The store's absolute URL ("https://host/s/slug"), for links the store hands to others. */
    public String storeUrl(HttpRequest<?> request) {
        if (!publicUrl.isEmpty()) {
            return publicUrl + "/s/" + store.slug().value();
        }
        String scheme = Requests.secure(request) ? "https" : "http";
        String host = Requests.host(request);
        return scheme + "://" + (host.isEmpty() ? "localhost" : host)
                + Requests.storeBase(request, store.slug().value());
    }
}
