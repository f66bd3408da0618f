package io.dukan.aws.payments;

import io.dukan.core.order.Order;
import io.dukan.core.payment.PaymentProvider;
import io.dukan.core.payment.ProviderEvent;
import io.dukan.core.payment.ProviderKeys;
import io.dukan.core.payment.ProviderKeysRepository;
import io.dukan.core.payment.WebhookRejectedException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.TenantId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Stripe, by its documented HTTP API (no SDK: stripe-java and its Gson would add to every store's cold start for
 * one request and one HMAC). Payments start as a Checkout Session (the shopper pays on Stripe's page); the money's
 * arrival is known from the signed webhook only: {@code checkout.session.completed} with payment_status "paid",
 * {@code checkout.session.async_payment_succeeded} / {@code _failed}, and {@code charge.refunded} for a full refund.
 * The order's public code travels as {@code client_reference_id} and {@code metadata[order_code]}.
 */
@Singleton
@Requires(env = "shop")
final class StripePayments implements PaymentProvider {

    static final String NAME = "stripe";

    private final ProviderKeysRepository keys;
    private final JsonMapper json;
    private final Clock clock;
    private final String apiBase;

    StripePayments(
            ProviderKeysRepository keys,
            JsonMapper json,
            Clock clock,
            @Value("${dukan.stripe.api-base:`https://api.stripe.com`}") String apiBase) {
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.apiBase = apiBase;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean configured(TenantId tenant) {
        return keys.find(tenant, NAME).isPresent();
    }

    @Override
    public ProviderEvent verify(TenantId tenant, byte[] payload, Map<String, String> headers) {
        ProviderKeys stored = keys.find(tenant, NAME)
                .orElseThrow(() -> new WebhookRejectedException("this store has no Stripe webhook secret"));
        String header = headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Stripe-Signature"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        StripeSignature.verify(payload, header, stored.webhookSecret(), clock.instant());
        return parse(payload);
    }

    /** Reads a verified event. */
    ProviderEvent parse(byte[] payload) {
        JsonNode event;
        try {
            event = json.readValue(payload, JsonNode.class);
        } catch (IOException e) {
            throw new WebhookRejectedException("the event is not JSON");
        }
        String id = text(event, "id");
        String type = text(event, "type");
        JsonNode object = event.get("data") == null ? null : event.get("data").get("object");
        if (object == null || !object.isObject()) {
            return new ProviderEvent(id, ProviderEvent.Type.OTHER, "", null);
        }
        String code = text(object, "client_reference_id");
        if (code.isEmpty() && object.get("metadata") != null) {
            code = text(object.get("metadata"), "order_code");
        }
        String currency = text(object, "currency").toUpperCase(Locale.ROOT);
        return switch (type) {
            case "checkout.session.completed" ->
                "paid".equals(text(object, "payment_status"))
                        ? new ProviderEvent(
                                id, ProviderEvent.Type.PAYMENT_SUCCEEDED, code, money(object, "amount_total", currency))
                        : new ProviderEvent(id, ProviderEvent.Type.OTHER, code, null);
            case "checkout.session.async_payment_succeeded" ->
                new ProviderEvent(
                        id, ProviderEvent.Type.PAYMENT_SUCCEEDED, code, money(object, "amount_total", currency));
            case "checkout.session.async_payment_failed" ->
                new ProviderEvent(id, ProviderEvent.Type.PAYMENT_FAILED, code, money(object, "amount_total", currency));
            case "charge.refunded" ->
                object.get("refunded") != null && object.get("refunded").getBooleanValue()
                        ? new ProviderEvent(
                                id, ProviderEvent.Type.REFUNDED, code, money(object, "amount_refunded", currency))
                        : new ProviderEvent(id, ProviderEvent.Type.OTHER, code, null);
            default -> new ProviderEvent(id, ProviderEvent.Type.OTHER, code, null);
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.getStringValue() : "";
    }

    /** Stripe's amounts are in the currency's smallest unit, as ours are; anything unreadable is no amount. */
    private static Money money(JsonNode object, String field, String currency) {
        JsonNode value = object.get(field);
        if (value == null || !value.isNumber()) {
            return null;
        }
        try {
            return new Money(value.getLongValue(), currency);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    @Override
    public PaymentStart start(TenantId tenant, Order order, String returnUrl) {
        ProviderKeys stored = keys.find(tenant, NAME)
                .orElseThrow(() -> new io.dukan.core.shared.InvalidInputException(
                        "paymentMethod", "this store does not take card payments yet"));
        String body = form(checkoutSession(order, returnUrl));
        try {
            HttpURLConnection http = (HttpURLConnection)
                    URI.create(apiBase + "/v1/checkout/sessions").toURL().openConnection();
            http.setRequestMethod("POST");
            http.setConnectTimeout(5000);
            http.setReadTimeout(15000);
            http.setDoOutput(true);
            http.setRequestProperty("Authorization", "Bearer " + stored.secretKey());
            http.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            // one session per order version: a double click does not open two
            http.setRequestProperty("Idempotency-Key", "dukan-" + order.code() + "-" + order.version());
            try (OutputStream out = http.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            int status = http.getResponseCode();
            try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
                byte[] answer = in == null ? new byte[0] : in.readAllBytes();
                if (status >= 400) {
                    throw new TryAgainLaterException(
                            "the card payment could not be started (Stripe answered " + status
                                    + "); please try again or choose another way to pay",
                            null);
                }
                JsonNode session = json.readValue(answer, JsonNode.class);
                return new PaymentStart(text(session, "url"), null);
            }
        } catch (IOException e) {
            throw new TryAgainLaterException("Stripe could not be reached; please try again", e);
        }
    }

    /** The Checkout Session's parameters (Stripe's form encoding of nested fields), in a stable order. */
    static Map<String, String> checkoutSession(Order order, String returnUrl) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mode", "payment");
        p.put("success_url", returnUrl + "?paid=1");
        p.put("cancel_url", returnUrl);
        p.put("client_reference_id", order.code());
        p.put("metadata[order_code]", order.code());
        p.put("payment_intent_data[metadata][order_code]", order.code());
        if (!order.contact().email().isBlank()) {
            p.put("customer_email", order.contact().email());
        }
        p.put("line_items[0][quantity]", "1");
        p.put("line_items[0][price_data][currency]", order.total().currency().toLowerCase(Locale.ROOT));
        p.put(
                "line_items[0][price_data][unit_amount]",
                Long.toString(order.total().minor()));
        p.put("line_items[0][price_data][product_data][name]", "Order " + order.displayNumber());
        return p;
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    Optional<ProviderKeys> keys(TenantId tenant) {
        return keys.find(tenant, NAME);
    }
}
