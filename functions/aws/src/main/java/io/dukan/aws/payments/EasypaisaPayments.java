package io.dukan.aws.payments;

import io.dukan.core.order.Order;
import io.dukan.core.payment.PaymentAttempt;
import io.dukan.core.payment.WalletKeys;
import io.dukan.core.payment.WalletProvider;
import io.dukan.core.payment.WebhookRejectedException;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.TenantId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Easypaisa hosted checkout ("Easypay" Index.jsf, form POST with storeId, amount, postBackURL, orderRefNum,
 * expiryDate, autoRedirect, paymentMethod and merchantHashedReq). Easypaisa's redirect back to postBackURL is
 * unsigned, so it never marks an order paid by itself: it only prompts the transaction inquiry API
 * ({@code /easypay-service/rest/v4/inquire-transaction}, Credentials header), whose transactionStatus settles it.
 * The base URL is configurable ({@code dukan.easypaisa.base-url}) for the local cloud's stand-in.
 */
@Singleton
@Requires(env = {"shop", "paysweep"})
final class EasypaisaPayments implements WalletProvider {

    static final String NAME = "easypaisa";
    static final String FORM_PATH = "/easypay/Index.jsf";
    static final String CONFIRM_PATH = "/easypay/Confirm.jsf";
    static final String INQUIRY_PATH = "/easypay-service/rest/v4/inquire-transaction";
    static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss");

    private final JsonMapper json;
    private final String baseUrl;

    EasypaisaPayments(
            JsonMapper json, @Value("${dukan.easypaisa.base-url:`https://easypay.easypaisa.com.pk`}") String baseUrl) {
        this.json = json;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Easypaisa";
    }

    @Override
    public String currency() {
        return "PKR";
    }

    @Override
    public Duration expiry() {
        return Duration.ofHours(24);
    }

    @Override
    public List<WalletKeys.Field> keyFields() {
        return List.of(
                new WalletKeys.Field("storeId", false, 20),
                new WalletKeys.Field("hashKey", true, 32),
                new WalletKeys.Field("accountNum", false, 40),
                new WalletKeys.Field("apiUser", false, 80),
                new WalletKeys.Field("apiPassword", true, 120));
    }

    /** The token step: the redirect carrying auth_token is sent on, by the shopper's browser, to Confirm.jsf. */
    @Override
    public java.util.Optional<HostedPayment> next(WalletKeys keys, Map<String, String> returned, String returnUrl) {
        String token = returned.get("auth_token");
        if (token == null || token.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("auth_token", token);
        f.put("postBackURL", returnUrl);
        return java.util.Optional.of(new HostedPayment("POST", baseUrl + CONFIRM_PATH, f));
    }

    @Override
    public HostedPayment start(
            TenantId tenant, WalletKeys keys, Order order, PaymentAttempt attempt, String returnUrl, String notifyUrl) {
        int length = keys.get("hashKey").length();
        if (length != 16 && length != 24 && length != 32) {
            throw new InvalidInputException("hashKey", "the Easypaisa hash key must be 16, 24 or 32 characters");
        }
        return new HostedPayment("POST", baseUrl + FORM_PATH, request(keys, order, attempt, returnUrl));
    }

    static Map<String, String> request(WalletKeys keys, Order order, PaymentAttempt attempt, String returnUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("storeId", keys.get("storeId"));
        f.put("amount", order.total().amount()); // rupees with paisa: "1250.00"
        f.put("postBackURL", returnUrl);
        f.put("orderRefNum", attempt.reference());
        f.put("expiryDate", EXPIRY.format(attempt.expiresAt().atZone(ZoneId.of("Asia/Karachi"))));
        f.put("autoRedirect", "1");
        f.put("paymentMethod", "MA_PAYMENT_METHOD");
        if (!order.contact().email().isBlank()) {
            f.put("emailAddr", order.contact().email());
        }
        f.put(EasypaisaHash.FIELD, EasypaisaHash.hash(f, keys.get("hashKey")));
        return f;
    }

    @Override
    public Confirmation confirm(TenantId tenant, WalletKeys keys, Map<String, String> callback) {
        throw new WebhookRejectedException(
                "Easypaisa's redirect is unsigned; the payment is confirmed by inquiry only");
    }

    @Override
    public Confirmation inquire(TenantId tenant, WalletKeys keys, PaymentAttempt attempt) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("orderId", attempt.reference());
        request.put("storeId", keys.get("storeId"));
        request.put("accountNum", keys.get("accountNum"));
        String credentials = Base64.getEncoder()
                .encodeToString((keys.get("apiUser") + ":" + keys.get("apiPassword")).getBytes(StandardCharsets.UTF_8));
        JsonNode answer;
        try {
            byte[] body = WalletHttp.post(
                    baseUrl + INQUIRY_PATH,
                    "application/json",
                    json.writeValueAsString(request),
                    Map.of("Credentials", credentials),
                    "Easypaisa");
            answer = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TryAgainLaterException t) {
                throw t;
            }
            throw new TryAgainLaterException("Easypaisa's inquiry answer could not be read", e);
        }
        String responseCode = text(answer, "responseCode");
        if (!"0000".equals(responseCode)) {
            throw new TryAgainLaterException(
                    "Easypaisa's inquiry failed: " + responseCode + " " + text(answer, "responseDesc"), null);
        }
        if (!attempt.reference().equals(text(answer, "orderId"))
                || !keys.get("storeId").equals(text(answer, "storeId"))) {
            throw new WebhookRejectedException("Easypaisa answered about another payment");
        }
        String state = text(answer, "transactionStatus").toUpperCase(Locale.ROOT);
        Status status = switch (state) {
            case "PAID" -> Status.PAID;
            case "PENDING", "INITIATED" -> Status.PENDING;
            default -> Status.FAILED; // FAILED, EXPIRED, REVERSED, DROPPED…
        };
        Money amount = null;
        String amountText = text(answer, "transactionAmount");
        if (!amountText.isEmpty()) {
            try {
                amount = Money.parse("transactionAmount", amountText, "PKR");
            } catch (RuntimeException unreadable) {
                amount = null;
            }
        }
        return new Confirmation(
                status,
                attempt.reference(),
                attempt.orderCode(),
                text(answer, "transactionId"),
                amount,
                state,
                text(answer, "responseDesc"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null) {
            return "";
        }
        return value.isString() ? value.getStringValue() : value.isNumber() ? value.coerceStringValue() : "";
    }
}
