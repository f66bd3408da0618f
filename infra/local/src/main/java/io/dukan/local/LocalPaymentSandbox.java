package io.dukan.local;

import com.sun.net.httpserver.HttpExchange;
import io.dukan.web.Html;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandbox stand-ins for the wallet providers, at {@code /_sandbox/{jazzcash,easypaisa,alipay}/…} on the local cloud,
 * each page clearly marked as NOT the real provider. The local cloud points the shop functions' provider base URLs
 * here. A stand-in reads the store's own test credentials (the ones the owner entered in the admin) from the local
 * table, checks the shop's request signature, shows the amount, lets the tester choose paid / pending / cancelled /
 * failed, and answers exactly as the provider does: JazzCash's return POST signed with the integrity salt (and its
 * status inquiry, signed), Easypaisa's unsigned redirect plus its inquiry API (Credentials header checked), Alipay's
 * RSA2-signed asynchronous notification to notify_url with the sandbox's own "Alipay" key pair (its public key is
 * shown at {@code /_sandbox/alipay} for the owner to paste into the admin).
 */
final class LocalPaymentSandbox {

    static final String PREFIX = "/_sandbox";
    private static final Logger LOG = LoggerFactory.getLogger("io.dukan.local.sandbox");
    private static final Pattern STORE = Pattern.compile("/s/([a-z0-9-]+)/");

    /** (store slug, provider) → the credentials the owner entered, or null. */
    private final BiFunction<String, String, Map<String, String>> keys;

    /** JazzCash pp_TxnRefNo / Easypaisa orderRefNum → what the tester chose (the inquiry APIs answer it). */
    private final Map<String, String> decided = new ConcurrentHashMap<>();

    private final Map<String, String> amounts = new ConcurrentHashMap<>();
    private final KeyPair alipay;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LocalPaymentSandbox(BiFunction<String, String, Map<String, String>> keys) {
        this.keys = keys;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.alipay = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** The "Alipay public key" the sandbox signs notifications for (Base64 X.509), to paste into the admin. */
    String alipayPublicKey() {
        return Base64.getEncoder().encodeToString(alipay.getPublic().getEncoded());
    }

    int handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Map<String, String> form = parse(body);
        if (exchange.getRequestURI().getRawQuery() != null) {
            parse(exchange.getRequestURI().getRawQuery()).forEach(form::putIfAbsent);
        }
        try {
            if (path.equals("/jazzcash/CustomerPortal/transactionmanagement/merchantform/") && method.equals("POST")) {
                return jazzCashPage(exchange, form);
            }
            if (path.equals("/jazzcash/decide") && method.equals("POST")) {
                return jazzCashDecide(exchange, form);
            }
            if (path.equals("/jazzcash/settle") && method.equals("POST")) {
                decided.put(form.getOrDefault("ref", ""), "000");
                return html(
                        exchange,
                        200,
                        page(
                                "JazzCash",
                                "<p>Voucher paid (sandbox). Reopen the order page: the"
                                        + " shop settles it by the status inquiry.</p>"));
            }
            if (path.equals("/jazzcash/ApplicationAPI/API/PaymentInquiry/Inquire")) {
                return jazzCashInquiry(exchange, body);
            }
            if (path.equals("/easypaisa/easypay/Index.jsf") && method.equals("POST")) {
                return easypaisaPage(exchange, form);
            }
            if (path.equals("/easypaisa/decide") && method.equals("POST")) {
                return easypaisaDecide(exchange, form);
            }
            if (path.equals("/easypaisa/easypay-service/rest/v4/inquire-transaction")) {
                return easypaisaInquiry(exchange, body);
            }
            if (path.equals("/alipay/gateway.do") && method.equals("POST")) {
                return alipayPage(exchange, form);
            }
            if (path.equals("/alipay/decide") && method.equals("POST")) {
                return alipayDecide(exchange, form);
            }
            if (path.equals("/alipay") || path.equals("/alipay/")) {
                return html(
                        exchange,
                        200,
                        page(
                                "Alipay",
                                "<p>Paste this as the <b>Alipay public key</b> in the"
                                        + " store's admin (Payments → Alipay); the sandbox signs its notifications with the matching"
                                        + " private key.</p><textarea readonly rows=\"8\" style=\"width:100%\">"
                                        + alipayPublicKey()
                                        + "</textarea>"));
            }
            return html(exchange, 404, page("Sandbox", "<p>No such sandbox page.</p>"));
        } catch (SandboxRefusal refused) {
            return html(exchange, 400, page("Sandbox", "<p class=\"bad\">" + Html.esc(refused.getMessage()) + "</p>"));
        }
    }

