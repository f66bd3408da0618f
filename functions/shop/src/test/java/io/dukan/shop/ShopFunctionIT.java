package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.AdminPages;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shop function through its real Lambda handler, against DynamoDB Local and s3mock: two stores side by side. */
class ShopFunctionIT {

    static final String PASSWORD = "correct horse battery";
    static Emulators emulators;
    static StoreSettings alpha;
    static StoreSettings beta;
    static ShopFunction alphaFn;
    static ShopFunction betaFn;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        alpha = TestStores.seed(emulators, "alpha", "PKR", "owner@alpha.example", PASSWORD);
        beta = TestStores.seed(emulators, "beta", "USD", "owner@beta.example", PASSWORD);
        alphaFn = function(alpha);
        betaFn = function(beta);
    }

    @AfterAll
    static void stop() throws Exception {
        alphaFn.close();
        betaFn.close();
        emulators.close();
    }

    static ShopFunction function(StoreSettings store) {
        return function(emulators, store);
    }

    static ShopFunction function(Emulators emulators, StoreSettings store) {
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.tenant-id", store.tenantId().value());
        properties.put("dukan.store-slug", store.slug().value());
        return new ShopFunction(ApplicationContext.builder().properties(properties));
    }

    static APIGatewayProxyResponseEvent call(ShopFunction fn, APIGatewayProxyRequestEvent event) {
        return fn.handleRequest(event, null);
    }

    static APIGatewayProxyRequestEvent withCookie(APIGatewayProxyRequestEvent event, String cookie) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.merge("Cookie", cookie, (existing, added) -> existing + "; " + added);
        return event.withHeaders(headers).withMultiValueHeaders(null);
    }

    static String login(ShopFunction fn, String slug, String email) {
        return login(fn, slug, email, PASSWORD);
    }

    static String login(ShopFunction fn, String slug, String email, String password) {
        APIGatewayProxyResponseEvent response =
                call(fn, form("/s/" + slug + "/admin/login", "email=" + enc(email) + "&password=" + enc(password)));
        assertThat(response.getStatusCode()).isEqualTo(303);
        String setCookie = header(response, "Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String createProduct(
            ShopFunction fn, String slug, String cookie, String name, String price, int stock, String imageKey) {
        APIGatewayProxyResponseEvent response = call(
                fn,
                withCookie(
                        form(
                                "/s/" + slug + "/admin/products",
                                "name=" + enc(name) + "&description=" + enc("Sweet\nand dry") + "&price=" + price
                                        + "&stock=" + stock + "&imageKey=" + enc(imageKey)),
                        cookie));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(303);
        String home = call(fn, get("/s/" + slug + "/")).getBody();
        Matcher m = Pattern.compile("/products/([a-z2-7]{16})\">[^<]*(?:<img[^>]*>)?<div class=\"product-name\">"
                        + Pattern.quote(name))
                .matcher(home);
        assertThat(m.find()).as(home).isTrue();
        return m.group(1);
    }

    @Test
    void home_showsTheStore_atItsPathWithAndWithoutTrailingSlash() {
        APIGatewayProxyResponseEvent slash = call(alphaFn, get("/s/alpha/"));
        APIGatewayProxyResponseEvent bare = call(alphaFn, get("/s/alpha"));
        assertThat(slash.getStatusCode()).isEqualTo(200);
        assertThat(bare.getStatusCode()).isEqualTo(200);
        assertThat(header(slash, "Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(slash.getBody()).contains("Store alpha").contains("<html lang=\"en\"");
    }

    @Test
    void everyPage_carriesSecurityHeaders_andACspWithoutInlineScript() {
        for (APIGatewayProxyResponseEvent r : new APIGatewayProxyResponseEvent[] {
            call(alphaFn, get("/s/alpha/")),
            call(alphaFn, get("/s/alpha/admin/login")),
            call(alphaFn, get("/s/alpha/no/such/page"))
        }) {
            String csp = header(r, "Content-Security-Policy").orElseThrow();
            assertThat(csp)
                    .contains("script-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .contains("img-src 'self' data: " + emulators.s3Endpoint())
                    .doesNotContain("script-src 'unsafe-inline'");
            assertThat(header(r, "X-Content-Type-Options")).hasValue("nosniff");
            assertThat(header(r, "Referrer-Policy")).hasValue("same-origin");
        }
        assertThat(header(call(alphaFn, get("/s/alpha/admin/login")), "Cache-Control"))
                .hasValue("no-store");
        assertThat(call(alphaFn, get("/s/alpha/")).getBody()).doesNotContainPattern("<script>|<script [^>]*>[^<]");
    }

    @Test
    void stateChangingRequests_withoutTheCsrfToken_areRefused_andChangeNothing() {
        String cookie = login(alphaFn, "alpha", "owner@alpha.example");
        String productId = createProduct(alphaFn, "alpha", cookie, "Guarded figs", "300", 3, "");
        Map<String, String> formHeaders = Map.of(
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Accept",
                "text/html",
                "Cookie",
                cookie + "; dukan_csrf=" + ProxyEvents.CSRF);
        String order = "productId=" + productId + "&quantity=1";

        APIGatewayProxyResponseEvent noField =
                call(alphaFn, ProxyEvents.event("POST", "/s/alpha/cart", order, formHeaders));
        APIGatewayProxyResponseEvent wrongField = call(
                alphaFn,
                ProxyEvents.event("POST", "/s/alpha/cart", order + "&_csrf=aaaaaaaaaaaaaaaaaaaaaaaaaa", formHeaders));
        APIGatewayProxyResponseEvent noCookie = call(
                alphaFn,
                ProxyEvents.event(
                        "POST",
                        "/s/alpha/admin/products",
                        "name=Forged&price=1&stock=1&_csrf=" + ProxyEvents.CSRF,
                        Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie)));
        APIGatewayProxyResponseEvent uploadNoHeader = call(
                alphaFn,
                ProxyEvents.event(
                        "POST",
                        "/s/alpha/admin/uploads",
                        "{\"contentType\":\"image/png\",\"contentLength\":4}",
                        Map.of(
                                "Content-Type",
                                "application/json",
                                "Cookie",
                                cookie + "; dukan_csrf=" + ProxyEvents.CSRF)));

        for (APIGatewayProxyResponseEvent r : List.of(noField, wrongField, noCookie, uploadNoHeader)) {
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(403);
        }
        assertThat(noField.getBody()).contains("reload the page");
        assertThat(call(alphaFn, get("/s/alpha/products/" + productId)).getBody())
                .contains("3 in stock");
        assertThat(call(alphaFn, get("/s/alpha/")).getBody()).doesNotContain("Forged");
    }

    @Test
    void aFormPage_givesTheBrowserACsrfCookie_andTheSameTokenInTheForm() {
        String cookie = login(alphaFn, "alpha", "owner@alpha.example");
        String productId = createProduct(alphaFn, "alpha", cookie, "Token figs", "300", 3, "");
        APIGatewayProxyResponseEvent page = call(alphaFn, get("/s/alpha/products/" + productId));
        String setCookie = header(page, "Set-Cookie").orElseThrow();
        Matcher token = Pattern.compile("dukan_csrf=([a-z2-7]{26})").matcher(setCookie);
        assertThat(token.find()).as(setCookie).isTrue();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(page.getBody()).contains("name=\"_csrf\" value=\"" + token.group(1) + "\"");
    }

    @Test
    void anotherStoresPath_isNotFound_evenOnThisStoresFunction() {
        APIGatewayProxyResponseEvent response = call(alphaFn, get("/s/beta/"));
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).doesNotContain("Store beta").doesNotContain("Store alpha");
    }

    @Test
    void admin_redirectsToLogin_withoutASession() {
        APIGatewayProxyResponseEvent response = call(alphaFn, get("/s/alpha/admin"));
        assertThat(response.getStatusCode()).isEqualTo(303);
        assertThat(header(response, "Location").orElseThrow()).isEqualTo("/s/alpha/admin/login");
    }

    @Test
    void login_refusesAWrongPassword_withoutSayingWhichPartWasWrong() {
        APIGatewayProxyResponseEvent response =
                call(alphaFn, form("/s/alpha/admin/login", "email=owner%40alpha.example&password=wrong-password"));
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBody()).contains("wrong email or password");
        assertThat(header(response, "Set-Cookie")).isEmpty();
    }

    @Test
    void repeatedWrongPasswords_lockSignInForThatEmail_inThatStoreOnly() {
        StoreSettings gamma = TestStores.seed(emulators, "gamma", "USD", "owner@gamma.example", PASSWORD);
        try (ShopFunction gammaFn = function(gamma)) {
            for (int i = 0; i < 5; i++) {
                assertThat(call(gammaFn, form("/s/gamma/admin/login", "email=owner%40gamma.example&password=guess" + i))
                                .getStatusCode())
                        .isEqualTo(401);
            }
            APIGatewayProxyResponseEvent locked = call(
                    gammaFn, form("/s/gamma/admin/login", "email=owner%40gamma.example&password=" + enc(PASSWORD)));
            assertThat(locked.getStatusCode()).isEqualTo(429);
            assertThat(locked.getBody()).contains("too many failed sign-ins");
            assertThat(header(locked, "Set-Cookie")).isEmpty();
            assertThat(header(locked, "Retry-After")).hasValue("900");
        }
        login(alphaFn, "alpha", "owner@alpha.example");
    }

    @Test
    void fortyAndOneHundredTwentyWrongPasswordsSentAtOnce_checkAtMostFive_theRestAreRefusedUnchecked()
            throws Exception {
        for (int guesses : new int[] {40, 120}) {
            String slug = "burst" + guesses;
            StoreSettings store = TestStores.seed(emulators, slug, "USD", "owner@" + slug + ".example", PASSWORD);
            try (ShopFunction fn = function(store)) {
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(guesses);
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < guesses; i++) {
                    String body = "email=owner%40" + slug + ".example&password=guess" + i;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return call(fn, form("/s/" + slug + "/admin/login", body))
                                .getStatusCode();
                    }));
                }
                start.countDown();
                Map<Integer, Integer> statuses = new java.util.TreeMap<>();
                for (java.util.concurrent.Future<Integer> answer : answers) {
                    statuses.merge(answer.get(), 1, Integer::sum);
                }
                pool.shutdown();
                // a 401 is a checked password; a 429 is refused before the password is looked at
                assertThat(statuses).as(guesses + " at once").containsOnlyKeys(401, 429);
                assertThat(statuses.get(401))
                        .as("passwords checked of " + guesses)
                        .isEqualTo(5);
                assertThat(statuses.get(429)).isEqualTo(guesses - 5);
                assertThat(call(
                                        fn,
                                        form(
                                                "/s/" + slug + "/admin/login",
                                                "email=owner%40" + slug + ".example&password=" + enc(PASSWORD)))
                                .getStatusCode())
                        .as("even the right password waits for the lockout to end")
                        .isEqualTo(429);
            }
        }
    }

    @Test
    void ownerAddsAProduct_shopperOrdersIt_ownerSeesTheOrderAndTheStockDecrease() {
        String cookie = login(alphaFn, "alpha", "owner@alpha.example");
        String productId = createProduct(alphaFn, "alpha", cookie, "Dried apricots 1kg", "1250.50", 5, "");

        APIGatewayProxyResponseEvent page = call(alphaFn, get("/s/alpha/products/" + productId));
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody())
                .contains("Dried apricots 1kg")
                .contains("Rs1,250.50")
                .contains("Sweet<br>and dry");

        String location = Checkouts.order(alphaFn, "alpha", productId, 2, Checkouts.DETAILS);

        APIGatewayProxyResponseEvent confirmation = call(alphaFn, get(location));
        assertThat(confirmation.getStatusCode()).isEqualTo(200);
        assertThat(confirmation.getBody()).containsPattern("Order #1\\d{3}").contains("Rs2,501.00");

        String admin = call(alphaFn, withCookie(get("/s/alpha/admin"), cookie)).getBody();
        // the admin writes money as the store's locale does (English in Pakistan: "Rs2,501.00")
        assertThat(admin)
                .contains("Ayesha")
                .contains(AdminPages.locale(alpha).money(new Money(250100, "PKR")))
                .contains("Rs2,501.00");
        assertThat(admin)
                .contains("id=\"activity\"")
                .containsPattern("owner@alpha.example</td><td>added product Dried apricots 1kg")
                .contains("signed in");
        assertThat(admin).containsPattern("data-product-id=\"" + productId + "\">.*?<td class=\"stock\">3</td>");
    }

    @Test
    void orderForMoreThanTheStock_isRefused_andTheStockIsUnchanged() {
        String cookie = login(alphaFn, "alpha", "owner@alpha.example");
        String productId = createProduct(alphaFn, "alpha", cookie, "Raisins 500g", "400", 2, "");

        APIGatewayProxyResponseEvent refused =
                call(alphaFn, form("/s/alpha/cart", "productId=" + productId + "&quantity=3"));

        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(refused.getBody())
                .contains("only 2 of 'Raisins 500g' left"); // text: an apostrophe needs no escaping there
        assertThat(header(refused, "Set-Cookie").orElse("")).doesNotContain("dukan_cart");
        assertThat(call(alphaFn, get("/s/alpha/products/" + productId)).getBody())
                .contains("2 in stock");
    }

    @Test
    void zeroNegativeOrNonNumericQuantities_areRefusedWithAClearMessage() {
        String cookie = login(alphaFn, "alpha", "owner@alpha.example");
        String productId = createProduct(alphaFn, "alpha", cookie, "Walnuts", "900", 4, "");
        for (String quantity : new String[] {"0", "-1", "abc", "99999999999"}) {
            APIGatewayProxyResponseEvent response =
                    call(alphaFn, form("/s/alpha/cart", "productId=" + productId + "&quantity=" + quantity));
            assertThat(response.getStatusCode()).as(quantity).isEqualTo(400);
            assertThat(response.getBody()).as(quantity).contains("quantity must be");
        }
        assertThat(call(alphaFn, get("/s/alpha/products/" + productId)).getBody())
                .contains("4 in stock");
    }

    @Test
    void badProductInput_isShownOnTheForm_andNothingIsSaved() {
        String cookie = login(alphaFn, "alpha", "owner@alpha.example");
        for (String price : new String[] {"0", "-5", "abc", "1.234"}) {
            APIGatewayProxyResponseEvent response = call(
                    alphaFn,
                    withCookie(
                            form(
                                    "/s/alpha/admin/products",
                                    "name=Bad+price+" + enc(price) + "&price=" + enc(price) + "&stock=1"),
                            cookie));
            assertThat(response.getStatusCode()).as(price).isEqualTo(400);
            assertThat(response.getBody()).as(price).contains("price");
        }
        assertThat(call(alphaFn, get("/s/alpha/")).getBody()).doesNotContain("Bad price");
    }

    @Test
    void imageUpload_goesToS3UnderTheStoresPrefix_andTheStorefrontShowsARenditionByPresignedUrl() throws Exception {
        String cookie = login(alphaFn, "alpha", "owner@alpha.example");
        byte[] png = io.dukan.aws.testing.TestImages.png(1200, 900);
        APIGatewayProxyResponseEvent grant = call(
                alphaFn,
                withCookie(
                        ProxyEvents.json(
                                "POST",
                                "/s/alpha/admin/uploads",
                                "{\"contentType\":\"image/png\",\"contentLength\":" + png.length + "}"),
                        cookie));
        assertThat(grant.getStatusCode()).as(grant.getBody()).isEqualTo(200);
        String url = field(grant.getBody(), "url");
        String key = field(grant.getBody(), "key");
        assertThat(key)
                .startsWith("tenants/" + alpha.tenantId().value() + "/media/")
                .endsWith(".png");
        assertThat(url)
                .startsWith(emulators.s3Endpoint() + "/" + Emulators.BUCKET + "/" + key)
                .contains("X-Amz-Signature=")
                .contains("X-Amz-Expires=600");

        HttpResponse<String> put = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "image/png")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(png))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);

        String productId = createProduct(alphaFn, "alpha", cookie, "Almonds with photo", "1500", 3, key);
        String page = call(alphaFn, get("/s/alpha/products/" + productId)).getBody();
        String rendition = key.replace(".png", "-960.jpg");
        assertThat(page)
                .contains("<img src=\"" + emulators.s3Endpoint() + "/" + Emulators.BUCKET + "/" + rendition)
                .doesNotContain(key + "?");
    }

    @Test
    void uploadsAreRefused_forWrongTypesTooLargeFilesAndWithoutASession() {
        String cookie = login(alphaFn, "alpha", "owner@alpha.example");
        assertThat(call(
                                alphaFn,
                                withCookie(
                                        ProxyEvents.json(
                                                "POST",
                                                "/s/alpha/admin/uploads",
                                                "{\"contentType\":\"text/html\",\"contentLength\":10}"),
                                        cookie))
                        .getStatusCode())
                .isEqualTo(400);
        assertThat(call(
                                alphaFn,
                                withCookie(
                                        ProxyEvents.json(
                                                "POST",
                                                "/s/alpha/admin/uploads",
                                                "{\"contentType\":\"image/png\",\"contentLength\":20000000}"),
                                        cookie))
                        .getStatusCode())
                .isEqualTo(400);
        assertThat(call(
                                alphaFn,
                                ProxyEvents.json(
                                        "POST",
                                        "/s/alpha/admin/uploads",
                                        "{\"contentType\":\"image/png\",\"contentLength\":10}"))
                        .getStatusCode())
                .isEqualTo(401);
    }

    @Test
    void anotherStoresImageKey_cannotBeAttachedToAProduct() {
        String cookie = login(alphaFn, "alpha", "owner@alpha.example");
        String foreignKey = "tenants/" + beta.tenantId().value() + "/media/aaaaaaaaaaaaaaaa.png";
        for (String key :
                new String[] {foreignKey, "tenants/" + alpha.tenantId().value() + "/media/../x.png"}) {
            APIGatewayProxyResponseEvent response = call(
                    alphaFn,
                    withCookie(
                            form("/s/alpha/admin/products", "name=Stolen&price=10&stock=1&imageKey=" + enc(key)),
                            cookie));
            assertThat(response.getStatusCode()).as(key).isEqualTo(400);
        }
    }

    @Test
    void storeB_withStoreAsIdsCodesAndSession_getsNotFoundOrLogin_neverAsData() {
        String alphaCookie = login(alphaFn, "alpha", "owner@alpha.example");
        String productId = createProduct(alphaFn, "alpha", alphaCookie, "Secret saffron", "9999", 9, "");
        String location = Checkouts.order(
                alphaFn,
                "alpha",
                productId,
                1,
                "name=Zainab+Private&phone=03001234567&line1=Secret+street&city=Lahore&country=PK&paymentMethod=CASH_ON_DELIVERY");
        String code = location.substring(location.lastIndexOf('/') + 1);

        APIGatewayProxyResponseEvent product = call(betaFn, get("/s/beta/products/" + productId));
        APIGatewayProxyResponseEvent order = call(betaFn, get("/s/beta/orders/" + code));
        APIGatewayProxyResponseEvent adminOrder =
                call(betaFn, withCookie(get("/s/beta/admin/orders/" + code), alphaCookie));
        APIGatewayProxyResponseEvent adminHome = call(betaFn, withCookie(get("/s/beta/admin"), alphaCookie));
        APIGatewayProxyResponseEvent apiProduct =
                call(betaFn, ProxyEvents.json("GET", "/s/beta/api/products/" + productId, null));
        APIGatewayProxyResponseEvent orderOnB =
                call(betaFn, form("/s/beta/cart", "productId=" + productId + "&quantity=1"));

        assertThat(product.getStatusCode()).isEqualTo(404);
        assertThat(order.getStatusCode()).isEqualTo(404);
        assertThat(adminOrder.getStatusCode()).isEqualTo(303);
        assertThat(adminHome.getStatusCode()).isEqualTo(303);
        assertThat(apiProduct.getStatusCode()).isEqualTo(404);
        assertThat(orderOnB.getStatusCode()).isEqualTo(404);
        for (APIGatewayProxyResponseEvent r :
                new APIGatewayProxyResponseEvent[] {product, order, adminOrder, adminHome, apiProduct, orderOnB}) {
            assertThat(r.getBody() == null ? "" : r.getBody())
                    .doesNotContain("Secret saffron")
                    .doesNotContain("Zainab")
                    .doesNotContain("Secret street");
        }
        assertThat(call(alphaFn, get("/s/alpha/products/" + productId)).getBody())
                .contains("8 in stock");
    }

    @Test
    void storeBsOwner_signedIn_cannotOpenStoreAsOrder() {
        String alphaCookie = login(alphaFn, "alpha", "owner@alpha.example");
        String productId = createProduct(alphaFn, "alpha", alphaCookie, "Private pistachios", "700", 2, "");
        String location = Checkouts.order(
                alphaFn,
                "alpha",
                productId,
                1,
                "name=Hidden+Buyer&phone=03001234567&line1=Hidden&city=Lahore&country=PK&paymentMethod=CASH_ON_DELIVERY");
        String code = location.substring(location.lastIndexOf('/') + 1);
        String betaCookie = login(betaFn, "beta", "owner@beta.example");

        APIGatewayProxyResponseEvent response =
                call(betaFn, withCookie(get("/s/beta/admin/orders/" + code), betaCookie));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).doesNotContain("Hidden Buyer").doesNotContain("Private pistachios");
        assertThat(call(betaFn, withCookie(get("/s/beta/admin"), betaCookie)).getBody())
                .doesNotContain("Hidden Buyer");
    }

    @Test
    void commaDecimalPrices_areRefused_ratherThanReadAHundredTimesTooHigh() {
        String cookie = login(alphaFn, "alpha", "owner@alpha.example");
        APIGatewayProxyResponseEvent response = call(
                alphaFn, withCookie(form("/s/alpha/admin/products", "name=Comma+price&price=12%2C50&stock=1"), cookie));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("use a dot for decimals");
    }

    @Test
    void nullOrderLines_aBadPageCursor_andAMissingProduct_are400s() {
        APIGatewayProxyResponseEvent nullLine = call(
                alphaFn,
                ProxyEvents.json(
                        "POST",
                        "/s/alpha/api/orders",
                        "{\"lines\": [null], \"customerName\": \"A\", \"phone\": \"03001234567\", \"address\": \"X\", "
                                + "\"paymentMethod\": \"CASH_ON_DELIVERY\"}"));
        APIGatewayProxyResponseEvent badCursor =
                call(alphaFn, ProxyEvents.json("GET", "/s/alpha/api/products?after=%23x", null));
        APIGatewayProxyResponseEvent noProduct = call(alphaFn, form("/s/alpha/cart", "quantity=1"));
        assertThat(nullLine.getStatusCode()).as(nullLine.getBody()).isEqualTo(400);
        assertThat(badCursor.getStatusCode()).as(badCursor.getBody()).isEqualTo(400);
        assertThat(noProduct.getStatusCode()).isEqualTo(400);
        assertThat(noProduct.getBody()).contains("choose a product");
    }

    @Test
    void anOversizedForm_is413() {
        APIGatewayProxyResponseEvent response = call(alphaFn, form("/s/alpha/cart", "name=" + "x".repeat(70_000)));
        assertThat(response.getStatusCode()).isEqualTo(413);
    }

    @Test
    void api_answersProblemJson_forMalformedAndInvalidOrders() {
        APIGatewayProxyResponseEvent malformed =
                call(alphaFn, ProxyEvents.json("POST", "/s/alpha/api/orders", "{\"lines\": ["));
        APIGatewayProxyResponseEvent empty = call(
                alphaFn,
                ProxyEvents.json(
                        "POST",
                        "/s/alpha/api/orders",
                        "{\"lines\": [], \"customerName\": \"A\", \"phone\": \"03001234567\", \"address\": \"X\", \"paymentMethod\": \"CASH_ON_DELIVERY\"}"));
        APIGatewayProxyResponseEvent unknown = call(
                alphaFn,
                ProxyEvents.json(
                        "POST",
                        "/s/alpha/api/orders",
                        "{\"lines\": [{\"productId\": \"zzzzzzzzzzzzzzzz\", \"quantity\": 1}], \"customerName\": \"A\", "
                                + "\"phone\": \"03001234567\", \"address\": \"X\", \"paymentMethod\": \"CASH_ON_DELIVERY\"}"));
        for (APIGatewayProxyResponseEvent r : new APIGatewayProxyResponseEvent[] {malformed, empty, unknown}) {
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
            assertThat(header(r, "Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(r.getBody())
                    .contains("\"status\":400")
                    .doesNotContain("Exception")
                    .doesNotContain("at io.");
        }
    }

    @Test
    void jsonApi_askedForHtml_answersNotAcceptable_notAServerError() {
        APIGatewayProxyResponseEvent response = call(alphaFn, get("/s/alpha/api/products"));
        assertThat(response.getStatusCode()).isEqualTo(406);
        assertThat(header(response, "Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void eventsMicronautCannotParse_areAnswered400_notACrash() {
        APIGatewayProxyRequestEvent nul = get("/s/alpha/");
        Map<String, String> headers = new HashMap<>(nul.getHeaders());
        headers.put("X-Nul", "a\u0000b");
        nul.withHeaders(headers).withMultiValueHeaders(null);
        APIGatewayProxyRequestEvent nulQuery = get("/s/alpha/?after=a%00");
        nulQuery.withQueryStringParameters(Map.of("after", "a\u0000")).withMultiValueQueryStringParameters(null);
        for (APIGatewayProxyRequestEvent event : List.of(
                nul,
                nulQuery,
                get("//"),
                get("//.//"),
                get("/s/alpha/\u0434\u0443\u043a\u0430\u043d"),
                get("/s/alpha/a b"),
                get("/s/alpha/<x>"))) {
            APIGatewayProxyResponseEvent response = call(alphaFn, event);
            assertThat(response.getStatusCode()).as(event.getPath()).isEqualTo(400);
            assertThat(header(response, "Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        assertThat(call(alphaFn, get("/s/alpha/")).getStatusCode()).isEqualTo(200);
    }

    @Test
    void unknownPage_isAnHtmlNotFoundPage_notAStackTrace() {
        APIGatewayProxyResponseEvent response = call(alphaFn, get("/s/alpha/no/such/page"));
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(header(response, "Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.getBody()).contains("Not found").doesNotContain("Exception");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1).replace("\\u0026", "&");
    }
}
