package io.dukan.core.order;

import io.dukan.core.notify.EmailMessage;
import io.dukan.core.tenant.StoreSettings;

/**
 * The words of what people are told about an order: a port, so the function that sends them can write them from
 * its templates and message tables in the store's language. {@link OrderNotifications#PLAIN} is the English
 * fallback, written here in plain Java.
 */
public interface OrderMessages {

    /** The shopper's confirmation, to the e-mail they gave. */
    EmailMessage confirmation(StoreSettings store, Order order, String orderUrl);

    /** The owner's new-order alert, to {@code to}. */
    EmailMessage ownerAlert(StoreSettings store, Order order, String to, String adminOrderUrl);

    /** The shopper's "on its way" note. */
    EmailMessage shippedNote(StoreSettings store, Order order, String orderUrl);

    /** The text a WhatsApp click-to-chat message to the store starts with. */
    String whatsAppText(StoreSettings store, Order order, String orderUrl);
}
