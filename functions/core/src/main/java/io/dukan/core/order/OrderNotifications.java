package io.dukan.core.order;

import io.dukan.core.notify.EmailMessage;
import io.dukan.core.notify.EmailSender;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What people are told about an order: the shopper's confirmation (when they gave an e-mail), the owner's
 * new-order alert (to the store's contact e-mail, else the owner's sign-in address), the shopper's "shipped" note, and the WhatsApp click-to-chat
 * link with the order's summary. Plain text, with the order's link.
 *
 * <p>Sending never fails or undoes the order: a message that cannot be sent is logged and skipped (not retried
 * automatically; the order page still shows everything the message would have said).
 */
public class OrderNotifications {

    private static final System.Logger LOG = System.getLogger(OrderNotifications.class.getName());

    /** The English words, in plain Java (the static methods below). */
    public static final OrderMessages PLAIN = new OrderMessages() {
        @Override
        public EmailMessage confirmation(StoreSettings store, Order order, String orderUrl) {
            return OrderNotifications.confirmation(store, order, orderUrl);
        }

        @Override
        public EmailMessage ownerAlert(StoreSettings store, Order order, String to, String adminOrderUrl) {
            return OrderNotifications.ownerAlert(store, order, to, adminOrderUrl);
        }

        @Override
        public EmailMessage shippedNote(StoreSettings store, Order order, String orderUrl) {
            return OrderNotifications.shippedNote(store, order, orderUrl);
        }

        @Override
        public String whatsAppText(StoreSettings store, Order order, String orderUrl) {
            return "Hello " + store.name() + ", about my order " + order.displayNumber() + ":\n" + summary(order)
                    + "Name: " + order.customerName() + "\n" + orderUrl;
        }
    };

    private final EmailSender email;

    /** {@code email} may be null where no e-mail sender is configured: then nothing is sent. */
    public OrderNotifications(EmailSender email) {
        this.email = email;
    }

    /** After an order is placed: the shopper's confirmation and the owner's alert. */
    public void placed(StoreSettings store, Order order, String orderUrl, String adminOrderUrl) {
        placed(store, order, orderUrl, adminOrderUrl, PLAIN);
    }

    /** As {@link #placed(StoreSettings, Order, String, String)}, in the words {@code messages} writes. */
    public void placed(
            StoreSettings store, Order order, String orderUrl, String adminOrderUrl, OrderMessages messages) {
        placed(store, order, orderUrl, adminOrderUrl, messages, Optional::empty);
    }

