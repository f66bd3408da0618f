package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.dukan.aws.dynamodb.TestCatalog;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.Variant;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.TenantId;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Wallet payments end to end through the local cloud, over real HTTP: the shop functions, the sandbox stand-ins
 * ({@link LocalPaymentSandbox}) and the scheduled payment sweep (template.yaml's PaymentSweepFunction, run by the
 * local cloud's timer or triggered with {@link LocalCloud#runScheduled}). Every function instance of this cloud gets
 * the test's clock, so "24 hours later" needs no waiting; the shopper's steps and the sandbox's answers are the real
 * ones. Nobody opens an order page where the sweep is what is tested: the order is read from the table.
 */
class WalletSandboxIT {

    static final String CSRF = "walletsandboxcsrftokenabcd";
    static final String SWEEP = "PaymentSweepFunction";
    static final MovableClock CLOCK = new MovableClock();
    static final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static LocalCloud cloud;
    static DynamoDbClient dynamo;
    static String table;
    static TenantId pk;
    static TenantId cn;
    static KeyPair appKeys;

    /** The real clock moved by an offset the tests set (and put back). */
    static final class MovableClock extends Clock {
        final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

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
            return Instant.now().plus(offset.get());
        }
    }

    /** The real Micronaut handlers, each handed the test's clock (AwsClients' clock is only the secondary one). */
    static final class ClockedFunctions implements FunctionFactory {
        private final MicronautFunctions real = new MicronautFunctions();

        private static Definition clocked(Definition d) {
            List<Object> singletons = new ArrayList<>(d.singletons());
            singletons.add(CLOCK);
            return new Definition(
                    d.name(), d.handler(), d.environment(), d.properties(), singletons, d.foreignPackages());
        }

        @Override
        public RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> create(Definition d)
                throws Exception {
            return real.create(clocked(d));
        }

        @Override
        public RequestHandler<DynamodbEvent, StreamsEventResponse> createStreamConsumer(Definition d) throws Exception {
            return real.createStreamConsumer(clocked(d));
        }

        @Override
        public RequestHandler<SQSEvent, SQSBatchResponse> createQueueConsumer(Definition d) throws Exception {
            return real.createQueueConsumer(clocked(d));
        }

        @Override
        public RequestHandler<Map<String, Object>, ?> createScheduled(Definition d) throws Exception {
            return real.createScheduled(clocked(d));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("dukan.project.root", "../.."))
                .toAbsolutePath()
                .normalize();
        cloud = LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(root)
                .dataDir(Files.createTempDirectory("dukan-wallet-sandbox"))
                .port(0)
                .inMemoryDynamoDb(true)
                .scheduleInterval(Duration.ofSeconds(2))
                .functionFactory(new ClockedFunctions()));
        dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(cloud.dynamoEndpoint()))
                .region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        table = dynamo.listTables().tableNames().get(0);

        pk = signUp("Multan Mangoes", "sweep-pk", "owner@sweep-pk.example", "PKR", "PK");
        cn = signUp("Kashgar Raisins", "sweep-cn", "owner@sweep-cn.example", "CNY", "CN");
        keys(
                pk,
                "jazzcash",
                Map.of("merchantId", "MC00001", "password", "sandboxpass1", "integritySalt", "0F5DD14AE2"));
        keys(
                pk,
                "easypaisa",
                Map.of(
                        "storeId", "43210",
                        "hashKey", "8JZVPIU6MPD6H4GH",
                        "accountNum", "654321",
                        "apiUser", "sandboxuser",
                        "apiPassword", "sandboxpass"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        appKeys = generator.generateKeyPair();
        keys(
                cn,
                "alipay",
                Map.of(
                        "appId", "2021000000000042",
                        "appPrivateKey",
                                Base64.getEncoder()
                                        .encodeToString(appKeys.getPrivate().getEncoded()),
                        // what the owner pastes from /_sandbox/alipay: the stand-in's "Alipay public key"
                        "alipayPublicKey", cloud.paymentSandbox().alipayPublicKey()));
        // the other store takes JazzCash too: a due payment of it is not skipped for want of credentials
        keys(cn, "jazzcash", Map.of("merchantId", "MC00002", "password", "otherpass22", "integritySalt", "AB12CD34EF"));
    }

    @AfterAll
    static void stop() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @AfterEach
    void clockBack() {
        CLOCK.offset.set(Duration.ZERO);
    }

    // --- the scheduled sweep ------------------------------------------------------------------------------------

    @Test
    void jazzCashVoucherPendingAt124_isSettledPaidByTheScheduledSweep_withNobodyOpeningTheOrderPage() throws Exception {
        ProductId product = product(pk, "Chaunsa mangoes", new Money(45000, "PKR"), 7);
        String code = place("sweep-pk", product, 2, "JAZZCASH", "PK", "+92 300 1234567");
        Map<String, String> request = startPayment("sweep-pk", code);
        String ref = request.get("pp_TxnRefNo");

        // the shopper takes a voucher (124) at the stand-in; its signed result comes back: pending
        Map<String, String> back = jazzCashDecides(request, "124");
        HttpResponse<String> returned = post(back.remove("_action"), back, null);
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(303);
        assertThat(returned.headers().firstValue("Location").orElseThrow()).contains("wallet=PENDING");
        assertThat(order(pk, code).get("paymentStatus").s()).isEqualTo("PENDING");

        // later the voucher is paid over the counter; nobody looks at the order again
        HttpResponse<String> paidAtCounter = post("/_sandbox/jazzcash/settle", Map.of("ref", ref), null);
        assertThat(paidAtCounter.statusCode()).isEqualTo(200);
        assertThat(order(pk, code).get("paymentStatus").s()).isEqualTo("PENDING");
        CLOCK.offset.set(Duration.ofSeconds(40)); // past the first back-off (30 s)

        // the local cloud's timer runs the sweep every 2 s: it asks JazzCash's inquiry API and marks the order paid
        Instant until = Instant.now().plusSeconds(60);
        while (!order(pk, code).get("paymentStatus").s().equals("PAID")
                && Instant.now().isBefore(until)) {
            Thread.sleep(250);
        }
        assertThat(order(pk, code).get("paymentStatus").s()).isEqualTo("PAID");
        assertThat(history(pk, code)).anyMatch(e -> e.startsWith("jazzcash event paid-" + ref));
        assertThat(due(pk, code, ref))
                .as("a settled payment leaves the due index")
                .isFalse();
        assertThat(stock(pk, product)).isEqualTo(5);
        String page = get("/s/sweep-pk/orders/" + code, null).body();
        assertThat(page).contains(">Paid<").contains(ref);
    }

    @Test
    void unpaidPastTheExpiry_isExpiredWithItsStockBack_exactlyOnce_underTwoSweepsAndTheShopperAtOnce()
            throws Exception {
        ProductId product = product(pk, "Sindhri mangoes", new Money(30000, "PKR"), 10);
        String code = place("sweep-pk", product, 3, "JAZZCASH", "PK", "+92 300 7654321");
        Map<String, String> request = startPayment("sweep-pk", code);
        String ref = request.get("pp_TxnRefNo");
        // the shopper opens JazzCash's page and leaves it: no result ever comes back
        Map<String, String> form = new LinkedHashMap<>(request);
        assertThat(post(form.remove("_action"), form, null).body()).contains("not the real JazzCash");
        assertThat(stock(pk, product)).isEqualTo(7);
        assertThat(due(pk, code, ref)).isTrue();

        CLOCK.offset.set(Duration.ofHours(24).plusMinutes(11)); // JazzCash's expiry plus the 10 minutes' grace
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Object>> racers = List.of(
                    () -> {
                        go.await();
                        return cloud.runScheduled(SWEEP);
                    },
                    () -> {
                        go.await();
                        return cloud.runScheduled(SWEEP);
                    },
                    () -> {
                        go.await();
                        return get("/s/sweep-pk/orders/" + code, null).statusCode();
                    });
            List<Future<Object>> running = racers.stream().map(pool::submit).toList();
            go.countDown();
            for (Future<Object> f : running) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }
        cloud.runScheduled(SWEEP); // and once more afterwards: nothing left to do

        Map<String, AttributeValue> expired = order(pk, code);
        assertThat(expired.get("paymentStatus").s()).isNotEqualTo("PAID");
        assertThat(expired.get("fulfilmentStatus").s()).isEqualTo("CANCELLED");
        assertThat(stock(pk, product)).as("the 3 reserved come back once").isEqualTo(10);
        assertThat(history(pk, code).stream().filter(e -> e.startsWith("jazzcash event expired-" + ref)))
                .hasSize(1);
        // a racer that read the order before it expired may have put the attempt back in the index (its next
        // inquiry, a back-off later): the first sweep after that takes it out, changing nothing else
        CLOCK.offset.set(Duration.ofHours(24).plusMinutes(30));
        cloud.runScheduled(SWEEP);
        assertThat(due(pk, code, ref)).isFalse();
        assertThat(stock(pk, product)).isEqualTo(10);
        assertThat(history(pk, code).stream().filter(e -> e.startsWith("jazzcash event expired-" + ref)))
                .hasSize(1);
    }

    @Test
    void aDueItemOfAnotherStore_namingThisStoresOrder_neverTouchesIt() throws Exception {
        ProductId product = product(pk, "Anwar Ratol mangoes", new Money(50000, "PKR"), 4);
        String code = place("sweep-pk", product, 1, "JAZZCASH", "PK", "+92 301 1112223");
        String ref = startPayment("sweep-pk", code).get("pp_TxnRefNo");
        Map<String, AttributeValue> before = order(pk, code);

        // the other store's function writes, in its own partition, an overdue attempt naming this store's order
        Map<String, AttributeValue> forged = new LinkedHashMap<>();
        forged.put("pk", AttributeValue.fromS(cn.value() + "#PAYATTEMPT#" + code));
        forged.put("sk", AttributeValue.fromS("ATTEMPT#" + ref));
        forged.put("provider", AttributeValue.fromS("jazzcash"));
        forged.put("orderCode", AttributeValue.fromS(code));
        forged.put("reference", AttributeValue.fromS(ref));
        forged.put("amountMinor", AttributeValue.fromN("50000"));
        forged.put("currency", AttributeValue.fromS("PKR"));
        forged.put("startedAt", AttributeValue.fromS("2026-01-01T00:00:00Z"));
        forged.put("expiresAt", AttributeValue.fromS("2026-01-02T00:00:00Z"));
        forged.put("inquiries", AttributeValue.fromN("0"));
        forged.put("nextInquiryAt", AttributeValue.fromS("2026-01-01T00:00:30Z"));
        forged.put("payDue", AttributeValue.fromS("PLATFORM#PAYDUE#S3"));
        forged.put("payDueAt", AttributeValue.fromN("0"));
        dynamo.putItem(r -> r.tableName(table).item(forged));

        cloud.runScheduled(SWEEP);

        assertThat(order(pk, code)).isEqualTo(before);
        assertThat(stock(pk, product)).isEqualTo(3);
        assertThat(dynamo.getItem(r -> r.tableName(table)
                                .key(Map.of(
                                        "pk", AttributeValue.fromS(pk.value() + "#PAYEVENT#jazzcash#expired-" + ref),
                                        "sk", AttributeValue.fromS("PAYEVENT")))
                                .consistentRead(true))
                        .hasItem())
                .isFalse();
        Map<String, AttributeValue> after = dynamo.getItem(r -> r.tableName(table)
                        .key(Map.of("pk", forged.get("pk"), "sk", forged.get("sk")))
                        .consistentRead(true))
                .item();
        assertThat(after)
                .as("taken out of the due index, kept as the other store's record")
                .doesNotContainKeys("payDue", "payDueAt")
                .containsKey("provider");
        assertThat(due(pk, code, ref))
                .as("this store's own attempt is still due")
                .isTrue();
    }

    // --- Easypaisa and Alipay through their stand-ins -------------------------------------------------------------

    @Test
    void easypaisa_theUnsignedRedirectAloneNeverMarksPaid_theInquiryDoes_andTheShopperLandsOnAPaidOrderPage()
            throws Exception {
        ProductId product = product(pk, "Easy dates", new Money(25000, "PKR"), 5);
        String code = place("sweep-pk", product, 2, "EASYPAISA", "PK", "+92 302 5556667");
        Map<String, String> request = startPayment("sweep-pk", code);
        String action = request.remove("_action");
        String ref = request.get("orderRefNum");
        assertThat(action).isEqualTo(cloud.baseUrl() + "/_sandbox/easypaisa/easypay/Index.jsf");

        HttpResponse<String> standIn = post(action, request, null);
        assertThat(standIn.statusCode()).as(standIn.body()).isEqualTo(200);
        assertThat(standIn.body())
                .contains("SANDBOX")
                .contains("not the real Easypaisa")
                .contains("PKR 500.00")
                .contains("merchantHashedReq checked");

        // a redirect back that claims success before anything was paid: unsigned, so only the inquiry counts
        String returnUrl = request.get("postBackURL");
        HttpResponse<String> claimed = get(returnUrl + "&orderRefNumber=" + ref + "&status=PAID&desc=forged", null);
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(303);
        assertThat(claimed.headers().firstValue("Location").orElseThrow()).contains("wallet=PENDING");
        assertThat(order(pk, code).get("paymentStatus").s()).isEqualTo("PENDING");

        // the shopper pays at the stand-in; its redirect back makes the shop ask the inquiry API
        Map<String, String> decide = new LinkedHashMap<>(hiddenFields(standIn.body()));
        decide.put("choice", "PAID");
        HttpResponse<String> redirect = post("/_sandbox/easypaisa/decide", decide, null);
        assertThat(redirect.statusCode()).isEqualTo(303);
        HttpResponse<String> settled =
                get(redirect.headers().firstValue("Location").orElseThrow(), null);
        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(303);
        String landing = settled.headers().firstValue("Location").orElseThrow();
        assertThat(landing).contains("/s/sweep-pk/orders/" + code).contains("wallet=PAID");

        HttpResponse<String> page = get(landing, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(">Paid<").contains(ref);
        assertThat(order(pk, code).get("paymentStatus").s()).isEqualTo("PAID");
        assertThat(history(pk, code).stream().filter(e -> e.startsWith("easypaisa event paid-" + ref)))
                .hasSize(1);
    }

    @Test
    void alipay_notifySignedByTheStandIn_isAnsweredExactlySuccess_aForgedSignIsRefused_andTheOrderIsPaid()
            throws Exception {
        ProductId product = product(cn, "Turpan raisins", new Money(8800, "CNY"), 5);
        String code = place("sweep-cn", product, 1, "ALIPAY", "CN", "+86 138 0013 8000");
        Map<String, String> request = startPayment("sweep-cn", code);
        String action = request.remove("_action");
        assertThat(action).startsWith(cloud.baseUrl() + "/_sandbox/alipay/gateway.do");
        String ref = match(request.get("biz_content"), "\"out_trade_no\":\"([A-Z0-9]+)\"");

        HttpResponse<String> standIn = post(action, request, null);
        assertThat(standIn.statusCode()).as(standIn.body()).isEqualTo(200);
        assertThat(standIn.body())
                .contains("not the real Alipay")
                .contains("CNY 88.00")
                .contains("RSA2 request sign");

        // a notification signed with another key than the stand-in's: refused, nothing changes
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("app_id", "2021000000000042");
        forged.put("notify_type", "trade_status_sync");
        forged.put("notify_id", "forged1");
        forged.put("out_trade_no", ref);
        forged.put("trade_no", "2026120622001499999");
        forged.put("trade_status", "TRADE_SUCCESS");
        forged.put("total_amount", "88.00");
        forged.put("passback_params", code);
        forged.put("sign_type", "RSA2");
        forged.put("sign", rsaSign(notifyContent(forged), appKeys)); // the app's key, not Alipay's
        Map<String, AttributeValue> before = order(cn, code);
        HttpResponse<String> refused = post("/s/sweep-cn/payments/alipay/notify", forged, null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isNotEqualTo("success");
        assertThat(order(cn, code)).isEqualTo(before);

        // the shopper pays at the stand-in: it posts its RSA2-signed notify to notify_url and shows the answer
        Map<String, String> decide = new LinkedHashMap<>(hiddenFields(standIn.body()));
        decide.put("choice", "TRADE_SUCCESS");
        HttpResponse<String> notified = post("/_sandbox/alipay/decide", decide, null);
        assertThat(notified.statusCode()).isEqualTo(200);
        assertThat(match(notified.body(), "it answered <code>([^<]*)</code>")).isEqualTo("200 success");
        assertThat(order(cn, code).get("paymentStatus").s())
                .as("stored before the answer")
                .isEqualTo("PAID");

        String returnUrl = unescape(match(notified.body(), "<a id=\"return\" href=\"([^\"]+)\""));
        HttpResponse<String> back = get(returnUrl, null);
        assertThat(back.statusCode()).isEqualTo(303);
        HttpResponse<String> page = get(back.headers().firstValue("Location").orElseThrow(), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(">Paid<").contains(ref);
        assertThat(history(cn, code).stream().filter(e -> e.startsWith("alipay event paid-" + ref)))
                .hasSize(1);
    }

    // --- the shopper's steps --------------------------------------------------------------------------------------

    /** A store through the platform's JSON API and the mailed link; ACTIVE when this returns. */
    static TenantId signUp(String name, String slug, String email, String currency, String country) throws Exception {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/api/stores"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"storeName\":\"" + name + "\",\"slug\":\""
                                + slug + "\",\"ownerEmail\":\"" + email
                                + "\",\"password\":\"a long enough password 1\",\"currency\":\"" + currency
                                + "\",\"country\":\"" + country + "\",\"language\":\"en\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        VerificationMail.verify(cloud.baseUrl(), email);
        HttpResponse<String> status = get("/api/stores/" + slug, null, "application/json");
        assertThat(status.body()).contains("\"status\":\"ACTIVE\"");
        return new TenantId(match(status.body(), "\"id\":\"([a-z2-7]{16})\""));
    }

    /** The owner's wallet credentials, as the admin's page stores them ({t}#STORE / PAYKEYS#{provider}). */
    static void keys(TenantId tenant, String provider, Map<String, String> fields) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        fields.forEach((k, v) -> values.put(k, AttributeValue.fromS(v)));
        dynamo.putItem(r -> r.tableName(table)
                .item(Map.of(
                        "pk", AttributeValue.fromS(tenant.value() + "#STORE"),
                        "sk", AttributeValue.fromS("PAYKEYS#" + provider),
                        "fields", AttributeValue.fromM(values))));
    }

    static ProductId product(TenantId tenant, String name, Money price, int stock) {
        Product product = new Product(
                ProductId.newId(),
                name,
                "Fresh.",
                ProductStatus.ACTIVE,
                List.of(),
                List.of(new Variant(VariantId.newId(), "", List.of(), price, null, stock, 1000)),
                List.of(),
                List.of(),
                List.of(),
                "",
                "",
                false,
                Instant.now(),
                Instant.now());
        return TestCatalog.add(dynamo, table, tenant, product).id();
    }

    /** Cart, checkout, place: the order's code. */
    static String place(String slug, ProductId product, int quantity, String method, String country, String phone)
            throws Exception {
        HttpResponse<String> added = post(
                "/s/" + slug + "/cart",
                Map.of("productId", product.value(), "quantity", Integer.toString(quantity)),
                null);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        String cart = added.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("dukan_cart="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        String token =
                match(get("/s/" + slug + "/checkout", cart).body(), "name=\"checkoutToken\" value=\"([a-z2-7]{26})\"");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("checkoutToken", token);
        details.put("name", "Ayesha");
        details.put("phone", phone);
        details.put("line1", "House 1, Street 2");
        details.put("city", "Multan");
        details.put("country", country);
        details.put("paymentMethod", method);
        HttpResponse<String> placed = post("/s/" + slug + "/checkout/place", details, cart);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(303);
        String location = placed.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/s/" + slug + "/orders/[a-z2-7]{26}");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** "Pay with …" on the order page: the form to the provider's stand-in, its action under "_action". */
    static Map<String, String> startPayment(String slug, String code) throws Exception {
        HttpResponse<String> go = post("/s/" + slug + "/orders/" + code + "/wallet", Map.of(), null);
        assertThat(go.statusCode()).as(go.body()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>(hiddenFields(go.body()));
        fields.put("_action", unescape(match(go.body(), "action=\"([^\"]+)\" class=\"wallet-go\"")));
        return fields;
    }

    /** At JazzCash's stand-in: its page, the choice, and the signed form it sends back (action under "_action"). */
    static Map<String, String> jazzCashDecides(Map<String, String> request, String choice) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(request);
        String action = form.remove("_action");
        HttpResponse<String> page = post(action, form, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("not the real JazzCash").contains("signature checked");
        Map<String, String> decide = new LinkedHashMap<>(hiddenFields(page.body()));
        decide.put("choice", choice);
        HttpResponse<String> decided = post("/_sandbox/jazzcash/decide", decide, null);
        assertThat(decided.statusCode()).isEqualTo(200);
        String backForm = match(decided.body(), "(<form id=\"back\".*?</form>)");
        Map<String, String> back = new LinkedHashMap<>(hiddenFields(backForm));
        back.put("_action", unescape(match(backForm, "action=\"([^\"]+)\"")));
        return back;
    }

    // --- reading the table (not the order page, which would settle the order itself) -----------------------------

    static Map<String, AttributeValue> order(TenantId tenant, String code) {
        Map<String, AttributeValue> pointer = dynamo.getItem(r -> r.tableName(table)
                        .key(Map.of(
                                "pk", AttributeValue.fromS(tenant.value() + "#ORDERCODE#" + code),
                                "sk", AttributeValue.fromS("ORDERCODE")))
                        .consistentRead(true))
                .item();
        long number = Long.parseLong(pointer.get("number").n());
        return dynamo.getItem(r -> r.tableName(table)
                        .key(Map.of(
                                "pk", AttributeValue.fromS(tenant.value() + "#ORDERS"),
                                "sk", AttributeValue.fromS(String.format("ORDER#%012d", number))))
                        .consistentRead(true))
                .item();
    }

    /** The order's history entries' texts. */
    static List<String> history(TenantId tenant, String code) {
        return order(tenant, code).get("history").l().stream()
                .map(e -> e.m().get("what").s())
                .toList();
    }

    /** Whether the attempt is in the sweep's due index. */
    static boolean due(TenantId tenant, String code, String ref) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(Map.of(
                                "pk", AttributeValue.fromS(tenant.value() + "#PAYATTEMPT#" + code),
                                "sk", AttributeValue.fromS("ATTEMPT#" + ref)))
                        .consistentRead(true))
                .item();
        return item.containsKey("payDue") && item.containsKey("payDueAt");
    }

    /** The one variant's stock, from the product page (which settles nothing). */
    static int stock(TenantId tenant, ProductId product) throws Exception {
        String slug = tenant.equals(pk) ? "sweep-pk" : "sweep-cn";
        return Integer.parseInt(
                match(get("/s/" + slug + "/products/" + product.value(), null).body(), "(\\d+) in stock"));
    }

    // --- HTTP ----------------------------------------------------------------------------------------------------

    static HttpResponse<String> get(String pathOrUrl, String cookie) throws Exception {
        return get(pathOrUrl, cookie, "text/html");
    }

    static HttpResponse<String> get(String pathOrUrl, String cookie, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(pathOrUrl)).header("Accept", accept);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A form POST. A shopper's form of the shop carries the double-submit CSRF token; what a provider posts (the
     * stand-ins' pages, the callbacks under /payments/) carries exactly its own fields, since they are signed.
     */
    static HttpResponse<String> post(String pathOrUrl, Map<String, String> fields, String cookie) throws Exception {
        String path = url(pathOrUrl).getPath();
        boolean shopperForm = path.startsWith("/s/") && !path.contains("/payments/");
        String body = fields.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&"))
                + (shopperForm ? (fields.isEmpty() ? "" : "&") + "_csrf=" + CSRF : "");
        String cookies = shopperForm ? (cookie == null ? "" : cookie + "; ") + "dukan_csrf=" + CSRF : cookie;
        HttpRequest.Builder request = HttpRequest.newBuilder(url(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", shopperForm ? "text/html" : "*/*")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI url(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : cloud.baseUrl() + pathOrUrl);
    }

    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
                .matcher(html);
        while (m.find()) {
            if (!m.group(1).equals("_csrf")) {
                fields.put(unescape(m.group(1)), unescape(m.group(2)));
            }
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

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertThat(m.find()).as("'%s' in %s", regex, text).isTrue();
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
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

    static String rsaSign(String content, KeyPair keys) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(content.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(rsa.sign());
    }
}
