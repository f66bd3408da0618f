package io.dukan.shop.orders;

import io.dukan.shop.web.Words;
import io.dukan.core.notify.EmailMessage;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderLine;
import io.dukan.core.order.OrderMessages;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.web.i18n.StoreLocale;
import java.util.List;

/**
 * The order e-mails (the shopper's confirmation and shipped note, the owner's new-order alert) and the WhatsApp
 * text in the store's language, from the message tables {@code i18n/mail_{lang}.properties} (plain text: nothing
 * to escape), with money in the store's locale.
 */
public final class ShopOrderMessages implements OrderMessages {

    static final List<String> BUNDLES = List.of("shop", "mail");

    public static final ShopOrderMessages INSTANCE = new ShopOrderMessages();

    private ShopOrderMessages() {}

    static StoreLocale locale(StoreSettings store) {
        return StoreLocale.of(store.language(), store.country(), BUNDLES);
    }

    @Override
    public EmailMessage confirmation(StoreSettings store, Order order, String orderUrl) {
        StoreLocale t = locale(store);
        String text = t.t("mail.confirmation.greeting", order.customerName()) + "\n\n"
                + t.t("mail.confirmation.thanks", order.displayNumber(), store.name()) + "\n\n"
                + summary(t, order) + "\n"
                + paymentLine(t, order) + "\n\n"
                + t.t("mail.confirmation.status") + "\n" + orderUrl + "\n\n"
                + store.name();
        return new EmailMessage(order.contact().email(),
                t.t("mail.confirmation.subject", order.displayNumber(), oneLine(store.name())), text,
                store.contact().email());
    }

    @Override
    public EmailMessage ownerAlert(StoreSettings store, Order order, String to, String adminOrderUrl) {
        StoreLocale t = locale(store);
        String text = t.t("mail.alert.intro", order.displayNumber(), order.customerName(), order.contact().phone())
                + "\n\n" + summary(t, order) + "\n"
                + t.t("mail.alert.payment", Words.method(t, order.paymentMethod())) + "\n"
                + t.t("mail.alert.deliverTo", order.address().oneLine()) + "\n"
                + (order.notes().isBlank() ? "" : t.t("mail.alert.notes", order.notes()) + "\n")
                + "\n" + t.t("mail.alert.open") + "\n" + adminOrderUrl + "\n";
        return new EmailMessage(to, t.t("mail.alert.subject", order.displayNumber(), t.money(order.total())), text,
                order.contact().email());
    }

    @Override
    public EmailMessage shippedNote(StoreSettings store, Order order, String orderUrl) {
        StoreLocale t = locale(store);
        String text = t.t("mail.confirmation.greeting", order.customerName()) + "\n\n"
                + t.t("mail.shipped.onItsWay", order.displayNumber(), store.name()) + "\n"
                + (order.trackingNumber().isBlank() ? "" : t.t("mail.shipped.tracking", order.trackingNumber()) + "\n")
                + "\n" + summary(t, order) + "\n" + t.t("mail.shipped.status") + "\n" + orderUrl + "\n\n"
                + store.name();
        return new EmailMessage(order.contact().email(), t.t("mail.shipped.subject", order.displayNumber()), text,
                store.contact().email());
    }

    @Override
    public String whatsAppText(StoreSettings store, Order order, String orderUrl) {
        StoreLocale t = locale(store);
        return t.t("whatsapp.about", store.name(), order.displayNumber()) + "\n" + summary(t, order)
                + t.t("whatsapp.name", order.customerName()) + "\n" + orderUrl;
    }

    /** One line per product, then shipping and the total. */
    static String summary(StoreLocale t, Order order) {
        StringBuilder b = new StringBuilder();
        for (OrderLine line : order.lines()) {
            b.append(t.t("mail.line", t.number(line.quantity()), line.description(), t.money(line.lineTotal())))
                    .append('\n');
        }
        if (order.shipping().minor() > 0) {
            b.append(t.t("mail.shipping", t.money(order.shipping()))).append('\n');
        }
        return b.append(t.t("mail.total", t.money(order.total()))).append('\n').toString();
    }

    private static String paymentLine(StoreLocale t, Order order) {
        if (order.paymentMethod() == PaymentMethod.CARD && order.paymentStatus() == PaymentStatus.PAID) {
            return t.t("mail.paidByCard");
        }
        return t.t("mail.pay." + order.paymentMethod().name(), t.money(order.total()));
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