    static final class SandboxRefusal extends RuntimeException {
        SandboxRefusal(String message) {
            super(message);
        }
    }

    // --- JazzCash

    private int jazzCashPage(HttpExchange exchange, Map<String, String> f) throws IOException {
        Map<String, String> k = credentials(f.get("pp_ReturnURL"), "jazzcash");
        String salt = k.get("integritySalt");
        if (!constantEquals(
                        jazzHash(f, salt), f.getOrDefault("pp_SecureHash", "").toUpperCase(Locale.ROOT))
                || !k.get("merchantId").equals(f.get("pp_MerchantID"))
                || !k.get("password").equals(f.get("pp_Password"))) {
            throw new SandboxRefusal("The request's pp_SecureHash, merchant ID or password does not match the store's"
                    + " JazzCash credentials (JazzCash would refuse it too).");
        }
        String amount = rupees(f.get("pp_Amount"));
        StringBuilder out = new StringBuilder();
        out.append("<p>Order <b>")
                .append(Html.esc(f.getOrDefault("pp_BillReference", "")))
                .append("</b> · reference ")
                .append(Html.esc(f.get("pp_TxnRefNo")))
                .append("</p><p class=\"amount\">PKR ")
                .append(Html.esc(amount))
                .append("</p><p class=\"ok\">Request signature checked ✓</p>");
        out.append("<form method=\"post\" action=\"").append(PREFIX).append("/jazzcash/decide\">");
        hidden(out, f);
        out.append(choice("000", "Pay (000, paid)"))
                .append(choice("124", "Pending: pay at a shop later (124)"))
                .append(choice("112", "Cancel (112)"))
                .append(choice("121", "Fail: transaction rejected (121)"))
                .append("</form>");
        return html(exchange, 200, page("JazzCash", out.toString()));
    }

    private int jazzCashDecide(HttpExchange exchange, Map<String, String> f) throws IOException {
        Map<String, String> k = credentials(f.get("pp_ReturnURL"), "jazzcash");
        String code = f.getOrDefault("choice", "121");
        String ref = f.getOrDefault("pp_TxnRefNo", "");
        decided.put(ref, code);
        Map<String, String> r = new LinkedHashMap<>(f);
        String returnUrl = r.remove("pp_ReturnURL");
        r.remove("pp_Password");
        r.remove("pp_SecureHash");
        r.remove("choice");
        r.put("pp_ResponseCode", code);
        r.put(
                "pp_ResponseMessage",
                switch (code) {
                    case "000" -> "Thank you for Using JazzCash, your transaction was successful.";
                    case "124" -> "Order is placed and waiting for financials to be received over the counter.";
                    case "112" -> "Transaction cancelled by user.";
                    default -> "Transaction rejected.";
                });
        r.put("pp_RetreivalReferenceNo", "SB" + ref.substring(Math.max(0, ref.length() - 10)));
        r.put("pp_SecureHash", jazzHash(r, k.get("integritySalt")));
        StringBuilder out = new StringBuilder("<p>Sending the signed result back to the shop…</p>");
        out.append("<form id=\"back\" method=\"post\" action=\"")
                .append(Html.esc(returnUrl))
                .append("\">");
        hidden(out, r);
        out.append("<button type=\"submit\" id=\"return\">Return to the shop</button></form>");
        if (code.equals("124")) {
            out.append("<form method=\"post\" action=\"")
                    .append(PREFIX)
                    .append("/jazzcash/settle\">")
                    .append("<input type=\"hidden\" name=\"ref\" value=\"")
                    .append(Html.esc(ref))
                    .append("\">")
                    .append(
                            "<button type=\"submit\" class=\"alt\" id=\"settle\">Later: pay the voucher</button></form>");
        }
        return html(exchange, 200, page("JazzCash", out.toString()));
    }

