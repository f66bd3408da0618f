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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alipay computer-website payment ({@code alipay.trade.page.pay}, product FAST_INSTANT_TRADE_PAY): the shopper's
 * browser posts the RSA2-signed request to Alipay's gateway; Alipay posts its asynchronous notification to
 * notify_url, verified with Alipay's public key over the sorted {@code k=v&…} string without sign and sign_type;
 * TRADE_SUCCESS and TRADE_FINISHED mark the order paid, TRADE_CLOSED ends the attempt. The order's public code goes
 * as passback_params (Alipay returns it in the notification). {@code alipay.trade.query} settles an attempt whose
 * notification did not come. The gateway is configurable ({@code dukan.alipay.gateway}) for the local stand-in.
 */
@Singleton
@Requires(env = {"shop", "paysweep"})
final class AlipayPayments implements WalletProvider {

    static final String NAME = "alipay";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JsonMapper json;
    private final Clock clock;
    private final String gateway;

    AlipayPayments(
            JsonMapper json,
            Clock clock,
            @Value("${dukan.alipay.gateway:`https://openapi.alipay.com/gateway.do`}") String gateway) {
        this.json = json;
        this.clock = clock;
        this.gateway = gateway;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Alipay";
    }

    @Override
    public String currency() {
        return "CNY";
    }

    @Override
    public Duration expiry() {
        return Duration.ofMinutes(30); // timeout_express 30m
    }

    @Override
    public List<WalletKeys.Field> keyFields() {
        return List.of(
                new WalletKeys.Field("appId", false, 32),
                new WalletKeys.Field("appPrivateKey", true, 4000),
                new WalletKeys.Field("alipayPublicKey", false, 1000));
    }

    @Override
    public HostedPayment start(
            TenantId tenant, WalletKeys keys, Order order, PaymentAttempt attempt, String returnUrl, String notifyUrl) {
        Map<String, String> biz = new LinkedHashMap<>();
        biz.put("out_trade_no", attempt.reference());
        biz.put("product_code", "FAST_INSTANT_TRADE_PAY");
        biz.put("total_amount", order.total().amount()); // yuan, two decimals
        biz.put("subject", "Order " + order.number());
        biz.put("timeout_express", expiry().toMinutes() + "m");
        biz.put("passback_params", order.code());
        Map<String, String> p = common(keys, "alipay.trade.page.pay", biz);
        p.put("return_url", returnUrl);
        p.put("notify_url", notifyUrl);
        p.put("sign", AlipaySignature.sign(AlipaySignature.requestContent(p), keys.get("appPrivateKey")));
        return new HostedPayment("POST", gateway + "?charset=utf-8", p);
    }

    private Map<String, String> common(WalletKeys keys, String method, Map<String, String> biz) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("app_id", keys.get("appId"));
        p.put("method", method);
        p.put("format", "JSON");
        p.put("charset", "utf-8");
        p.put("sign_type", "RSA2");
        p.put("timestamp", TIMESTAMP.format(clock.instant().atZone(SHANGHAI)));
        p.put("version", "1.0");
        try {
            p.put("biz_content", json.writeValueAsString(biz));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    @Override
    public Confirmation confirm(TenantId tenant, WalletKeys keys, Map<String, String> notification) {
        if (!AlipaySignature.verify(
                AlipaySignature.notifyContent(notification), notification.get("sign"), keys.get("alipayPublicKey"))) {
            throw new WebhookRejectedException("the notification's sign does not verify with Alipay's public key");
        }
        if (!keys.get("appId").equals(notification.get("app_id"))) {
            throw new WebhookRejectedException("the notification is for another app");
        }
        return read(notification);
    }

    private static Confirmation read(Map<String, String> fields) {
        String state = fields.getOrDefault("trade_status", "");
        Status status = switch (state) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> Status.PAID;
            case "WAIT_BUYER_PAY" -> Status.PENDING;
            case "TRADE_CLOSED" -> Status.CANCELLED;
            default -> Status.FAILED;
        };
        Money amount = null;
        try {
            amount = Money.parse("total_amount", fields.getOrDefault("total_amount", ""), "CNY");
        } catch (RuntimeException unreadable) {
            amount = null;
        }
        return new Confirmation(
                status,
                fields.getOrDefault("out_trade_no", ""),
                fields.get("passback_params"),
                fields.getOrDefault("trade_no", ""),
                amount,
                state,
                fields.getOrDefault("sub_msg", fields.getOrDefault("msg", "")));
    }

    @Override
    public Confirmation inquire(TenantId tenant, WalletKeys keys, PaymentAttempt attempt) {
        Map<String, String> p = common(keys, "alipay.trade.query", Map.of("out_trade_no", attempt.reference()));
        p.put("sign", AlipaySignature.sign(AlipaySignature.requestContent(p), keys.get("appPrivateKey")));
        byte[] body = WalletHttp.post(
                gateway, "application/x-www-form-urlencoded;charset=utf-8", WalletHttp.form(p), Map.of(), "Alipay");
        String text = new String(body, StandardCharsets.UTF_8);
        // the sign covers the response object exactly as sent: {"alipay_trade_query_response":{…},"sign":"…"}
        String signed = signedObject(text, "alipay_trade_query_response");
        JsonNode answer;
        try {
            answer = json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new TryAgainLaterException("Alipay's query answer could not be read", e);
        }
        JsonNode sign = answer.get("sign");
        if (signed == null
                || sign == null
                || !AlipaySignature.verify(signed, sign.getStringValue(), keys.get("alipayPublicKey"))) {
            throw new WebhookRejectedException("Alipay's query answer does not verify with its public key");
        }
        JsonNode response = answer.get("alipay_trade_query_response");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : response.entries()) {
            if (e.getValue().isString()) {
                fields.put(e.getKey(), e.getValue().getStringValue());
            }
        }
        if (!"10000".equals(fields.get("code"))) {
            if ("ACQ.TRADE_NOT_EXIST".equals(fields.get("sub_code"))) {
                return new Confirmation(
                        Status.PENDING, attempt.reference(), attempt.orderCode(), "", null, "TRADE_NOT_EXIST", "");
            }
            throw new TryAgainLaterException("Alipay's query failed: " + fields.getOrDefault("sub_msg", ""), null);
        }
        fields.putIfAbsent("out_trade_no", attempt.reference());
        fields.put("passback_params", attempt.orderCode());
        return read(fields);
    }

    /** The raw JSON object after {@code "name":} in the answer, as signed; null if it is not there. */
    static String signedObject(String text, String name) {
        int at = text.indexOf("\"" + name + "\"");
        if (at < 0) {
            return null;
        }
        int start = text.indexOf('{', at);
        if (start < 0) {
            return null;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(start, i + 1);
            }
        }
        return null;
    }
}
