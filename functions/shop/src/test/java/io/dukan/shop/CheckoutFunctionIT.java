package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static io.dukan.shop.Checkouts.as;
import static io.dukan.shop.Checkouts.call;
import static io.dukan.shop.ShopFunctionIT.enc;
import static io.dukan.shop.ShopFunctionIT.withCookie;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.core.tenant.StoreSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cart, checkout and the owner's checkout settings through the shop function's real handler, on DynamoDB Local. */
class CheckoutFunctionIT {

    static Emulators emulators;
    static StoreSettings alpha;
    static StoreSettings beta;
    static ShopFunction alphaFn;
    static ShopFunction betaFn;
    static String alphaOwner;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        alpha = TestStores.seed(emulators, "alpha", "PKR", "owner@alpha.example", ShopFunctionIT.PASSWORD);
        beta = TestStores.seed(emulators, "beta", "PKR", "owner@beta.example", ShopFunctionIT.PASSWORD);
        alphaFn = ShopFunctionIT.function(emulators, alpha);
        betaFn = ShopFunctionIT.function(emulators, beta);
        alphaOwner = ShopFunctionIT.login(alphaFn, "alpha", "owner@alpha.example");
    }

    @AfterAll
    static void stop() throws Exception {
        alphaFn.close();
        betaFn.close();
        emulators.close();
    }

    static String product(String name, String price, int stock) {
        return ShopFunctionIT.createProduct(alphaFn, "alpha", alphaOwner, name, price, stock, "");
    }

    static String stockLine(String productId) {
        Matcher m = Pattern.compile("(\\d+) in stock")
                .matcher(call(alphaFn, get("/s/alpha/products/" + productId)).getBody());
        return m.find() ? m.group(0) : "sold out";
    }

    static int orderCount() {
        String admin =
                call(alphaFn, withCookie(get("/s/alpha/admin"), alphaOwner)).getBody();
        return (int) Pattern.compile("/admin/orders/[a-z2-7]{26}")
                .matcher(admin)
                .results()
                .count();
    }

    static APIGatewayProxyResponseEvent admin(String path, String body) {
        return call(alphaFn, withCookie(form("/s/alpha/admin" + path, body), alphaOwner));
    }

    @Test
    void addingOneVariantTwice_mergesIntoOneLine_andLinesCanBeChangedAndRemoved() {
        String productId = product("Merged figs", "100", 10);
        String cart = Checkouts.newCart(alphaFn, "alpha", productId, 1);

        APIGatewayProxyResponseEvent again =
                Checkouts.add(alphaFn, "alpha", cart, "productId=" + productId + "&quantity=2");
        String page = call(alphaFn, as(get("/s/alpha/cart"), cart)).getBody();

        assertThat(again.getStatusCode()).isEqualTo(303);
        assertThat(header(again, "Set-Cookie").orElse("")).doesNotContain("dukan_cart");
        assertThat(Pattern.compile("data-variant-id=").matcher(page).results().count())
                .isEqualTo(1);
        assertThat(page).contains("value=\"3\"").contains("Rs300.00");
        Matcher variant = Pattern.compile("data-variant-id=\"([a-z2-7]{16})\"").matcher(page);
        assertThat(variant.find()).isTrue();

        assertThat(call(
                                alphaFn,
                                as(form("/s/alpha/cart/update", "variantId=" + variant.group(1) + "&quantity=1"), cart))
                        .getStatusCode())
                .isEqualTo(303);
        assertThat(call(alphaFn, as(get("/s/alpha/cart"), cart)).getBody())
                .contains("value=\"1\"")
                .contains("Rs100.00");
        assertThat(call(alphaFn, as(form("/s/alpha/cart/remove", "variantId=" + variant.group(1)), cart))
                        .getStatusCode())
                .isEqualTo(303);
        assertThat(call(alphaFn, as(get("/s/alpha/cart"), cart)).getBody()).contains("Your cart is empty");
    }

    @Test
    void badInput_isAnsweredWithAClearError_andNothingIsWritten() {
        String productId = product("Guarded apricots", "500", 5);
        String cart = Checkouts.newCart(alphaFn, "alpha", productId, 1);
        int orders = orderCount();
        String before = cartPage(cart);

        APIGatewayProxyResponseEvent unknownVariant = Checkouts.add(
                alphaFn, "alpha", cart, "productId=" + productId + "&variantId=zzzzzzzzzzzzzzzz&quantity=1");
        assertThat(unknownVariant.getStatusCode()).isEqualTo(400);
        assertThat(unknownVariant.getBody()).contains("choose one of the product's options");
        for (String quantity : new String[] {"0", "-1", "1000000000", "abc"}) {
            APIGatewayProxyResponseEvent r =
                    Checkouts.add(alphaFn, "alpha", cart, "productId=" + productId + "&quantity=" + quantity);
            assertThat(r.getStatusCode()).as(quantity).isEqualTo(400);
            assertThat(r.getBody()).as(quantity).contains("quantity must be");
        }
        assertThat(cartPage(cart)).isEqualTo(before);

        String token = Checkouts.token(alphaFn, "alpha", cart);
        APIGatewayProxyResponseEvent noAddress = Checkouts.place(
                alphaFn,
                "alpha",
                cart,
                token,
                "name=Bilal&phone=03001234567&city=Lahore&country=PK&paymentMethod=CASH_ON_DELIVERY");
        APIGatewayProxyResponseEvent unserved = Checkouts.place(
                alphaFn,
                "alpha",
                cart,
                token,
                "name=Bilal&phone=03001234567&line1=1+Main+St&city=Boston&country=US&paymentMethod=CASH_ON_DELIVERY");
        APIGatewayProxyResponseEvent badCountry = Checkouts.place(
                alphaFn,
                "alpha",
                cart,
                token,
                "name=Bilal&phone=03001234567&line1=1+Main+St&city=X&country=XX1&paymentMethod=CASH_ON_DELIVERY");
        APIGatewayProxyResponseEvent notAccepted = Checkouts.place(
                alphaFn,
                "alpha",
                cart,
                token,
                "name=Bilal&phone=03001234567&line1=1+Main+St&city=Lahore&country=PK&paymentMethod=BANK_TRANSFER");

        assertThat(noAddress.getStatusCode()).isEqualTo(400);
        assertThat(noAddress.getBody()).contains("address is required").contains("value=\"Bilal\"");
        assertThat(unserved.getStatusCode()).isEqualTo(400);
        assertThat(unserved.getBody()).contains("does not deliver to United States");
        assertThat(badCountry.getStatusCode()).isEqualTo(400);
        assertThat(notAccepted.getStatusCode()).isEqualTo(400);
        assertThat(notAccepted.getBody()).contains("does not take bank transfer");
        assertThat(orderCount()).isEqualTo(orders);
        assertThat(stockLine(productId)).isEqualTo("5 in stock");
        assertThat(call(alphaFn, as(get("/s/alpha/cart"), cart)).getBody()).contains("Guarded apricots");
    }

    @Test
    void theSameCheckoutSubmittedFiveTimes_oneAfterAnotherOrAtOnce_placesOneOrder() throws Exception {
        String productId = product("Once-only walnuts", "200", 50);
        int orders = orderCount();

        String cart = Checkouts.newCart(alphaFn, "alpha", productId, 2);
        String token = Checkouts.token(alphaFn, "alpha", cart);
        Set<String> locations = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            APIGatewayProxyResponseEvent r = Checkouts.place(alphaFn, "alpha", cart, token, Checkouts.DETAILS);
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(303);
            locations.add(header(r, "Location").orElseThrow());
        }
        assertThat(locations).hasSize(1);

        String cart2 = Checkouts.newCart(alphaFn, "alpha", productId, 3);
        String token2 = Checkouts.token(alphaFn, "alpha", cart2);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Callable<APIGatewayProxyResponseEvent>> clicks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clicks.add(() -> Checkouts.place(alphaFn, "alpha", cart2, token2, Checkouts.DETAILS));
        }
        Set<String> parallel = new HashSet<>();
        for (Future<APIGatewayProxyResponseEvent> f : pool.invokeAll(clicks)) {
            assertThat(f.get().getStatusCode()).as(f.get().getBody()).isEqualTo(303);
            parallel.add(header(f.get(), "Location").orElseThrow());
        }
        pool.shutdown();

        assertThat(parallel).hasSize(1).doesNotContainAnyElementsOf(locations);
        assertThat(orderCount()).isEqualTo(orders + 2);
        assertThat(stockLine(productId)).isEqualTo("45 in stock");
        assertThat(call(alphaFn, as(get("/s/alpha/cart"), cart2)).getBody()).contains("Your cart is empty");
    }

    @Test
    void bankTransferShippingAndDisplayCurrency_areOfferedAsTheOwnerSetThem_andRecordedOnTheOrder() {
        StoreSettings gamma =
                TestStores.seed(emulators, "gamma", "PKR", "owner@gamma.example", ShopFunctionIT.PASSWORD);
        try (ShopFunction fn = ShopFunctionIT.function(emulators, gamma)) {
            String owner = ShopFunctionIT.login(fn, "gamma", "owner@gamma.example");
            assertThat(call(
                                    fn,
                                    withCookie(
                                            form(
                                                    "/s/gamma/admin/payments",
                                                    "cashOnDelivery=on&bankTransfer=on&accountName="
                                                            + enc("Gamma Traders")
                                                            + "&bankName=HBL&accountNumber=PK36SCBL0000001123456702&instructions="
                                                            + enc("Send us the receipt <b>")),
                                            owner))
                            .getStatusCode())
                    .isEqualTo(200);
            assertThat(call(
                                    fn,
                                    withCookie(
                                            form("/s/gamma/admin/currencies", "rates=" + enc("USD 0.0036\nEUR 0.0033")),
                                            owner))
                            .getStatusCode())
                    .isEqualTo(200);
            assertThat(call(
                                    fn,
                                    withCookie(
                                            form(
                                                    "/s/gamma/admin/shipping/zones",
                                                    "zoneId=&name=Pakistan&areas=PK"
                                                            + "&rate0Name=Courier&rate0Kind=FLAT&rate0Price=250&rate0FreeAbove=100000&rate1Name=Cargo"
                                                            + "&rate1Kind=BY_WEIGHT&rate1Bands="
                                                            + enc("0.5=100, 10=400")),
                                            owner))
                            .getStatusCode())
                    .isEqualTo(303);
            String productId = ShopFunctionIT.createProduct(fn, "gamma", owner, "Saffron 5g", "1000", 10, "");
            String cart = Checkouts.newCart(fn, "gamma", productId, 2);
            APIGatewayProxyResponseEvent switched =
                    call(fn, as(form("/s/gamma/currency", "currency=USD&back=%2Fcart"), cart));
            assertThat(switched.getStatusCode()).isEqualTo(303);
            assertThat(header(switched, "Location")).hasValue("/s/gamma/cart");
            String currency = header(switched, "Set-Cookie").orElseThrow();
            String shopper = cart + "; " + currency.substring(0, currency.indexOf(';'));

            String checkout = call(fn, as(get("/s/gamma/checkout"), shopper)).getBody();
            assertThat(checkout)
                    .contains("≈ 7.20 USD")
                    .contains("Courier — Rs250.00")
                    .contains("Cargo — Rs100.00")
                    .contains("PK36SCBL0000001123456702")
                    .contains("Send us the receipt &lt;b&gt;");
            Matcher courier = Pattern.compile("name=\"shipping\" value=\"([a-z2-7]{16})\"[^>]*> Courier")
                    .matcher(checkout);
            assertThat(courier.find()).as(checkout).isTrue();

            APIGatewayProxyResponseEvent placed = Checkouts.place(
                    fn,
                    "gamma",
                    shopper,
                    Checkouts.token(fn, "gamma", shopper),
                    "name=Sara&phone=03001234567&line1=Flat+3&city=Karachi&country=PK&displayCurrency=USD"
                            + "&paymentMethod=BANK_TRANSFER&shipping=" + courier.group(1));
            assertThat(placed.getStatusCode()).as(placed.getBody()).isEqualTo(303);
            String order =
                    call(fn, get(header(placed, "Location").orElseThrow())).getBody();

            assertThat(order)
                    .contains("Delivery: Courier")
                    .contains("Rs2,250.00")
                    .contains("≈ 8.10 USD")
                    .contains("Gamma Traders")
                    .contains("PK36SCBL0000001123456702");
            Matcher number = Pattern.compile("Order (#\\d+)").matcher(order);
            assertThat(number.find()).isTrue();
            assertThat(order).contains("with <strong>" + number.group(1) + "</strong> as the reference");
        }
    }

    @Test
    void theOwnersSettingsPages_refuseBadInput_andNeedASignedInOwner() {
        assertThat(call(alphaFn, get("/s/alpha/admin/shipping")).getStatusCode())
                .isEqualTo(303);
        assertThat(call(alphaFn, form("/s/alpha/admin/payments", "cashOnDelivery=on"))
                        .getStatusCode())
                .isEqualTo(303);

        APIGatewayProxyResponseEvent noCountry =
                admin("/shipping/zones", "name=Gulf&areas=ZZ&rate0Name=Air&rate0Price=10");
        APIGatewayProxyResponseEvent noRate = admin("/shipping/zones", "name=Gulf&areas=AE");
        APIGatewayProxyResponseEvent badBands =
                admin("/shipping/zones", "name=Gulf&areas=AE&rate0Name=Air" + "&rate0Kind=BY_WEIGHT&rate0Bands=heavy");
        APIGatewayProxyResponseEvent noMethod = admin("/payments", "");
        APIGatewayProxyResponseEvent bankWithoutAccount = admin("/payments", "bankTransfer=on");
        APIGatewayProxyResponseEvent baseCurrency = admin("/currencies", "rates=PKR+1");
        APIGatewayProxyResponseEvent badRate = admin("/currencies", "rates=USD+-2");

        // jte leaves ' as it is in text; < > & are what it must escape
        assertThat(noCountry.getBody()).contains("'ZZ' is not a country code");
        assertThat(noRate.getBody()).contains("at least one rate");
        assertThat(badBands.getBody()).contains("up to kg = price");
        assertThat(noMethod.getBody()).contains("at least one way to pay");
        assertThat(bankWithoutAccount.getBody()).contains("account number");
        assertThat(baseCurrency.getBody()).contains("store's own currency");
        assertThat(badRate.getBody()).contains("rate for USD");
        for (APIGatewayProxyResponseEvent r :
                List.of(noCountry, noRate, badBands, noMethod, bankWithoutAccount, baseCurrency, badRate)) {
            assertThat(r.getStatusCode()).isEqualTo(400);
        }
        // no zone was saved: the page's help text names "Gulf countries" as an example, so look for the zone itself
        String shipping = call(alphaFn, withCookie(get("/s/alpha/admin/shipping"), alphaOwner))
                .getBody();
        assertThat(shipping)
                .contains("<h1>Shipping</h1>")
                .doesNotContain("value=\"Gulf\"")
                .doesNotContain(">Gulf<")
                .doesNotContain("value=\"AE\"")
                .doesNotContain(">AE<")
                .doesNotContain("value=\"Air\"");
    }

    @Test
    void anotherStoresCart_isNotFound_andItsLinesAreNeverShown() {
        String productId = product("Private pine nuts", "700", 4);
        String alphaCart = Checkouts.newCart(alphaFn, "alpha", productId, 1);
        String variant = variantOf(alphaCart);

        APIGatewayProxyResponseEvent update =
                call(betaFn, as(form("/s/beta/cart/update", "variantId=" + variant + "&quantity=2"), alphaCart));
        APIGatewayProxyResponseEvent remove =
                call(betaFn, as(form("/s/beta/cart/remove", "variantId=" + variant), alphaCart));
        APIGatewayProxyResponseEvent cartPage = call(betaFn, as(get("/s/beta/cart"), alphaCart));
        APIGatewayProxyResponseEvent checkout = call(betaFn, as(get("/s/beta/checkout"), alphaCart));
        APIGatewayProxyResponseEvent place = call(
                betaFn,
                as(
                        form("/s/beta/checkout/place", "checkoutToken=aaaaaaaaaaaaaaaaaaaaaaaaaa&" + Checkouts.DETAILS),
                        alphaCart));

        assertThat(update.getStatusCode()).isEqualTo(404);
        assertThat(remove.getStatusCode()).isEqualTo(404);
        assertThat(cartPage.getBody()).contains("Your cart is empty");
        assertThat(checkout.getStatusCode()).isEqualTo(303);
        assertThat(place.getStatusCode()).isEqualTo(400);
        for (APIGatewayProxyResponseEvent r : List.of(update, remove, cartPage, checkout, place)) {
            assertThat(r.getBody() == null ? "" : r.getBody()).doesNotContain("Private pine nuts");
        }
        assertThat(call(alphaFn, as(get("/s/alpha/cart"), alphaCart)).getBody())
                .contains("Private pine nuts")
                .contains("value=\"1\"");
    }

    @Test
    void api_withAnIdempotencyKey_placesOnce_andRefusesTheKeyForAnotherOrder() {
        String productId = product("API dates", "300", 20);
        String body =
                "{\"lines\": [{\"productId\": \"" + productId + "\", \"quantity\": 2}], \"customerName\": \"Omar\", "
                        + "\"phone\": \"03001234567\", \"address\": \"1 Canal Rd\", \"city\": \"Lahore\", \"paymentMethod\": \"CASH_ON_DELIVERY\"}";
        APIGatewayProxyResponseEvent first =
                call(alphaFn, withKey(ProxyEvents.json("POST", "/s/alpha/api/orders", body), "retry-1"));
        APIGatewayProxyResponseEvent again =
                call(alphaFn, withKey(ProxyEvents.json("POST", "/s/alpha/api/orders", body), "retry-1"));
        APIGatewayProxyResponseEvent other = call(
                alphaFn,
                withKey(
                        ProxyEvents.json(
                                "POST", "/s/alpha/api/orders", body.replace("\"quantity\": 2", "\"quantity\": 3")),
                        "retry-1"));

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(201);
        assertThat(again.getStatusCode()).isEqualTo(201);
        assertThat(ShopFunctionIT.field(again.getBody(), "code"))
                .isEqualTo(ShopFunctionIT.field(first.getBody(), "code"));
        assertThat(first.getBody()).contains("\"shippingMethod\":\"Standard delivery\"");
        assertThat(other.getStatusCode()).isEqualTo(409);
        assertThat(header(other, "Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(stockLine(productId)).isEqualTo("18 in stock");
    }

    static APIGatewayProxyRequestEvent withKey(APIGatewayProxyRequestEvent event, String key) {
        Map<String, String> headers = new java.util.HashMap<>(event.getHeaders());
        headers.put("Idempotency-Key", key);
        return event.withHeaders(headers).withMultiValueHeaders(null);
    }

    /** The cart page without its per-request CSRF token, to compare before and after. */
    static String cartPage(String cart) {
        return call(alphaFn, as(get("/s/alpha/cart"), cart))
                .getBody()
                .replaceAll("name=\"_csrf\" value=\"[a-z2-7]+\"", "");
    }

    static String variantOf(String cart) {
        Matcher m = Pattern.compile("data-variant-id=\"([a-z2-7]{16})\"")
                .matcher(call(alphaFn, as(get("/s/alpha/cart"), cart)).getBody());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
