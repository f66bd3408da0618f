package io.dukan.aws.payments;

import io.dukan.core.order.Order;
import io.dukan.core.payment.PaymentAttempt;
import io.dukan.core.payment.WalletKeys;
import io.dukan.core.payment.WalletProvider;
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
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JazzCash hosted checkout (pp_Version 1.1, "Page Redirection"): the shopper's browser POSTs the signed form to
 * JazzCash's merchant form; JazzCash POSTs the signed result back to pp_ReturnURL. Response codes: 000 paid; 124 and
 * 157 pending (an over-the-counter voucher, a wallet payment awaiting approval), settled by the status inquiry API
 * ({@code /ApplicationAPI/API/PaymentInquiry/Inquire}, pp_PaymentResponseCode); 112 cancelled by the shopper;
 * anything else failed. The order's public code travels in ppmpf_1 (signed with the rest); pp_BillReference is the
 * order number. The base URL is configurable ({@code dukan.jazzcash.base-url}) so the local cloud points it at its
 * sandbox stand-in.
 */
@Singleton
@Requires(env = {"shop", "paysweep"})
final class JazzCashPayments implements WalletProvider {

    static final String NAME = "jazzcash";
    static final String FORM_PATH = "/CustomerPortal/transactionmanagement/merchantform/";
    static final String INQUIRY_PATH = "/ApplicationAPI/API/PaymentInquiry/Inquire";
    static final ZoneId KARACHI = ZoneId.of("Asia/Karachi");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final JsonMapper json;
    private final String baseUrl;

    JazzCashPayments(
            JsonMapper json, @Value("${dukan.jazzcash.base-url:`https://payments.jazzcash.com.pk`}") String baseUrl) {
        this.json = json;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "JazzCash";
    }

    @Override
    public String currency() {
        return "PKR";
    }

    @Override
    public Duration expiry() {
        return Duration.ofHours(24); // long enough for an over-the-counter voucher
    }

    @Override
    public List<WalletKeys.Field> keyFields() {
        return List.of(
                new WalletKeys.Field("merchantId", false, 40),
                new WalletKeys.Field("password", true, 80),
                new WalletKeys.Field("integritySalt", true, 80));
    }

    @Override
    public HostedPayment start(
            TenantId tenant, WalletKeys keys, Order order, PaymentAttempt attempt, String returnUrl, String notifyUrl) {
        return new HostedPayment("POST", baseUrl + FORM_PATH, request(keys, order, attempt, returnUrl));
    }

    /** The signed request fields, as JazzCash's form takes them. */
    static Map<String, String> request(WalletKeys keys, Order order, PaymentAttempt attempt, String returnUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("pp_Version", "1.1");
        f.put("pp_TxnType", "");
        f.put("pp_Language", "EN");
        f.put("pp_MerchantID", keys.get("merchantId"));
        f.put("pp_SubMerchantID", "");
        f.put("pp_Password", keys.get("password"));
        f.put("pp_BankID", "");
        f.put("pp_ProductID", "");
        f.put("pp_TxnRefNo", attempt.reference());
        f.put("pp_Amount", Long.toString(order.total().minor())); // paisa
        f.put("pp_TxnCurrency", "PKR");
        f.put("pp_TxnDateTime", TIME.format(attempt.startedAt().atZone(KARACHI)));
        f.put("pp_BillReference", Long.toString(order.number()));
        f.put("pp_Description", "Order " + order.number());
        f.put("pp_TxnExpiryDateTime", TIME.format(attempt.expiresAt().atZone(KARACHI)));
        f.put("pp_ReturnURL", returnUrl);
        f.put("ppmpf_1", order.code());
        f.put(JazzCashSecureHash.FIELD, JazzCashSecureHash.hash(f, keys.get("integritySalt")));
        return f;
    }

    @Override
    public Confirmation confirm(TenantId tenant, WalletKeys keys, Map<String, String> callback) {
        if (!JazzCashSecureHash.verifies(callback, keys.get("integritySalt"))) {
            throw new WebhookRejectedException("the pp_SecureHash does not match");
        }
        if (!keys.get("merchantId").equals(callback.get("pp_MerchantID"))) {
            throw new WebhookRejectedException("the result is for another merchant");
        }
        return read(callback, "pp_ResponseCode", "pp_ResponseMessage");
    }

    /** Reads a verified result; {@code codeField} names the field with the payment's response code. */
    static Confirmation read(Map<String, String> fields, String codeField, String messageField) {
        String code = fields.getOrDefault(codeField, "");
        Status status = switch (code) {
            case "000" -> Status.PAID;
            case "124", "157" -> Status.PENDING;
            case "112" -> Status.CANCELLED;
            default -> Status.FAILED;
        };
        return new Confirmation(
                status,
                fields.getOrDefault("pp_TxnRefNo", ""),
                fields.get("ppmpf_1"),
                fields.getOrDefault("pp_RetreivalReferenceNo", ""),
                amount(fields.get("pp_Amount"), fields.getOrDefault("pp_TxnCurrency", "")),
                code,
                fields.getOrDefault(messageField, ""));
    }

    private static Money amount(String paisa, String currency) {
        try {
            return paisa == null || !paisa.matches("[0-9]{1,13}") ? null : new Money(Long.parseLong(paisa), currency);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    @Override
    public Confirmation inquire(TenantId tenant, WalletKeys keys, PaymentAttempt attempt) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("pp_TxnRefNo", attempt.reference());
        request.put("pp_MerchantID", keys.get("merchantId"));
        request.put("pp_Password", keys.get("password"));
        request.put(JazzCashSecureHash.FIELD, JazzCashSecureHash.hash(request, keys.get("integritySalt")));
        byte[] answer;
        try {
            answer = WalletHttp.post(
                    baseUrl + INQUIRY_PATH, "application/json", json.writeValueAsString(request), Map.of(), "JazzCash");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> fields = new TreeMap<>();
        try {
            JsonNode node = json.readValue(answer, JsonNode.class);
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                if (e.getValue().isString() || e.getValue().isNumber()) {
                    fields.put(e.getKey(), e.getValue().coerceStringValue());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new TryAgainLaterException("JazzCash's status inquiry answer could not be read", e);
        }
        if (!JazzCashSecureHash.verifies(fields, keys.get("integritySalt"))) {
            throw new WebhookRejectedException("the status inquiry answer's pp_SecureHash does not match");
        }
        if (!"000".equals(fields.get("pp_ResponseCode"))) {
            throw new TryAgainLaterException(
                    "JazzCash's status inquiry failed: " + fields.getOrDefault("pp_ResponseMessage", ""), null);
        }
        Map<String, String> result = new HashMap<>(fields);
        result.putIfAbsent("pp_TxnRefNo", attempt.reference());
        result.put("ppmpf_1", attempt.orderCode());
        Confirmation read = read(result, "pp_PaymentResponseCode", "pp_PaymentResponseMessage");
        // the inquiry's answer names the transaction, not always its amount: then the amount is the one JazzCash
        // took for this pp_TxnRefNo, the one this attempt sent (signed) to its page
        return read.amount() != null
                ? read
                : new Confirmation(
                        read.status(),
                        read.reference(),
                        read.orderCode(),
                        read.transactionId(),
                        attempt.amount(),
                        read.code(),
                        read.message());
    }
}
