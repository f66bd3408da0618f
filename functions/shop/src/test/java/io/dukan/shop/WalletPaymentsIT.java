package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static io.dukan.shop.ShopFunctionIT.withCookie;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpServer;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.core.tenant.StoreSettings;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JazzCash, Easypaisa and Alipay through the shop function's real handler on DynamoDB Local. The providers' status
 * inquiry APIs are a small HTTP server here that answers as the provider documents (signed with the test's
 * integrity salt); the callbacks are signed by this test with its own HMAC and RSA code, not the adapters'.
 */
class WalletPaymentsIT {

    static final String SALT = "0F5DD14AE2";
    static final String MERCHANT = "MC12345";
    static final String HASH_KEY = "8JZVPIU6MPD6H4GH";

    static Emulators emulators;
    static StoreSettings alpha;
    static StoreSettings beta;
    static StoreSettings china;
    static ShopFunction alphaFn;
    static ShopFunction betaFn;
    static ShopFunction chinaFn;
    static String alphaOwner;
    static String betaOwner;
    static String chinaOwner;
    static HttpServer provider;
    static KeyPair alipayKeys;
    static KeyPair appKeys;
    static final MovableClock CLOCK = new MovableClock();
    /** What the fake JazzCash inquiry answers per pp_TxnRefNo (pp_PaymentResponseCode); 124 when not set. */
    static final Map<String, String> JAZZ_STATUS = new ConcurrentHashMap<>();
    /** What the fake Easypaisa inquiry answers per orderId: transactionStatus and transactionAmount. */
    static final Map<String, String[]> EASY_STATUS = new ConcurrentHashMap<>();

