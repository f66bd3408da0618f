package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static io.dukan.shop.ShopFunctionIT.call;
import static io.dukan.shop.ShopFunctionIT.enc;
import static io.dukan.shop.ShopFunctionIT.withCookie;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PlaceOrderCommand;
import io.dukan.core.tenant.StoreSettings;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The owner's order inbox, actions, packing slip, the shopper's order page and Stripe's webhook, through the real
 * handler against DynamoDB Local, with two stores side by side.
 */
class OrderAdminIT {

    static final String WEBHOOK_SECRET = "whsec_alphasecret123";
    static final String EVIL = "<script>alert(1)</script>";
    static Emulators emulators;
    static StoreSettings alpha;
    static StoreSettings beta;
    static ShopFunction alphaFn;
    static ShopFunction betaFn;
    static String alphaCookie;
    static String betaCookie;
    static String figs;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        alpha = TestStores.seed(emulators, "oalpha", "PKR", "owner@oalpha.example", ShopFunctionIT.PASSWORD);
        beta = TestStores.seed(emulators, "obeta", "PKR", "owner@obeta.example", ShopFunctionIT.PASSWORD);
        TestStores.acceptBankTransfer(emulators, alpha.tenantId());
        // the owner's contact settings (written by the settings page on another branch): a WhatsApp number
        emulators
                .dynamo()
                .updateItem(r -> r.tableName(Emulators.TABLE)
                        .key(Map.of(
                                "pk",
                                AttributeValue.fromS(alpha.tenantId().value() + "#STORE"),
                                "sk",
                                AttributeValue.fromS("SETTINGS")))
                        .updateExpression("SET whatsapp = :w, address = :a")
                        .expressionAttributeValues(Map.of(
                                ":w",
                                AttributeValue.fromS("923001234567"),
                                ":a",
                                AttributeValue.fromS("Shop 4, Kashgar Bazaar"))));
        alphaFn = ShopFunctionIT.function(emulators, alpha);
        betaFn = ShopFunctionIT.function(emulators, beta);
        alphaCookie = ShopFunctionIT.login(alphaFn, "oalpha", "owner@oalpha.example");
        betaCookie = ShopFunctionIT.login(betaFn, "obeta", "owner@obeta.example");
        figs = ShopFunctionIT.createProduct(alphaFn, "oalpha", alphaCookie, "Dried figs", "300", 50, "");
    }

    @AfterAll
    static void stop() throws Exception {
        alphaFn.close();
        betaFn.close();
        emulators.close();
    }

    /**
     * Places an order through the real checkout (as the shop's JSON API does); alpha takes bank transfers too. A card
     * order is written through the order repository: the checkout does not offer cards yet.
     */
    static String placeOrder(String name, int quantity, String paymentMethod) {
        List<PlaceOrderCommand.Line> lines = List.of(new PlaceOrderCommand.Line(new ProductId(figs), null, quantity));
        Contact contact = new Contact(name, "+92 300 7654321", "");
        Address address = new Address("House 9 " + name, "", "Lahore", "", "", "PK");
        PaymentMethod method = PlaceOrderCommand.paymentMethod(paymentMethod);
        if (method == PaymentMethod.CARD) {
            return TestStores.placeCardOrder(emulators, alpha, lines, contact, address)
                    .code();
        }
        return TestStores.placeOrder(emulators, alpha, new PlaceOrderCommand(lines, contact, address, "", method))
                .code();
    }

    static APIGatewayProxyResponseEvent admin(String path) {
        return call(alphaFn, withCookie(get("/s/oalpha/admin/orders" + path), alphaCookie));
    }

    static APIGatewayProxyResponseEvent act(String code, String action, String fields) {
        return call(alphaFn, withCookie(form("/s/oalpha/admin/orders/" + code + "/" + action, fields), alphaCookie));
    }

    static int version(String code) {
        Matcher m = Pattern.compile("name=\"version\" value=\"([0-9]+)\"")
                .matcher(admin("/" + code).getBody());
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static int number(String code) {
        Matcher m = Pattern.compile("<h1>Order #([0-9]+)</h1>")
                .matcher(admin("/" + code).getBody());
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static String stock() {
        return call(alphaFn, get("/s/oalpha/products/" + figs))
                .getBody()
                .replaceAll("(?s).*?([0-9]+) in stock.*", "$1");
    }

    @Test
    void inboxTabs_followTheActions_andEachChangeIsInTheHistory() {
        String paid = placeOrder("Paid Person", 1, "CASH_ON_DELIVERY");
        String shipped = placeOrder("Shipped Person", 1, "CASH_ON_DELIVERY");
        String cancelled = placeOrder("Cancelled Person", 2, "BANK_TRANSFER");
        String stockBefore = stock();

        assertThat(act(paid, "paid", "version=1").getStatusCode()).isEqualTo(303);
        APIGatewayProxyResponseEvent ship =
                act(shipped, "shipped", "version=1&trackingNumber=" + enc("LHR 778899") + "&carrier=TCS");
        assertThat(ship.getStatusCode()).isEqualTo(303);
        assertThat(header(ship, "Location")).hasValue("/s/oalpha/admin/orders/" + shipped);
        assertThat(admin("/" + cancelled + "/cancel").getBody())
                .contains("Yes, cancel the order")
                .contains("back into stock");
        assertThat(act(cancelled, "cancel", "version=1").getStatusCode()).isEqualTo(303);

        String unpaid = admin("?status=unpaid").getBody();
        String toShip = admin("?status=to-ship").getBody();
        String shippedTab = admin("?status=shipped").getBody();
        String cancelledTab = admin("?status=cancelled").getBody();
        assertThat(unpaid)
                .contains("Shipped Person")
                .doesNotContain("Paid Person")
                .doesNotContain("Cancelled Person");
        assertThat(toShip)
                .contains("Paid Person")
                .doesNotContain("Shipped Person")
                .doesNotContain("Cancelled Person");
        assertThat(shippedTab).contains("Shipped Person").doesNotContain("Paid Person");
        assertThat(cancelledTab).contains("Cancelled Person").doesNotContain("Paid Person");
        assertThat(admin("").getBody())
                .contains("Paid Person", "Shipped Person", "Cancelled Person")
                .contains("aria-current=\"page\">All<");
        assertThat(Integer.parseInt(stock())).isEqualTo(Integer.parseInt(stockBefore) + 2);

        String order = admin("/" + shipped).getBody();
        assertThat(order)
                .contains("TCS LHR 778899")
                .contains("owner@oalpha.example</strong> marked it shipped")
                .contains("shopper</strong> placed the order")
                .contains("Mark delivered")
                .doesNotContain("Mark shipped");
        assertThat(admin("/" + cancelled).getBody())
                .contains("cancelled it; stock restored")
                .doesNotContain("Mark shipped")
                .doesNotContain("Cancel order");
        APIGatewayProxyResponseEvent again = act(cancelled, "cancel", "version=2");
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(again.getBody()).contains("it is cancelled");
        APIGatewayProxyResponseEvent shipCancelled = act(cancelled, "shipped", "version=2&trackingNumber=1");
        assertThat(shipCancelled.getStatusCode()).isEqualTo(409);
        assertThat(Integer.parseInt(stock())).isEqualTo(Integer.parseInt(stockBefore) + 2);

        String shopper = call(alphaFn, get("/s/oalpha/orders/" + shipped)).getBody();
        assertThat(shopper).contains("Shipped").contains("TCS LHR 778899");
    }

    @Test
    void aForgedIndexRow_fromAnotherStoresPartition_neverShowsInThisStoresInbox_evenWhenItFillsAPage() {
        String bFigs = ShopFunctionIT.createProduct(betaFn, "obeta", betaCookie, "Beta dates", "100", 50, "");
        String real = TestStores.placeOrder(
                        emulators,
                        beta,
                        new PlaceOrderCommand(
                                List.of(new PlaceOrderCommand.Line(new ProductId(bFigs), null, 1)),
                                new Contact("Real Beta Buyer", "+92 300 7654321", ""),
                                new Address("House 1", "", "Lahore", "", "", "PK"),
                                "",
                                PlaceOrderCommand.paymentMethod("CASH_ON_DELIVERY")))
                .code();
        placeOrder("Forged Person", 1, "CASH_ON_DELIVERY");
        Map<String, AttributeValue> template = emulators
                .dynamo()
                .query(r -> r.tableName(Emulators.TABLE)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(alpha.tenantId().value() + "#ORDERS"))))
                .items()
                .stream()
                .filter(i -> i.toString().contains("Forged Person"))
                .findFirst()
                .orElseThrow();
        // what alpha's role may write (its own partition key, so LeadingKeys allows it) with beta's inbox keys,
        // sorted after beta's real order, more of them than a page holds
        for (int i = 0; i < 60; i++) {
            Map<String, AttributeValue> forged = new java.util.HashMap<>(template);
            forged.put("sk", AttributeValue.fromS(String.format("ORDER#%012d", 900_000 + i)));
            forged.put("payInbox", AttributeValue.fromS(beta.tenantId().value() + "#ORDERS#UNPAID"));
            forged.put("shipInbox", AttributeValue.fromS(beta.tenantId().value() + "#ORDERS#TO_SHIP"));
            emulators.dynamo().putItem(r -> r.tableName(Emulators.TABLE).item(forged));
        }

        for (String tab : List.of("", "?status=unpaid", "?status=to-ship")) {
            APIGatewayProxyResponseEvent page =
                    call(betaFn, withCookie(get("/s/obeta/admin/orders" + tab), betaCookie));
            assertThat(page.getStatusCode()).isEqualTo(200);
            assertThat(page.getBody())
                    .as("beta's inbox " + tab)
                    .doesNotContain("Forged Person")
                    .contains("Real Beta Buyer");
            Matcher next = Pattern.compile("after=([0-9]+)").matcher(page.getBody());
            while (next.find()) {
                assertThat(call(
                                        betaFn,
                                        withCookie(
                                                get("/s/obeta/admin/orders" + (tab.isEmpty() ? "?" : tab + "&")
                                                        + "after=" + next.group(1)),
                                                betaCookie))
                                .getBody())
                        .doesNotContain("Forged Person");
            }
        }
        assertThat(call(betaFn, withCookie(get("/s/obeta/admin/orders/" + real), betaCookie))
                        .getStatusCode())
                .isEqualTo(200);
        assertThat(admin("?status=unpaid").getBody())
                .as("alpha's own inbox is its own business")
                .contains("Forged Person");
    }

    @Test
    void anActionFromAStaleVersion_isA409AskingToReload_andChangesNothing() {
        String code = placeOrder("Stale", 1, "CASH_ON_DELIVERY");
        assertThat(act(code, "paid", "version=1").getStatusCode()).isEqualTo(303);

        APIGatewayProxyResponseEvent stale = act(code, "cancel", "version=1");

        assertThat(stale.getStatusCode()).isEqualTo(409);
        assertThat(stale.getBody()).contains("Reload it and try again");
        assertThat(admin("/" + code).getBody())
                .doesNotContain("Cancelled</span>")
                .contains("Paid (COD)");
        assertThat(act(code, "paid", "version=abc").getStatusCode()).isEqualTo(400);
        assertThat(act(code, "shipped", "version=2&trackingNumber=").getStatusCode())
                .isEqualTo(400);
    }

    @Test
    void actions_needTheCsrfToken_andASession() {
        String code = placeOrder("Csrf", 1, "CASH_ON_DELIVERY");
        Map<String, String> headers = Map.of(
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Accept",
                "text/html",
                "Cookie",
                alphaCookie + "; dukan_csrf=" + ProxyEvents.CSRF);

        APIGatewayProxyResponseEvent noToken = call(
                alphaFn, ProxyEvents.event("POST", "/s/oalpha/admin/orders/" + code + "/cancel", "version=1", headers));
        APIGatewayProxyResponseEvent noSession =
                call(alphaFn, form("/s/oalpha/admin/orders/" + code + "/cancel", "version=1"));
        APIGatewayProxyResponseEvent keysNoToken = call(
                alphaFn,
                ProxyEvents.event(
                        "POST",
                        "/s/oalpha/admin/stripe",
                        "secretKey=sk_test_forged&webhookSecret=whsec_forged",
                        headers));

        assertThat(noToken.getStatusCode()).isEqualTo(403);
        assertThat(keysNoToken.getStatusCode()).isEqualTo(403);
        assertThat(noSession.getStatusCode()).isEqualTo(303);
        assertThat(header(noSession, "Location")).hasValue("/s/oalpha/admin/login");
        assertThat(call(alphaFn, get("/s/oalpha/admin/orders")).getStatusCode()).isEqualTo(303);
        assertThat(call(alphaFn, get("/s/oalpha/admin/orders/" + code + "/packing-slip"))
                        .getStatusCode())
                .isEqualTo(303);
        assertThat(version(code)).isEqualTo(1);
    }

    @Test
    void packingSlip_andInbox_showWhatTheShopperTyped_asText() {
        String code = placeOrder(EVIL, 3, "CASH_ON_DELIVERY");

        String slip = admin("/" + code + "/packing-slip").getBody();
        String inbox = admin("?status=all").getBody();
        String order = admin("/" + code).getBody();
        String shopper = call(alphaFn, get("/s/oalpha/orders/" + code)).getBody();

        for (String page : List.of(slip, inbox, order, shopper)) {
            assertThat(page).doesNotContain(EVIL).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
        assertThat(slip)
                .contains("packing slip")
                .contains("@media print")
                .contains("Shop 4, Kashgar Bazaar")
                .contains("Dried figs")
                .contains("+92 300 7654321")
                .contains("<td>3</td>")
                .doesNotContain("PKR");
    }

    @Test
    void theInbox_opensAnOrderByItsNumber() {
        String code = placeOrder("By Number", 1, "CASH_ON_DELIVERY");
        int n = number(code);
        APIGatewayProxyResponseEvent open = admin("?number=" + n);
        assertThat(open.getStatusCode()).isEqualTo(303);
        assertThat(header(open, "Location")).hasValue("/s/oalpha/admin/orders/" + code);
        assertThat(admin("?number=999999").getStatusCode()).isEqualTo(404);
    }

    @Test
    void shopperPage_offersAWhatsAppLink_withTheEncodedOrderSummary() {
        String code = placeOrder("Amina & Sons #1", 2, "CASH_ON_DELIVERY");

        String page = call(alphaFn, get("/s/oalpha/orders/" + code)).getBody();

        Matcher m = Pattern.compile("href=\"(https://wa\\.me/923001234567\\?text=[^\"]+)\"")
                .matcher(page);
        assertThat(m.find()).as(page).isTrue();
        String href = m.group(1).replace("&amp;", "&");
        assertThat(href.substring(href.indexOf("?text=") + 6)).doesNotContain("&", " ", "#", "+");
        String text = URLDecoder.decode(URI.create(href).getRawQuery().substring(5), StandardCharsets.UTF_8);
        assertThat(text)
                .contains("order #")
                .contains("2 × Dried figs")
                .contains("Total: Rs600.00")
                .contains("Name: Amina & Sons #1")
                .contains("/s/oalpha/orders/" + code);
        assertThat(page).contains("Being prepared").contains("Not paid yet").contains("in cash when it is delivered");
    }

    @Test
    void anotherStore_cannotSeeOrChangeTheOrder() {
        String code = placeOrder("Cross Tenant", 1, "CASH_ON_DELIVERY");

        List<APIGatewayProxyResponseEvent> attempts = List.of(
                call(betaFn, withCookie(get("/s/obeta/admin/orders/" + code), betaCookie)),
                call(betaFn, withCookie(get("/s/obeta/admin/orders/" + code + "/packing-slip"), betaCookie)),
                call(betaFn, withCookie(get("/s/obeta/admin/orders/" + code + "/cancel"), betaCookie)),
                call(betaFn, withCookie(form("/s/obeta/admin/orders/" + code + "/cancel", "version=1"), betaCookie)),
                call(betaFn, withCookie(form("/s/obeta/admin/orders/" + code + "/paid", "version=1"), betaCookie)),
                call(betaFn, get("/s/obeta/orders/" + code)),
                call(betaFn, withCookie(get("/s/oalpha/admin/orders/" + code), alphaCookie)));
        for (APIGatewayProxyResponseEvent r : attempts) {
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(404);
            assertThat(r.getBody()).doesNotContain("Cross Tenant");
        }
        assertThat(call(betaFn, withCookie(get("/s/obeta/admin/orders?status=all"), betaCookie))
                        .getBody())
                .doesNotContain("Cross Tenant");
        assertThat(version(code)).isEqualTo(1);
    }

    @Test
    void stripeWebhook_signedWithTheStoresSecret_marksACardOrderPaid_once_andRefusesForgeries() {
        APIGatewayProxyResponseEvent saved = call(
                alphaFn,
                withCookie(
                        form(
                                "/s/oalpha/admin/stripe",
                                "secretKey=sk_test_abcdefghijklmnop1234&webhookSecret=" + WEBHOOK_SECRET),
                        alphaCookie));
        assertThat(saved.getStatusCode()).isEqualTo(303);
        String keysPage = call(alphaFn, withCookie(get("/s/oalpha/admin/stripe"), alphaCookie))
                .getBody();
        assertThat(keysPage)
                .contains("…1234")
                .doesNotContain("sk_test_abcdefghijklmnop1234")
                .doesNotContain(WEBHOOK_SECRET)
                .contains("/s/oalpha/payments/stripe/webhook");
        String code = placeOrder("Card Payer", 2, "CARD");
        assertThat(call(alphaFn, get("/s/oalpha/orders/" + code)).getBody()).contains("Pay Rs600.00 by card");
        String payload = "{\"id\":\"evt_paid_1\",\"type\":\"checkout.session.completed\",\"data\":{\"object\":"
                + "{\"object\":\"checkout.session\",\"client_reference_id\":\"" + code + "\",\"amount_total\":60000,"
                + "\"currency\":\"pkr\",\"payment_status\":\"paid\",\"customer_details\":{\"name\":\"Zoë\"}}}}";

        APIGatewayProxyResponseEvent forged = webhook(alphaFn, "oalpha", payload, sign(payload, "whsec_wrong"));
        APIGatewayProxyResponseEvent unsigned = webhook(alphaFn, "oalpha", payload, null);
        assertThat(forged.getStatusCode()).isEqualTo(400);
        assertThat(unsigned.getStatusCode()).isEqualTo(400);
        assertThat(version(code)).isEqualTo(1);

        String signature = sign(payload, WEBHOOK_SECRET);
        APIGatewayProxyResponseEvent first = webhook(alphaFn, "oalpha", payload, signature);
        APIGatewayProxyResponseEvent replay = webhook(alphaFn, "oalpha", payload, signature);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        assertThat(first.getBody()).contains("\"outcome\":\"applied\"");
        assertThat(replay.getStatusCode()).isEqualTo(200);
        assertThat(replay.getBody()).contains("\"outcome\":\"duplicate\"");
        String order = admin("/" + code).getBody();
        assertThat(order).contains("Paid (card)").contains("stripe</strong> stripe event evt_paid_1");
        assertThat(version(code)).isEqualTo(2);

        // The same event sent to another store's URL: beta has no secret, and would not find alpha's order anyway.
        APIGatewayProxyResponseEvent toBeta = webhook(betaFn, "obeta", payload, signature);
        assertThat(toBeta.getStatusCode()).isEqualTo(400);
        call(
                betaFn,
                withCookie(
                        form(
                                "/s/obeta/admin/stripe",
                                "secretKey=sk_test_betabetabetabeta9999&webhookSecret=" + "whsec_beta"),
                        betaCookie));
        String otherEvent = payload.replace("evt_paid_1", "evt_paid_2");
        APIGatewayProxyResponseEvent betaSigned = webhook(betaFn, "obeta", otherEvent, sign(otherEvent, "whsec_beta"));
        assertThat(betaSigned.getStatusCode()).isEqualTo(200);
        assertThat(betaSigned.getBody()).contains("\"outcome\":\"ignored\"");
        assertThat(version(code)).isEqualTo(2);
    }

    static String sign(String payload, String secret) {
        try {
            long t = Instant.now().getEpochSecond();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + t + ",v1="
                    + HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static APIGatewayProxyResponseEvent webhook(ShopFunction fn, String slug, String payload, String signature) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of(
                "Content-Type",
                "application/json; charset=utf-8",
                "Accept",
                "*/*",
                "User-Agent",
                "Stripe/1.0 (+https://stripe.com/docs/webhooks)"));
        if (signature != null) {
            headers.put("Stripe-Signature", signature);
        }
        APIGatewayProxyRequestEvent event =
                ProxyEvents.event("POST", "/s/" + slug + "/payments/stripe/webhook", payload, headers);
        return call(fn, event);
    }
}