    /**
     * As above; the owner's alert goes to the store's contact e-mail, else (a new store has none) to the address the
     * owner signs in with, which {@code signInEmail} reads only then.
     */
    public void placed(
            StoreSettings store,
            Order order,
            String orderUrl,
            String adminOrderUrl,
            OrderMessages messages,
            java.util.function.Supplier<Optional<String>> signInEmail) {
        if (!order.contact().email().isBlank()) {
            send(store.tenantId(), order, () -> messages.confirmation(store, order, orderUrl));
        }
        ownerAddress(store)
                .or(() -> {
                    try {
                        return signInEmail.get().filter(e -> !e.isBlank());
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "owner's sign-in address not read", e);
                        return Optional.empty();
                    }
                })
                .ifPresent(owner ->
                        send(store.tenantId(), order, () -> messages.ownerAlert(store, order, owner, adminOrderUrl)));
    }

    /** After the owner marks an order shipped: the shopper's note with the tracking number. */
    public void shipped(StoreSettings store, Order order, String orderUrl) {
        shipped(store, order, orderUrl, PLAIN);
    }

    public void shipped(StoreSettings store, Order order, String orderUrl, OrderMessages messages) {
        if (!order.contact().email().isBlank()) {
            send(store.tenantId(), order, () -> messages.shippedNote(store, order, orderUrl));
        }
    }

    private void send(TenantId tenant, Order order, java.util.function.Supplier<EmailMessage> message) {
        if (email == null) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "no e-mail sender configured; order {0} notification skipped",
                    order.displayNumber());
            return;
        }
        try {
            email.send(tenant, message.get());
        } catch (RuntimeException e) {
            // The order stands whatever happens to its e-mail.
            LOG.log(System.Logger.Level.WARNING, "order " + order.displayNumber() + ": e-mail not sent", e);
        }
    }

    static Optional<String> ownerAddress(StoreSettings store) {
        String contact = store.contact().email();
        return contact == null || contact.isBlank() ? Optional.empty() : Optional.of(contact.strip());
    }

    public static EmailMessage confirmation(StoreSettings store, Order order, String orderUrl) {
        String text = "Hello " + order.customerName() + ",\n\n"
                + "thank you for your order " + order.displayNumber() + " at " + store.name() + ".\n\n"
                + summary(order) + "\n"
                + paymentLine(order) + "\n\n"
                + "See your order's status at any time:\n" + orderUrl + "\n\n"
                + store.name();
        return new EmailMessage(
                order.contact().email(),
                "Your order " + order.displayNumber() + " at " + oneLine(store.name()),
                text,
                store.contact().email());
    }

    public static EmailMessage ownerAlert(StoreSettings store, Order order, String to, String adminOrderUrl) {
        String text = "New order " + order.displayNumber() + " from " + order.customerName() + " ("
                + order.contact().phone() + ").\n\n"
                + summary(order) + "\n"
                + "Payment: " + paymentName(order.paymentMethod()) + "\n"
                + "Deliver to: " + order.address().oneLine() + "\n"
                + (order.notes().isBlank() ? "" : "Notes: " + order.notes() + "\n")
                + "\nOpen it in your admin:\n" + adminOrderUrl + "\n";
        return new EmailMessage(
                to,
                "New order " + order.displayNumber() + " · " + order.total().format(),
                text,
                order.contact().email());
    }

    public static EmailMessage shippedNote(StoreSettings store, Order order, String orderUrl) {
        String text = "Hello " + order.customerName() + ",\n\n"
                + "your order " + order.displayNumber() + " from " + store.name() + " is on its way.\n"
                + (order.trackingNumber().isBlank() ? "" : "Tracking: " + order.trackingNumber() + "\n")
                + "\n" + summary(order) + "\nYour order's status:\n" + orderUrl + "\n\n" + store.name();
        return new EmailMessage(
                order.contact().email(),
                "Your order " + order.displayNumber() + " has shipped",
                text,
                store.contact().email());
    }

    /** One line per product, then shipping and the total. */
    public static String summary(Order order) {
        StringBuilder b = new StringBuilder();
        for (OrderLine line : order.lines()) {
            b.append(line.quantity())
                    .append(" × ")
                    .append(line.description())
                    .append(" — ")
                    .append(line.lineTotal().format())
                    .append('\n');
        }
        if (order.shipping().minor() > 0) {
            b.append("Shipping: ").append(order.shipping().format()).append('\n');
        }
        return b.append("Total: ").append(order.total().format()).append('\n').toString();
    }

    /**
     * The wa.me click-to-chat link that opens WhatsApp with a message to the store about this order, or empty when
     * the store has no WhatsApp number. The number is digits only (international form, no +).
     */
    public static Optional<String> whatsAppLink(StoreSettings store, Order order, String orderUrl) {
        return whatsAppLink(store, order, orderUrl, PLAIN);
    }

    public static Optional<String> whatsAppLink(
            StoreSettings store, Order order, String orderUrl, OrderMessages messages) {
        String digits = store.contact().whatsapp() == null
                ? ""
                : store.contact().whatsapp().replaceAll("[^0-9]", "");
        if (digits.length() < 6 || digits.length() > 15) {
            return Optional.empty();
        }
        String text = messages.whatsAppText(store, order, orderUrl);
        return Optional.of("https://wa.me/" + digits + "?text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    static String paymentLine(Order order) {
        return switch (order.paymentMethod()) {
            case CASH_ON_DELIVERY -> "Please pay " + order.total().format() + " in cash when it is delivered.";
            case BANK_TRANSFER ->
                "Please pay " + order.total().format() + " by bank transfer; the order page shows how.";
            case CARD ->
                order.paymentStatus() == PaymentStatus.PAID
                        ? "Paid by card."
                        : "Pay " + order.total().format() + " by card from the order page.";
            case JAZZCASH, EASYPAISA, ALIPAY ->
                order.paymentStatus() == PaymentStatus.PAID
                        ? "Paid by " + paymentName(order.paymentMethod()) + "."
                        : "Pay " + order.total().format() + " by " + paymentName(order.paymentMethod())
                                + " from the order page.";
        };
    }

    public static String paymentName(PaymentMethod method) {
        return switch (method) {
            case CASH_ON_DELIVERY -> "Cash on delivery";
            case BANK_TRANSFER -> "Bank transfer";
            case CARD -> "Card";
            case JAZZCASH -> "JazzCash";
            case EASYPAISA -> "Easypaisa";
            case ALIPAY -> "Alipay";
        };
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