    static final AtomicInteger INQUIRIES = new AtomicInteger();

    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/ApplicationAPI/API/PaymentInquiry/Inquire", exchange -> {
            INQUIRIES.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher ref =
                    Pattern.compile("\"pp_TxnRefNo\"\\s*:\\s*\"([A-Z0-9]+)\"").matcher(body);
            Map<String, String> answer = new TreeMap<>();
            answer.put("pp_ResponseCode", "000");
            answer.put("pp_ResponseMessage", "Successful");
            answer.put("pp_TxnRefNo", ref.find() ? ref.group(1) : "");
            answer.put("pp_PaymentResponseCode", JAZZ_STATUS.getOrDefault(answer.get("pp_TxnRefNo"), "124"));
            answer.put("pp_PaymentResponseMessage", "status");
            answer.put("pp_SecureHash", jazzHash(answer, SALT));
            respond(
                    exchange,
                    answer.entrySet().stream()
                            .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                            .collect(Collectors.joining(",", "{", "}")));
        });
        provider.createContext("/easypay-service/rest/v4/inquire-transaction", exchange -> {
            INQUIRIES.incrementAndGet();
            String credentials = exchange.getRequestHeaders().getFirst("Credentials");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher ref = Pattern.compile("\"orderId\"\\s*:\\s*\"([A-Z0-9]+)\"").matcher(body);
            String orderId = ref.find() ? ref.group(1) : "";
            String[] state = EASY_STATUS.getOrDefault(orderId, new String[] {"PENDING", ""});
            boolean authorised = ("Basic " + "x").length() > 0
                    && credentials != null
                    && new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8)
                            .equals("apiuser:apipass");
            respond(
                    exchange,
                    authorised
                            ? "{\"responseCode\":\"0000\",\"responseDesc\":\"SUCCESS\",\"orderId\":\"" + orderId
                                    + "\",\"storeId\":\"12345\",\"transactionStatus\":\"" + state[0]
                                    + "\",\"transactionAmount\":\"" + state[1] + "\",\"transactionId\":\"9001\"}"
                            : "{\"responseCode\":\"0001\",\"responseDesc\":\"UNAUTHORIZED\"}");
        });
        provider.start();
        String base = "http://127.0.0.1:" + provider.getAddress().getPort();

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        alipayKeys = generator.generateKeyPair();
        appKeys = generator.generateKeyPair();

        emulators = Emulators.start();
        alpha = TestStores.seed(emulators, "walpha", "PKR", "owner@walpha.example", ShopFunctionIT.PASSWORD);
        beta = TestStores.seed(emulators, "wbeta", "PKR", "owner@wbeta.example", ShopFunctionIT.PASSWORD);
        china = TestStores.seed(emulators, "wchina", "CNY", "owner@wchina.example", ShopFunctionIT.PASSWORD);
        alphaFn = function(alpha, base);
        betaFn = function(beta, base);
        chinaFn = function(china, base);
        alphaOwner = ShopFunctionIT.login(alphaFn, "walpha", "owner@walpha.example");
        betaOwner = ShopFunctionIT.login(betaFn, "wbeta", "owner@wbeta.example");
        chinaOwner = ShopFunctionIT.login(chinaFn, "wchina", "owner@wchina.example");

        saveKeys(
                alphaFn,
                "walpha",
                alphaOwner,
                "jazzcash",
                "merchantId=" + MERCHANT + "&password=pass1234word&integritySalt=" + SALT);
        saveKeys(
                alphaFn,
                "walpha",
                alphaOwner,
                "easypaisa",
                "storeId=12345&hashKey=" + HASH_KEY + "&accountNum=654321&apiUser=apiuser&apiPassword=apipass");
        saveKeys(
                betaFn,
                "wbeta",
                betaOwner,
                "jazzcash",
                "merchantId=MC99999&password=betapassword&integritySalt=BETASALT99");
        saveKeys(
                chinaFn,
                "wchina",
                chinaOwner,
                "alipay",
                "appId=2021000000000001&appPrivateKey="
                        + enc(b64(appKeys.getPrivate().getEncoded())) + "&alipayPublicKey="
                        + enc(b64(alipayKeys.getPublic().getEncoded())));
    }

    static ShopFunction function(StoreSettings store, String providerBase) {
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.tenant-id", store.tenantId().value());
        properties.put("dukan.store-slug", store.slug().value());
        properties.put("dukan.jazzcash.base-url", providerBase);
        properties.put("dukan.easypaisa.base-url", providerBase);
        properties.put("dukan.alipay.gateway", providerBase + "/gateway.do");
        return new ShopFunction(
                ApplicationContext.builder().properties(properties).singletons(CLOCK));
    }

    @AfterAll
    static void stop() throws Exception {
        alphaFn.close();
        betaFn.close();
        chinaFn.close();
        emulators.close();
        provider.stop(0);
    }

    // --- JazzCash

    @Test
    void jazzCash_paid_marksTheOrderPaid_showsTheReference_andTheOwnerSeesIt() {
        String product = product(alphaFn, "walpha", alphaOwner, "Jazz dates", "1250", 5);
        String code = place(alphaFn, "walpha", product, 2, "JAZZCASH");
        Map<String, String> request = startPayment(alphaFn, "walpha", code);

        assertThat(request)
                .containsEntry("pp_Version", "1.1")
                .containsEntry("pp_Amount", "250000")
                .containsEntry("pp_TxnCurrency", "PKR")
                .containsEntry("pp_MerchantID", MERCHANT)
                .containsEntry("ppmpf_1", code)
                .containsKey("pp_TxnExpiryDateTime");
        assertThat(request.get("pp_TxnRefNo")).matches("DK[A-Z2-7]{16}");
        assertThat(request.get("pp_SecureHash")).isEqualTo(jazzHash(request, SALT)); // the request is signed too
        assertThat(stock(alphaFn, "walpha", product)).isEqualTo(3);

        APIGatewayProxyResponseEvent back = jazzReturn(alphaFn, "walpha", result(request, "000", SALT));

        assertThat(back.getStatusCode()).as(back.getBody()).isEqualTo(303);
        assertThat(header(back, "Location").orElseThrow()).startsWith("/s/walpha/orders/" + code + "?wallet=PAID");
        String page = orderPage(alphaFn, "walpha", code + "?wallet=PAID&walletCode=000");
        assertThat(page)
                .contains("Paid")
                .contains("Payment received by JazzCash")
                .contains(request.get("pp_TxnRefNo"));
        String owner = ownerPage(alphaFn, "walpha", alphaOwner, code);
        assertThat(owner).contains("JazzCash reference").contains(request.get("pp_TxnRefNo"));
        assertThat(stock(alphaFn, "walpha", product)).isEqualTo(3);
    }

    @Test
    void jazzCash_replayedFiveTimes_isAppliedOnce() {
        String code = place(
                alphaFn, "walpha", product(alphaFn, "walpha", alphaOwner, "Replay figs", "100", 5), 1, "JAZZCASH");
        Map<String, String> paid = result(startPayment(alphaFn, "walpha", code), "000", SALT);

        for (int i = 0; i < 5; i++) {
            assertThat(jazzReturn(alphaFn, "walpha", paid).getStatusCode()).isEqualTo(303);
        }

        String owner = ownerPage(alphaFn, "walpha", alphaOwner, code);
        assertThat(Pattern.compile("jazzcash event paid-")
                        .matcher(owner)
                        .results()
                        .count())
                .isEqualTo(1);
        assertThat(owner).contains("Paid");
    }

    @Test
    void jazzCash_forgedSignature_is400_andNothingChanges() {
        String product = product(alphaFn, "walpha", alphaOwner, "Forged apricots", "100", 5);
        String code = place(alphaFn, "walpha", product, 1, "JAZZCASH");
        Map<String, String> request = startPayment(alphaFn, "walpha", code);
        String before = ownerPage(alphaFn, "walpha", alphaOwner, code);

        Map<String, String> wrongSalt = result(request, "000", "WRONGSALT1");
        Map<String, String> tampered = result(request, "000", SALT);
        tampered.put("pp_Amount", "1"); // changed after signing
        Map<String, String> unsigned = result(request, "000", SALT);
        unsigned.remove("pp_SecureHash");

        for (Map<String, String> forged : java.util.List.of(wrongSalt, tampered, unsigned)) {
            assertThat(jazzReturn(alphaFn, "walpha", forged).getStatusCode()).isEqualTo(400);
        }
        assertThat(ownerPage(alphaFn, "walpha", alphaOwner, code)).isEqualTo(before);
        assertThat(stock(alphaFn, "walpha", product)).isEqualTo(4);
    }

    @Test
    void jazzCash_wrongAmount_isRecorded_notApplied() {
        String code = place(
                alphaFn, "walpha", product(alphaFn, "walpha", alphaOwner, "Short plums", "500", 5), 1, "JAZZCASH");
        Map<String, String> request = startPayment(alphaFn, "walpha", code);
        Map<String, String> less = new LinkedHashMap<>(request);
        less.put("pp_Amount", "100"); // signed by the provider, but not the order's total

        assertThat(jazzReturn(alphaFn, "walpha", result(less, "000", SALT)).getStatusCode())
                .isEqualTo(303);

        String owner = ownerPage(alphaFn, "walpha", alphaOwner, code);
        assertThat(owner).contains("NOT applied: the amount is not the order").doesNotContain("Paid (");
        assertThat(orderPage(alphaFn, "walpha", code)).contains("Not paid yet");
    }

    @Test
    void jazzCash_cancelledOrFailed_cancelsTheOrder_releasesItsStock_andSaysWhyInTheStoresLanguage() {
        String product = product(alphaFn, "walpha", alphaOwner, "Cancelled cherries", "100", 5);
        String cancelled = place(alphaFn, "walpha", product, 2, "JAZZCASH");
        String failed = place(alphaFn, "walpha", product, 1, "JAZZCASH");
        assertThat(stock(alphaFn, "walpha", product)).isEqualTo(2);

        APIGatewayProxyResponseEvent c =
                jazzReturn(alphaFn, "walpha", result(startPayment(alphaFn, "walpha", cancelled), "112", SALT));
        APIGatewayProxyResponseEvent f =
                jazzReturn(alphaFn, "walpha", result(startPayment(alphaFn, "walpha", failed), "121", SALT));

        assertThat(header(c, "Location").orElseThrow()).contains("wallet=CANCELLED");
        assertThat(header(f, "Location").orElseThrow()).contains("wallet=FAILED&walletCode=121");
        assertThat(stock(alphaFn, "walpha", product)).isEqualTo(5);
        assertThat(orderPage(alphaFn, "walpha", cancelled + "?wallet=CANCELLED&walletCode=112"))
                .contains("Cancelled")
                .contains("You cancelled the payment at JazzCash");
        assertThat(orderPage(alphaFn, "walpha", failed + "?wallet=FAILED&walletCode=121"))
                .contains("JazzCash could not take the payment")
                .contains("(121)");
    }

    @Test
    void jazzCash_lateSuccessAfterTheShopperCancelled_isRecordedForTheOwnerToRefund() {
        String code = place(
                alphaFn, "walpha", product(alphaFn, "walpha", alphaOwner, "Late lychees", "100", 5), 1, "JAZZCASH");
        Map<String, String> request = startPayment(alphaFn, "walpha", code);
        jazzReturn(alphaFn, "walpha", result(request, "112", SALT));

        jazzReturn(alphaFn, "walpha", result(request, "000", SALT));

        String owner = ownerPage(alphaFn, "walpha", alphaOwner, code);
        assertThat(owner)
                .contains("Money arrived at JazzCash after this order was cancelled")
                .contains("REFUND it to the shopper");
        assertThat(orderPage(alphaFn, "walpha", code)).doesNotContain(">Paid<");
    }

    @Test
    void jazzCash_pending_isSettledByTheStatusInquiry_withBackOff() {
        String product = product(alphaFn, "walpha", alphaOwner, "Voucher melons", "300", 5);
        String code = place(alphaFn, "walpha", product, 1, "JAZZCASH");
        Map<String, String> request = startPayment(alphaFn, "walpha", code);
        String ref = request.get("pp_TxnRefNo");

        APIGatewayProxyResponseEvent back = jazzReturn(alphaFn, "walpha", result(request, "124", SALT));
        assertThat(header(back, "Location").orElseThrow()).contains("wallet=PENDING");
        assertThat(orderPage(alphaFn, "walpha", code + "?wallet=PENDING&walletCode=124"))
                .contains("JazzCash has not confirmed your payment yet");

        int before = INQUIRIES.get();
        orderPage(alphaFn, "walpha", code); // within the first back-off: no inquiry
        assertThat(INQUIRIES.get()).isEqualTo(before);
        CLOCK.advance(Duration.ofSeconds(31));
        orderPage(alphaFn, "walpha", code); // still 124 at JazzCash
        assertThat(INQUIRIES.get()).isEqualTo(before + 1);
        orderPage(alphaFn, "walpha", code); // the next inquiry waits 60 s
        assertThat(INQUIRIES.get()).isEqualTo(before + 1);

        JAZZ_STATUS.put(ref, "000");
        CLOCK.advance(Duration.ofSeconds(61));
        String page = orderPage(alphaFn, "walpha", code);

        assertThat(INQUIRIES.get()).isEqualTo(before + 2);
        assertThat(page).contains(">Paid<").contains(ref);
    }

    @Test
    void jazzCash_confirmationForAnotherStoresOrder_isRefused_andNeitherStoreChanges() {
        String alphaCode = place(
                alphaFn, "walpha", product(alphaFn, "walpha", alphaOwner, "Alpha pears", "100", 5), 1, "JAZZCASH");
        Map<String, String> alphaPaid = result(startPayment(alphaFn, "walpha", alphaCode), "000", SALT);
        String betaProduct = product(betaFn, "wbeta", betaOwner, "Beta pears", "100", 5);
        String betaCode = place(betaFn, "wbeta", betaProduct, 1, "JAZZCASH");
        Map<String, String> betaRequest = startPayment(betaFn, "wbeta", betaCode);

        // alpha's signed result sent to beta: beta's salt does not verify it
        APIGatewayProxyResponseEvent toBeta = jazzReturn(betaFn, "wbeta", alphaPaid);
        assertThat(toBeta.getStatusCode()).as(toBeta.getBody()).isEqualTo(400);
        // beta's signed result sent to alpha: alpha's salt does not verify it either
        assertThat(jazzReturn(alphaFn, "walpha", result(betaRequest, "000", "BETASALT99"))
                        .getStatusCode())
                .isEqualTo(400);
        // signed with alpha's own salt but naming beta's order: no such payment in alpha
        Map<String, String> naming = new LinkedHashMap<>(betaRequest);
        naming.put("pp_MerchantID", MERCHANT);
        assertThat(jazzReturn(alphaFn, "walpha", result(naming, "000", SALT)).getStatusCode())
                .isEqualTo(400);

        assertThat(orderPage(alphaFn, "walpha", alphaCode)).contains("Not paid yet");
        assertThat(orderPage(betaFn, "wbeta", betaCode)).contains("Not paid yet");
    }

    @Test
    void jazzCash_expiredUnpaid_releasesTheStock_whenTheOrderIsNextLookedAt() {
        String product = product(alphaFn, "walpha", alphaOwner, "Expiring guavas", "100", 5);
        String code = place(alphaFn, "walpha", product, 3, "JAZZCASH");
        startPayment(alphaFn, "walpha", code);
        assertThat(stock(alphaFn, "walpha", product)).isEqualTo(2);

        Instant before = CLOCK.instant();
        String page;
        try {
            CLOCK.advance(Duration.ofHours(24).plusMinutes(11)); // the provider's expiry plus the grace
            page = orderPage(alphaFn, "walpha", code); // the last inquiry still says 124: not paid
        } finally {
            CLOCK.now.set(before); // the owner's session (same clock) stays valid for the other tests
        }

        assertThat(page).contains("Cancelled");
        assertThat(stock(alphaFn, "walpha", product)).isEqualTo(5);
        assertThat(ownerPage(alphaFn, "walpha", alphaOwner, code)).contains("jazzcash event expired-");
    }

    // --- Easypaisa

    @Test
    void easypaisa_theUnsignedRedirectNeverMarksPaid_theInquiryDoes() {
        String product = product(alphaFn, "walpha", alphaOwner, "Easy mangoes", "250", 5);
        String code = place(alphaFn, "walpha", product, 2, "EASYPAISA");
        Map<String, String> request = startPayment(alphaFn, "walpha", code);
        String ref = request.get("orderRefNum");
        assertThat(request).containsEntry("storeId", "12345").containsEntry("amount", "500.00");
        assertThat(request.get("merchantHashedReq")).isNotBlank();

        // the redirect claims success, but Easypaisa's inquiry says pending: nothing is marked
        APIGatewayProxyResponseEvent claimed = call(
                alphaFn,
                get("/s/walpha/payments/easypaisa/return?order=" + code + "&orderRefNumber=" + ref
                        + "&status=Success"));
        assertThat(header(claimed, "Location").orElseThrow()).contains("wallet=PENDING");
        assertThat(orderPage(alphaFn, "walpha", code)).contains("Not paid yet");

        EASY_STATUS.put(ref, new String[] {"PAID", "500.0"});
        APIGatewayProxyResponseEvent settled =
                call(alphaFn, get("/s/walpha/payments/easypaisa/return?order=" + code + "&orderRefNumber=" + ref));
        assertThat(header(settled, "Location").orElseThrow()).contains("wallet=PAID");
        assertThat(orderPage(alphaFn, "walpha", code)).contains(">Paid<").contains(ref);

        // another order's reference under this order's code is no payment of it
        String other = place(alphaFn, "walpha", product, 1, "EASYPAISA");
        assertThat(call(alphaFn, get("/s/walpha/payments/easypaisa/return?order=" + other + "&orderRefNumber=" + ref))
                        .getStatusCode())
                .isEqualTo(400);
    }

    @Test
    void easypaisa_aWrongAmountFromTheInquiry_isRecorded_notApplied() {
        String code =
                place(alphaFn, "walpha", product(alphaFn, "walpha", alphaOwner, "Odd limes", "250", 5), 1, "EASYPAISA");
        String ref = startPayment(alphaFn, "walpha", code).get("orderRefNum");
        EASY_STATUS.put(ref, new String[] {"PAID", "1.0"});

        call(alphaFn, get("/s/walpha/payments/easypaisa/return?order=" + code + "&orderRefNumber=" + ref));

        assertThat(ownerPage(alphaFn, "walpha", alphaOwner, code)).contains("NOT applied: the amount");
        assertThat(orderPage(alphaFn, "walpha", code)).contains("Not paid yet");
    }

    // --- Alipay

    @Test
    void alipay_signedNotification_marksPaid_answersSuccess_onceOnly_andForgeriesAre400() throws Exception {
        String product = product(chinaFn, "wchina", chinaOwner, "Hami melon", "88", 5);
        String code = place(chinaFn, "wchina", product, 1, "ALIPAY");
        Map<String, String> request = startPayment(chinaFn, "wchina", code);
        assertThat(request).containsEntry("method", "alipay.trade.page.pay").containsEntry("sign_type", "RSA2");
        assertThat(request.get("biz_content"))
                .contains("\"total_amount\":\"88.00\"")
                .contains(code);
        // the request is signed with the app's private key: Alipay's side verifies it with the app's public key
        assertThat(rsaVerify(requestContent(request), request.get("sign"), appKeys))
                .isTrue();
        String ref = Pattern.compile("\"out_trade_no\":\"([A-Z0-9]+)\"")
                .matcher(request.get("biz_content"))
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);

        Map<String, String> n = new LinkedHashMap<>();
        n.put("app_id", "2021000000000001");
        n.put("notify_type", "trade_status_sync");
        n.put("out_trade_no", ref);
        n.put("trade_no", "2026120622001400000000000001");
        n.put("trade_status", "TRADE_SUCCESS");
        n.put("total_amount", "88.00");
        n.put("passback_params", code);
        n.put("sign_type", "RSA2");
        n.put("sign", rsaSign(notifyContent(n), alipayKeys));

        Map<String, String> forged = new LinkedHashMap<>(n);
        forged.put("total_amount", "0.01");
        APIGatewayProxyResponseEvent refused = alipayNotify(forged);
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getBody()).isNotEqualTo("success");
        assertThat(orderPage(chinaFn, "wchina", code)).contains("Not paid yet");

        for (int i = 0; i < 5; i++) {
            APIGatewayProxyResponseEvent ok = alipayNotify(n);
            assertThat(ok.getStatusCode()).isEqualTo(200);
            assertThat(ok.getBody()).isEqualTo("success");
        }
        String owner = ownerPage(chinaFn, "wchina", chinaOwner, code);
        assertThat(Pattern.compile("alipay event paid-")
                        .matcher(owner)
                        .results()
                        .count())
                .isEqualTo(1);
        assertThat(orderPage(chinaFn, "wchina", code)).contains(">Paid<").contains(ref);
    }

    @Test
    void checkout_offersOnlyTheWalletsTheStoreSetUp_inItsCurrency() {
        String product = product(alphaFn, "walpha", alphaOwner, "Offer figs", "100", 5);
        String cart = Checkouts.newCart(alphaFn, "walpha", product, 1);
        String page =
                call(alphaFn, Checkouts.as(get("/s/walpha/checkout"), cart)).getBody();
        assertThat(page)
                .contains("value=\"JAZZCASH\"")
                .contains("value=\"EASYPAISA\"")
                .doesNotContain("value=\"ALIPAY\"");

        String keysPage = call(alphaFn, withCookie(get("/s/walpha/admin/wallets/jazzcash"), alphaOwner))
                .getBody();
        assertThat(keysPage)
                .contains(MERCHANT)
                .contains("…4AE2")
                .doesNotContain(SALT)
                .doesNotContain("pass1234word");

        String betaCart =
                Checkouts.newCart(chinaFn, "wchina", product(chinaFn, "wchina", chinaOwner, "Tea", "10", 5), 1);
        String chinaPage =
                call(chinaFn, Checkouts.as(get("/s/wchina/checkout"), betaCart)).getBody();
        assertThat(chinaPage).contains("value=\"ALIPAY\"").doesNotContain("value=\"JAZZCASH\"");
    }

    // --- helpers

    static APIGatewayProxyResponseEvent call(
            ShopFunction fn, com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent e) {
        return fn.handleRequest(e, null);
    }

    static void saveKeys(ShopFunction fn, String slug, String cookie, String provider, String body) {
        APIGatewayProxyResponseEvent saved =
                call(fn, withCookie(form("/s/" + slug + "/admin/wallets/" + provider, body), cookie));
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(303);
    }

    static String product(ShopFunction fn, String slug, String cookie, String name, String price, int stock) {
        return ShopFunctionIT.createProduct(fn, slug, cookie, name, price, stock, "");
    }

    static String place(ShopFunction fn, String slug, String product, int quantity, String method) {
        String location =
                Checkouts.order(fn, slug, product, quantity, Checkouts.DETAILS.replace("CASH_ON_DELIVERY", method));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Presses "Pay with …" on the order page; returns the hidden fields of the form to the provider. */
    static Map<String, String> startPayment(ShopFunction fn, String slug, String code) {
        String page = orderPage(fn, slug, code);
        assertThat(page).contains("/orders/" + code + "/wallet");
        APIGatewayProxyResponseEvent go = call(fn, form("/s/" + slug + "/orders/" + code + "/wallet", ""));
        assertThat(go.getStatusCode()).as(go.getBody()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
                .matcher(go.getBody());
        while (m.find()) {
            fields.put(m.group(1), unescape(m.group(2)));
        }
        return fields;
    }

    static String unescape(String html) {
        return html.replace("&#34;", "\"")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** JazzCash's result for a request: its fields back with the response code, signed with {@code salt}. */
    static Map<String, String> result(Map<String, String> request, String code, String salt) {
        Map<String, String> r = new LinkedHashMap<>(request);
        r.remove("pp_Password");
        r.remove("pp_ReturnURL");
        r.remove("pp_SecureHash");
        r.put("pp_ResponseCode", code);
        r.put("pp_ResponseMessage", "response " + code);
        r.put("pp_RetreivalReferenceNo", "2612061" + code);
        r.put("pp_SecureHash", jazzHash(r, salt));
        return r;
    }

    /**
     * JazzCash's return: the shopper's browser posts the signed form. (No Origin header here: on a localhost Host,
     * Micronaut's drive-by-localhost guard refuses a foreign Origin; the real return reaches a public host.)
     */
    static APIGatewayProxyResponseEvent jazzReturn(ShopFunction fn, String slug, Map<String, String> fields) {
        return call(
                fn,
                ProxyEvents.event(
                        "POST",
                        "/s/" + slug + "/payments/jazzcash/return",
                        formBody(fields),
                        Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")));
    }

    static APIGatewayProxyResponseEvent alipayNotify(Map<String, String> fields) {
        return call(
                chinaFn,
                ProxyEvents.event(
                        "POST",
                        "/s/wchina/payments/alipay/notify",
                        formBody(fields),
                        Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8", "Accept", "*/*")));
    }

    static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String orderPage(ShopFunction fn, String slug, String codeAndQuery) {
        APIGatewayProxyResponseEvent page = call(fn, get("/s/" + slug + "/orders/" + codeAndQuery));
        assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
        return page.getBody();
    }

    static String ownerPage(ShopFunction fn, String slug, String cookie, String code) {
        APIGatewayProxyResponseEvent page = call(fn, withCookie(get("/s/" + slug + "/admin/orders/" + code), cookie));
        assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
        return page.getBody().replaceAll("<input type=\"hidden\" name=\"_csrf\"[^>]*>", "");
    }

    static int stock(ShopFunction fn, String slug, String product) {
        Matcher m = Pattern.compile("(\\d+) in stock")
                .matcher(call(fn, get("/s/" + slug + "/products/" + product)).getBody());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The test's own JazzCash hash: HMAC-SHA256(salt, salt & sorted non-empty pp* values). */
    static String jazzHash(Map<String, String> fields, String salt) {
        String message = salt
                + new TreeMap<>(fields)
                        .entrySet().stream()
                                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).startsWith("pp")
                                        && !e.getKey().equals("pp_SecureHash")
                                        && !e.getValue().isEmpty())
                                .map(e -> "&" + e.getValue())
                                .collect(Collectors.joining());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String notifyContent(Map<String, String> n) {
        return new TreeMap<>(n)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals("sign")
                                && !e.getKey().equals("sign_type")
                                && !e.getValue().isEmpty())
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&"));
    }

    static String requestContent(Map<String, String> n) {
        return new TreeMap<>(n)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals("sign") && !e.getValue().isEmpty())
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&"));
    }

    static String rsaSign(String content, KeyPair keys) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(content.getBytes(StandardCharsets.UTF_8));
        return b64(rsa.sign());
    }

    static boolean rsaVerify(String content, String sign, KeyPair keys) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update(content.getBytes(StandardCharsets.UTF_8));
        return rsa.verify(Base64.getDecoder().decode(sign));
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