    private int jazzCashInquiry(HttpExchange exchange, String body) throws IOException {
        Map<String, String> q = json(body);
        String ref = q.getOrDefault("pp_TxnRefNo", "");
        Map<String, String> a = new TreeMap<>();
        a.put("pp_ResponseCode", "000");
        a.put("pp_ResponseMessage", "Successful");
        a.put("pp_TxnRefNo", ref);
        a.put("pp_PaymentResponseCode", decided.getOrDefault(ref, "124"));
        a.put("pp_PaymentResponseMessage", "sandbox");
        String salt = keysForMerchant(q.get("pp_MerchantID"));
        if (salt == null) {
            return json(exchange, 200, "{\"pp_ResponseCode\":\"110\",\"pp_ResponseMessage\":\"unknown merchant\"}");
        }
        a.put("pp_SecureHash", jazzHash(a, salt));
        return json(
                exchange,
                200,
                a.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":\"" + jsonEscape(e.getValue()) + "\"")
                        .collect(Collectors.joining(",", "{", "}")));
    }

    /** JazzCash merchants the sandbox has seen: merchant ID → salt (the inquiry names only the merchant). */
    private final Map<String, String> merchants = new ConcurrentHashMap<>();

    private String keysForMerchant(String merchantId) {
        return merchantId == null ? null : merchants.get(merchantId);
    }

    static String jazzHash(Map<String, String> fields, String salt) {
        String message = salt
                + new TreeMap<>(fields)
                        .entrySet().stream()
                                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).startsWith("pp")
                                        && !e.getKey().equals("pp_SecureHash")
                                        && e.getValue() != null
                                        && !e.getValue().isEmpty())
                                .map(e -> "&" + e.getValue())
                                .collect(Collectors.joining());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- Easypaisa

    private int easypaisaPage(HttpExchange exchange, Map<String, String> f) throws IOException {
        Map<String, String> k = credentials(f.get("postBackURL"), "easypaisa");
        Map<String, String> signed = new TreeMap<>(f);
        signed.remove("merchantHashedReq");
        String plain = signed.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        if (!plain.equals(decrypt(f.getOrDefault("merchantHashedReq", ""), k.get("hashKey")))
                || !k.get("storeId").equals(f.get("storeId"))) {
            throw new SandboxRefusal("merchantHashedReq or storeId does not match the store's Easypaisa credentials.");
        }
        StringBuilder out = new StringBuilder();
        out.append("<p>Reference ")
                .append(Html.esc(f.get("orderRefNum")))
                .append("</p><p class=\"amount\">PKR ")
                .append(Html.esc(f.get("amount")))
                .append("</p><p class=\"ok\">merchantHashedReq checked ✓</p>")
                .append("<form method=\"post\" action=\"")
                .append(PREFIX)
                .append("/easypaisa/decide\">");
        hidden(out, f);
        out.append(choice("PAID", "Pay"))
                .append(choice("PENDING", "Pending"))
                .append(choice("DROPPED", "Cancel"))
                .append(choice("FAILED", "Fail"))
                .append("</form>");
        return html(exchange, 200, page("Easypaisa", out.toString()));
    }

    private int easypaisaDecide(HttpExchange exchange, Map<String, String> f) throws IOException {
        String ref = f.getOrDefault("orderRefNum", "");
        decided.put(ref, f.getOrDefault("choice", "FAILED"));
        amounts.put(ref, f.getOrDefault("amount", ""));
        String back = f.getOrDefault("postBackURL", "");
        String location = back + (back.contains("?") ? "&" : "?") + "orderRefNumber=" + enc(ref) + "&status="
                + enc(f.getOrDefault("choice", "")) + "&desc=sandbox";
        exchange.getResponseHeaders().set("Location", location);
        return html(exchange, 303, page("Easypaisa", "<p><a href=\"" + Html.esc(location) + "\">Back to the shop</a>"));
    }

    private int easypaisaInquiry(HttpExchange exchange, String body) throws IOException {
        Map<String, String> q = json(body);
        String ref = q.getOrDefault("orderId", "");
        String credentials = exchange.getRequestHeaders().getFirst("Credentials");
        Map<String, String> k = easypaisaStores.get(q.getOrDefault("storeId", ""));
        String expected = k == null
                ? null
                : Base64.getEncoder()
                        .encodeToString(
                                (k.get("apiUser") + ":" + k.get("apiPassword")).getBytes(StandardCharsets.UTF_8));
        if (expected == null || !expected.equals(credentials)) {
            return json(exchange, 200, "{\"responseCode\":\"0001\",\"responseDesc\":\"INVALID CREDENTIALS\"}");
        }
        return json(
                exchange,
                200,
                "{\"responseCode\":\"0000\",\"responseDesc\":\"SUCCESS\",\"orderId\":\""
                        + jsonEscape(ref) + "\",\"storeId\":\"" + jsonEscape(q.get("storeId"))
                        + "\",\"transactionStatus\":\""
                        + decided.getOrDefault(ref, "PENDING") + "\",\"transactionAmount\":\""
                        + jsonEscape(amounts.getOrDefault(ref, "")) + "\",\"transactionId\":\"SB"
                        + Math.abs(ref.hashCode())
                        + "\"}");
    }

    private final Map<String, Map<String, String>> easypaisaStores = new ConcurrentHashMap<>();

    private static String decrypt(String hashed, String key) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"));
            return new String(aes.doFinal(Base64.getDecoder().decode(hashed)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    // --- Alipay

    private int alipayPage(HttpExchange exchange, Map<String, String> f) throws IOException {
        Map<String, String> k = credentials(f.get("notify_url"), "alipay");
        String content = new TreeMap<>(f)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals("sign") && !e.getValue().isEmpty())
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&"));
        if (!verifyWithAppKey(content, f.get("sign"), k.get("appPrivateKey"))
                || !k.get("appId").equals(f.get("app_id"))) {
            throw new SandboxRefusal("The request's RSA2 sign does not verify with the store's app key.");
        }
        String biz = f.getOrDefault("biz_content", "");
        StringBuilder out = new StringBuilder();
        out.append("<p>")
                .append(Html.esc(field(biz, "subject")))
                .append(" · ")
                .append(Html.esc(field(biz, "out_trade_no")))
                .append("</p><p class=\"amount\">CNY ")
                .append(Html.esc(field(biz, "total_amount")))
                .append("</p><p class=\"ok\">RSA2 request sign checked ✓</p>")
                .append("<form method=\"post\" action=\"")
                .append(PREFIX)
                .append("/alipay/decide\">");
        hidden(out, f);
        out.append(choice("TRADE_SUCCESS", "Pay"))
                .append(choice("WAIT_BUYER_PAY", "Pending"))
                .append(choice("TRADE_CLOSED", "Cancel"))
                .append("</form>");
        return html(exchange, 200, page("Alipay", out.toString()));
    }

    private int alipayDecide(HttpExchange exchange, Map<String, String> f) throws IOException {
        String biz = f.getOrDefault("biz_content", "");
        Map<String, String> n = new LinkedHashMap<>();
        n.put(
                "notify_time",
                ZonedDateTime.now(ZoneId.of("Asia/Shanghai"))
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        n.put("notify_type", "trade_status_sync");
        n.put("notify_id", "sandbox" + System.nanoTime());
        n.put("app_id", f.get("app_id"));
        n.put("charset", "utf-8");
        n.put("version", "1.0");
        n.put("trade_no", "SB" + System.currentTimeMillis());
        n.put("out_trade_no", field(biz, "out_trade_no"));
        n.put("trade_status", f.getOrDefault("choice", "TRADE_CLOSED"));
        n.put("total_amount", field(biz, "total_amount"));
        n.put("passback_params", field(biz, "passback_params"));
        n.put("subject", field(biz, "subject"));
        String content = new TreeMap<>(n)
                .entrySet().stream()
                        .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&"));
        n.put("sign_type", "RSA2");
        n.put("sign", sign(content));
        String answer;
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(f.get("notify_url")))
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(form(n)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            answer = r.statusCode() + " " + r.body();
        } catch (IOException | InterruptedException e) {
            answer = "not delivered: " + e.getMessage();
        }
        LOG.info("alipay sandbox notified {}: {}", f.get("notify_url"), answer);
        String back = f.getOrDefault("return_url", "");
        return html(
                exchange,
                200,
                page(
                        "Alipay",
                        "<p>Notification sent to the shop; it answered <code>"
                                + Html.esc(answer) + "</code>.</p><p><a id=\"return\" href=\"" + Html.esc(back)
                                + "\">Return to the shop</a></p>"));
    }

    private String sign(String content) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(alipay.getPrivate());
            rsa.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verifyWithAppKey(String content, String sign, String privateKeyBase64) {
        try {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64)));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())));
            rsa.update(content.getBytes(StandardCharsets.UTF_8));
            return sign != null && rsa.verify(Base64.getDecoder().decode(sign));
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(json);
        return m.find() ? m.group(1) : "";
    }

    // --- shared

    /** The store's credentials for the provider, found from the shop URL the request carries. */
    private Map<String, String> credentials(String shopUrl, String provider) {
        Matcher store = STORE.matcher(shopUrl == null ? "" : URI.create(shopUrl).getPath() + "/");
        Map<String, String> k = store.find() ? keys.apply(store.group(1), provider) : null;
        if (k == null) {
            throw new SandboxRefusal("The store has no " + provider + " credentials: enter test ones in its admin.");
        }
        if (provider.equals("jazzcash")) {
            merchants.put(k.get("merchantId"), k.get("integritySalt"));
        } else if (provider.equals("easypaisa")) {
            easypaisaStores.put(k.get("storeId"), k);
        }
        return k;
    }

    private static String choice(String value, String label) {
        return "<button type=\"submit\" name=\"choice\" value=\"" + value + "\" id=\"choice-" + value + "\">"
                + Html.esc(label) + "</button>";
    }

    private static void hidden(StringBuilder out, Map<String, String> fields) {
        fields.forEach((k, v) -> {
            if (!k.equals("choice")) {
                out.append("<input type=\"hidden\" name=\"")
                        .append(Html.esc(k))
                        .append("\" value=\"")
                        .append(Html.esc(v))
                        .append("\">");
            }
        });
    }

    private static String page(String provider, String content) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>SANDBOX " + provider
                + "</title><style>body{font-family:sans-serif;margin:0 auto;max-width:420px;padding:12px}"
                + ".banner{background:#b91c1c;color:#fff;padding:10px;font-weight:bold;text-align:center}"
                + ".amount{font-size:1.6em;font-weight:bold}button{display:block;width:100%;margin:8px 0;padding:12px;"
                + "font-size:1em}.ok{color:#166534}.bad{color:#b91c1c}</style></head><body>"
                + "<div class=\"banner\" id=\"sandbox-banner\">SANDBOX — not the real " + provider
                + ". No money moves.</div><h1>" + provider + " (local stand-in)</h1>" + content + "</body></html>";
    }

    private static boolean constantEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String rupees(String paisa) {
        try {
            return String.format(Locale.ROOT, "%,.2f", Long.parseLong(paisa) / 100.0);
        } catch (RuntimeException e) {
            return "?";
        }
    }

    static Map<String, String> parse(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.isEmpty()) {
                continue;
            }
            out.putIfAbsent(
                    URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Map<String, String> json(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"([A-Za-z_]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(body);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    private static String jsonEscape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static int html(HttpExchange exchange, int status, String html) throws IOException {
        return LocalApiGateway.answer(
                exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static int json(HttpExchange exchange, int status, String json) throws IOException {
        return LocalApiGateway.answer(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
}
