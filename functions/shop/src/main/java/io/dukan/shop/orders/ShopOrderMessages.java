package io.dukan.shop.orders;

import io.dukan.core.notify.EmailMessage;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderMessages;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.Words;
import io.dukan.web.i18n.StoreLocale;
import java.util.List;

/**
 * The order e-mails (the shopper's confirmation and shipped note, the owner's new-order alert) and the WhatsApp
 * text in the store's language: bodies from the plain-text templates mail/confirmation.jte, mail/shipped.jte,
 * mail/owner-alert.jte and mail/whatsapp.jte (each order's lines from mail/summary.jte), words from the message
 * tables {@code i18n/mail_{lang}.properties}, money in the store's locale. Plain text is not HTML: the templates
 * write with {@code $unsafe}, so an "&amp;" in a name stays "&amp;" (no mail is sent as HTML).
 */
public final class ShopOrderMessages implements OrderMessages {

    static final List<String> BUNDLES = List.of("shop", "mail", "wallets", "discount");

    public static final ShopOrderMessages INSTANCE = new ShopOrderMessages();

    private static final io.dukan.web.pages.Templates TEMPLATES =
            new io.dukan.web.pages.Templates("io.dukan.shop.pages");

    private ShopOrderMessages() {}

    static StoreLocale locale(StoreSettings store) {
        return StoreLocale.of(store.language(), store.country(), BUNDLES);
    }

    @Override
    public EmailMessage confirmation(StoreSettings store, Order order, String orderUrl) {
        StoreLocale t = locale(store);
        String text = render(
                "mail/confirmation.jte",
                java.util.Map.of("t", t, "order", order, "storeName", store.name(), "orderUrl", orderUrl));
        return new EmailMessage(
                order.contact().email(),
                t.t("mail.confirmation.subject", order.displayNumber(), oneLine(store.name())),
                text,
                store.contact().email());
    }

    @Override
    public EmailMessage ownerAlert(StoreSettings store, Order order, String to, String adminOrderUrl) {
        StoreLocale t = locale(store);
        String text = render(
                        "mail/owner-alert.jte",
                        java.util.Map.of(
                                "t",
                                t,
                                "order",
                                order,
                                "paymentMethod",
                                Words.method(t, order.paymentMethod()),
                                "adminOrderUrl",
                                adminOrderUrl))
                + "\n";
        return new EmailMessage(
                to,
                t.t("mail.alert.subject", order.displayNumber(), t.money(order.total())),
                text,
                order.contact().email());
    }

    @Override
    public EmailMessage shippedNote(StoreSettings store, Order order, String orderUrl) {
        StoreLocale t = locale(store);
        String text = render(
                "mail/shipped.jte",
                java.util.Map.of("t", t, "order", order, "storeName", store.name(), "orderUrl", orderUrl));
        return new EmailMessage(
                order.contact().email(),
                t.t("mail.shipped.subject", order.displayNumber()),
                text,
                store.contact().email());
    }

    @Override
    public String whatsAppText(StoreSettings store, Order order, String orderUrl) {
        return render(
                "mail/whatsapp.jte",
                java.util.Map.of("t", locale(store), "order", order, "storeName", store.name(), "orderUrl", orderUrl));
    }

    /** A plain-text template's text, without the newline its file ends with. */
    private static String render(String template, java.util.Map<String, Object> params) {
        return TEMPLATES.render(template, params).stripTrailing();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
