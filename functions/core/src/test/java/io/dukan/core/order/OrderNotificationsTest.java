package io.dukan.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.notify.EmailMessage;
import io.dukan.core.notify.EmailSender;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.OrderTestData;
import io.dukan.core.testing.RecordingEmailSender;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderNotificationsTest {

    static final String URL = "https://shops.example/s/kashgar/orders/abc";
    static final String ADMIN_URL = "https://shops.example/s/kashgar/admin/orders/abc";

    static StoreSettings store(String email, String whatsapp) {
        return new StoreSettings(
                TenantId.newId(),
                new Slug("kashgar"),
                "Kashgar Fruit & Co",
                "PKR",
                "PK",
                "en",
                new StoreSettings.StoreContact("", whatsapp, email, "1 Bazaar Road", ""));
    }

    @Test
    void placed_sendsTheShopperAConfirmation_andTheOwnerAnAlert_withTheOrdersLinks() {
        RecordingEmailSender sender = new RecordingEmailSender();
        StoreSettings store = store("owner@kashgar.example", "");
        Order order = OrderTestData.anOrder(PaymentStatus.PENDING, FulfilmentStatus.UNFULFILLED);

        new OrderNotifications(sender).placed(store, order, URL, ADMIN_URL);

        List<EmailMessage> sent =
                sender.sent().stream().map(RecordingEmailSender.Sent::message).toList();
        assertThat(sent).hasSize(2);
        assertThat(sender.sent()).allSatisfy(s -> assertThat(s.tenant()).isEqualTo(store.tenantId()));
        EmailMessage confirmation = sent.get(0);
        assertThat(confirmation.to()).isEqualTo("amina@example.com");
        assertThat(confirmation.subject()).isEqualTo("Your order #1001 at Kashgar Fruit & Co");
        assertThat(confirmation.text())
                .contains("Hello Amina Khan")
                .contains(URL)
                .contains("2 × Dried apricots — 1 kg / Gift box — PKR 2,400.00")
                .contains("Shipping: PKR 250.00")
                .contains("Total: PKR 2,950.50")
                .contains("in cash when it is delivered");
        EmailMessage alert = sent.get(1);
        assertThat(alert.to()).isEqualTo("owner@kashgar.example");
        assertThat(alert.subject()).contains("#1001").contains("PKR 2,950.50");
        assertThat(alert.text()).contains(ADMIN_URL).contains("+92 300 1234567").contains("12 Mall Road");
    }

    @Test
    void placed_withoutShopperEmail_orStoreEmail_sendsOnlyWhatItCan() {
        RecordingEmailSender sender = new RecordingEmailSender();
        Order noEmail = OrderTestData.anOrder(
                PaymentMethod.CASH_ON_DELIVERY, PaymentStatus.PENDING, FulfilmentStatus.UNFULFILLED, "Bilal", "");

        new OrderNotifications(sender).placed(store("owner@kashgar.example", ""), noEmail, URL, ADMIN_URL);
        new OrderNotifications(sender).placed(store("", ""), noEmail, URL, ADMIN_URL);

        assertThat(sender.sent()).extracting(s -> s.message().to()).containsExactly("owner@kashgar.example");
    }

    @Test
    void aFailingSender_neverFailsTheOrder() {
        EmailSender broken = (tenant, message) -> {
            throw new IllegalStateException("SES is down");
        };
        Order order = OrderTestData.anOrder(PaymentStatus.PENDING, FulfilmentStatus.UNFULFILLED);

        new OrderNotifications(broken).placed(store("owner@kashgar.example", ""), order, URL, ADMIN_URL);
        new OrderNotifications(null).placed(store("owner@kashgar.example", ""), order, URL, ADMIN_URL);
        new OrderNotifications(broken).shipped(store("", ""), order, URL);
        // reaching here is the assertion: no exception escaped
        assertThat(order.version()).isEqualTo(1);
    }

    @Test
    void shipped_tellsTheShopperTheTrackingNumber() {
        RecordingEmailSender sender = new RecordingEmailSender();
        Order shipped = OrderAdminService.apply(
                OrderTestData.anOrder(PaymentStatus.PAID, FulfilmentStatus.UNFULFILLED),
                OrderAction.MARK_SHIPPED,
                "TCS 7788",
                new OrderEvent(java.time.Instant.now(), "owner", "shipped"));

        new OrderNotifications(sender).shipped(store("", ""), shipped, URL);

        EmailMessage note = sender.sent().get(0).message();
        assertThat(note.subject()).isEqualTo("Your order #1001 has shipped");
        assertThat(note.text()).contains("Tracking: TCS 7788").contains(URL);
    }

    @Test
    void whatsAppLink_isTheStoresDigits_withTheUrlEncodedSummary() {
        Order order = OrderTestData.anOrder(
                PaymentMethod.CASH_ON_DELIVERY,
                PaymentStatus.PENDING,
                FulfilmentStatus.UNFULFILLED,
                "Amina & <Co> #1",
                "");

        String link = OrderNotifications.whatsAppLink(store("", "+92 300-1234567"), order, URL)
                .orElseThrow();

        assertThat(link).startsWith("https://wa.me/923001234567?text=");
        String query = link.substring(link.indexOf("?text=") + 6);
        assertThat(query).doesNotContain(" ", "&", "#", "<", "+", "\n");
        assertThat(URI.create(link).getRawQuery()).isEqualTo("text=" + query);
        String text = URLDecoder.decode(query, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("order #1001")
                .contains("2 × Dried apricots — 1 kg / Gift box")
                .contains("Total: PKR 2,950.50")
                .contains("Name: Amina & <Co> #1")
                .contains(URL);
    }

    @Test
    void whatsAppLink_isAbsent_withoutAUsableNumber() {
        Order order = OrderTestData.anOrder(PaymentStatus.PENDING, FulfilmentStatus.UNFULFILLED);
        assertThat(OrderNotifications.whatsAppLink(store("", ""), order, URL)).isEmpty();
        assertThat(OrderNotifications.whatsAppLink(store("", "call us"), order, URL))
                .isEmpty();
    }
}
