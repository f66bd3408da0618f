package io.dukan.aws.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Order;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.payment.ProviderEvent;
import io.dukan.core.shared.Money;
import io.dukan.core.testing.OrderTestData;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading Stripe's events and building its Checkout Session request; no call to Stripe is made. */
class StripePaymentsTest {

    final StripePayments stripe =
            new StripePayments(null, JsonMapper.createDefault(), Clock.systemUTC(), "https://api.stripe.com");

    static byte[] event(String type, String object) {
        return ("{\"id\":\"evt_123\",\"object\":\"event\",\"type\":\"" + type + "\",\"data\":{\"object\":" + object
                        + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPaidCheckoutSession_isAPaymentForTheOrderInItsClientReference() {
        ProviderEvent e = stripe.parse(event(
                "checkout.session.completed",
                "{\"object\":\"checkout.session\","
                        + "\"client_reference_id\":\"abcdefghijklmnopqrstuvwxyz\",\"amount_total\":295050,\"currency\":\"pkr\","
                        + "\"payment_status\":\"paid\"}"));

        assertThat(e)
                .isEqualTo(new ProviderEvent(
                        "evt_123",
                        ProviderEvent.Type.PAYMENT_SUCCEEDED,
                        "abcdefghijklmnopqrstuvwxyz",
                        new Money(295050, "PKR")));
    }

    @Test
    void anUnpaidSession_asyncOutcomes_andFullRefunds_areReadAsStripeMeansThem() {
        assertThat(stripe.parse(event(
                                "checkout.session.completed",
                                "{\"client_reference_id\":\"c\","
                                        + "\"amount_total\":1,\"currency\":\"usd\",\"payment_status\":\"unpaid\"}"))
                        .type())
                .isEqualTo(ProviderEvent.Type.OTHER);
        assertThat(stripe.parse(event(
                        "checkout.session.async_payment_failed",
                        "{\"metadata\":{\"order_code\":\"c\"}," + "\"amount_total\":1,\"currency\":\"usd\"}")))
                .isEqualTo(new ProviderEvent("evt_123", ProviderEvent.Type.PAYMENT_FAILED, "c", new Money(1, "USD")));
        assertThat(stripe.parse(event(
                                "charge.refunded",
                                "{\"metadata\":{\"order_code\":\"c\"},\"refunded\":true,"
                                        + "\"amount\":500,\"amount_refunded\":500,\"currency\":\"usd\"}"))
                        .type())
                .isEqualTo(ProviderEvent.Type.REFUNDED);
        assertThat(stripe.parse(event(
                                "charge.refunded",
                                "{\"metadata\":{\"order_code\":\"c\"},\"refunded\":false,"
                                        + "\"amount\":500,\"amount_refunded\":100,\"currency\":\"usd\"}"))
                        .type())
                .isEqualTo(ProviderEvent.Type.OTHER);
        assertThat(stripe.parse(event("customer.created", "{}")).type()).isEqualTo(ProviderEvent.Type.OTHER);
    }

    @Test
    void anUnknownCurrency_givesNoAmount_soTheEventCannotMatchAnOrder() {
        ProviderEvent e = stripe.parse(event(
                "checkout.session.completed",
                "{\"client_reference_id\":\"c\","
                        + "\"amount_total\":100,\"currency\":\"xxz\",\"payment_status\":\"paid\"}"));
        assertThat(e.amount()).isNull();
    }

    @Test
    void theCheckoutSession_chargesTheOrdersTotal_andCarriesItsCodeBack() {
        Order order = OrderTestData.anOrder(
                PaymentMethod.CARD, PaymentStatus.PENDING, FulfilmentStatus.UNFULFILLED, "Amina", "amina@example.com");

        Map<String, String> p =
                StripePayments.checkoutSession(order, "https://shop.example/s/k/orders/" + order.code());

        assertThat(p)
                .containsEntry("mode", "payment")
                .containsEntry("client_reference_id", order.code())
                .containsEntry("metadata[order_code]", order.code())
                .containsEntry("payment_intent_data[metadata][order_code]", order.code())
                .containsEntry("line_items[0][price_data][currency]", "pkr")
                .containsEntry("line_items[0][price_data][unit_amount]", "295050")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("customer_email", "amina@example.com")
                .containsEntry("success_url", "https://shop.example/s/k/orders/" + order.code() + "?paid=1");
        assertThat(StripePayments.form(Map.of("line_items[0][quantity]", "1")))
                .isEqualTo("line_items%5B0%5D%5Bquantity%5D=1");
    }
}
