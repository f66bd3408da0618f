package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dukan.local.client.Forms;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Discount codes in the store's JSON API (POST /s/{store}/api/orders) over real HTTP through the local cloud (API
 * gateway, router, the store's own function, DynamoDB Local): the owner makes codes on the admin's pages, an
 * integration places orders with them; every refusal is a problem+json that says why, and writes nothing; a code
 * with one use left is used once by 20 racing orders (its use is counted in the order's own transaction).
 */
class DiscountApiIT {

    static final String CSRF = "discountapicsrftokendiscou";
    static final String PASSWORD = "dried mulberries from Hunza";
    static final String SLUG = "dapi";

    static LocalCloud cloud;
    static HttpClient http;
    static Forms forms;
    static String owner;
    static String product;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("dukan.project.root", "../.."))
                .toAbsolutePath()
                .normalize();
        cloud = LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(root)
                .dataDir(Files.createTempDirectory("dukan-discount-api"))
                .port(0)
                .inMemoryDynamoDb(true));
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        forms = new Forms(http, cloud.baseUrl(), CSRF);
        signup(SLUG, "Discount Tea", "owner@dapi.example");
        signup("dother", "Other Tea", "owner@dother.example");
        owner = signIn(SLUG, "owner@dapi.example");
        String other = signIn("dother", "owner@dother.example");

        HttpResponse<String> saved = postForm(
                "/s/" + SLUG + "/admin/products",
                Map.of("name", "Green tea 250g", "price", "1000", "stock", "100"),
                owner);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        product = match(saved.headers().firstValue("Location").orElseThrow(), "#product-([a-z2-7]{16})");

        createCode(owner, SLUG, Map.of("code", "TEN", "kind", "PERCENTAGE", "value", "10"));
        createCode(
                owner,
                SLUG,
                Map.of(
                        "code", "OLD",
                        "kind", "PERCENTAGE",
                        "value", "10",
                        "startsAt", "2020-01-01T00:00",
                        "endsAt", "2020-01-02T00:00"));
        createCode(owner, SLUG, Map.of("code", "RESTING", "kind", "PERCENTAGE", "value", "10"));
        assertThat(postForm("/s/" + SLUG + "/admin/discounts/RESTING/pause", Map.of(), owner)
                        .statusCode())
                .isEqualTo(303);
        createCode(owner, SLUG, Map.of("code", "BIG", "kind", "PERCENTAGE", "value", "20", "minimum", "5000"));
        createCode(owner, SLUG, Map.of("code", "ONCE", "kind", "FIXED_AMOUNT", "value", "100", "usageLimit", "1"));
        createCode(owner, SLUG, Map.of("code", "RACE", "kind", "FIXED_AMOUNT", "value", "50", "usageLimit", "1"));
        createCode(other, "dother", Map.of("code", "THEIRS", "kind", "PERCENTAGE", "value", "50"));
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void aCode_isAppliedToAnApiOrder_theSameAsAtTheCheckout_andShownOnTheOrder() throws Exception {
        HttpResponse<String> placed = order("ten", 2, "+92 300 1111111");

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        JsonNode order = EchoHandler.JSON.readTree(placed.body());
        assertThat(order.get("discount").get("code").asText()).isEqualTo("TEN");
        assertThat(order.get("discount").get("amount").get("minor").asLong()).isEqualTo(20_000); // 10% of 2,000
        assertThat(order.get("discount").get("freeDelivery").asBoolean()).isFalse();
        long subtotal = order.get("subtotal").get("minor").asLong();
        long shipping = order.get("shipping").get("minor").asLong();
        assertThat(subtotal).isEqualTo(200_000);
        assertThat(order.get("total").get("minor").asLong()).isEqualTo(subtotal + shipping - 20_000);

        String code = order.get("code").asText();
        JsonNode again = EchoHandler.JSON.readTree(
                getJson("/s/" + SLUG + "/api/orders/" + code).body());
        assertThat(again.get("discount").get("code").asText()).isEqualTo("TEN");
        assertThat(get("/s/" + SLUG + "/admin/orders/" + code, owner).body()).contains("TEN");

        HttpResponse<String> without = order(null, 1, "+92 300 1111112");
        assertThat(without.statusCode()).as(without.body()).isEqualTo(201);
        JsonNode plain = EchoHandler.JSON.readTree(without.body());
        assertThat(!plain.has("discount") || plain.get("discount").isNull()).isTrue();
        assertThat(plain.get("total").get("minor").asLong())
                .isEqualTo(plain.get("subtotal").get("minor").asLong()
                        + plain.get("shipping").get("minor").asLong());
    }

    @Test
    void codesThatCannotBeUsed_areProblems_thatSayWhy_andNothingIsWritten() throws Exception {
        record Case(String code, int quantity, String type, String detail) {}
        List<Case> cases = List.of(
                new Case("old", 1, "discount-expired", "this discount code has expired"),
                new Case("RESTING", 1, "discount-paused", "this discount code is not active at the moment"),
                new Case("big", 1, "discount-below-minimum", "needs an order of at least PKR 5,000.00"),
                new Case("THEIRS", 1, "discount-unknown", "this discount code does not exist"),
                new Case("NOSUCH", 1, "discount-unknown", "this discount code does not exist"));
        int stockBefore = stock();
        long ordersBefore = ownersOrders();
        for (Case c : cases) {
            HttpResponse<String> refused = order(c.code(), c.quantity(), "+92 300 2222222");

            assertThat(refused.statusCode())
                    .as(c.code() + ": " + refused.body())
                    .isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = EchoHandler.JSON.readTree(refused.body());
            assertThat(problem.get("type").asText()).as(c.code()).isEqualTo("urn:dukan:problem:" + c.type());
            assertThat(problem.get("detail").asText())
                    .as(c.code())
                    .contains(c.detail())
                    .contains("nothing was ordered");
            assertThat(problem.get("field").asText()).isEqualTo("discountCode");
        }
        assertThat(stock()).as("no order took stock").isEqualTo(stockBefore);
        assertThat(ownersOrders()).as("no order on the owner's list").isEqualTo(ordersBefore);

        // the same order at the minimum is accepted with the code
        HttpResponse<String> enough = order("BIG", 5, "+92 300 2222223");
        assertThat(enough.statusCode()).as(enough.body()).isEqualTo(201);
        assertThat(EchoHandler.JSON
                        .readTree(enough.body())
                        .get("discount")
                        .get("amount")
                        .get("minor")
                        .asLong())
                .isEqualTo(100_000); // 20% of 5,000
    }

    @Test
    void aCodeUsedUp_refusesTheNextOrder() throws Exception {
        HttpResponse<String> first = order("once", 1, "+92 300 3333331");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        int stockAfterFirst = stock();

        HttpResponse<String> second = order("once", 1, "+92 300 3333332");

        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(EchoHandler.JSON.readTree(second.body()).get("type").asText())
                .isEqualTo("urn:dukan:problem:discount-used-up");
        assertThat(second.body()).contains("this discount code has been used up");
        assertThat(stock()).isEqualTo(stockAfterFirst);
    }

    @Test
    void twentyRacingApiOrders_onACodeWithOneUseLeft_makeExactlyOneDiscountedOrder() throws Exception {
        int stockBefore = stock();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> tries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String phone = "+92 300 44444" + (10 + i);
                tries.add(pool.submit(() -> order("race", 1, phone)));
            }
            for (Future<HttpResponse<String>> f : tries) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }

        List<HttpResponse<String>> placed =
                answers.stream().filter(a -> a.statusCode() == 201).toList();
        assertThat(placed).hasSize(1);
        assertThat(EchoHandler.JSON
                        .readTree(placed.get(0).body())
                        .get("discount")
                        .get("amount")
                        .get("minor")
                        .asLong())
                .isEqualTo(5_000);
        assertThat(answers).filteredOn(a -> a.statusCode() != 201).hasSize(19).allSatisfy(a -> {
            assertThat(a.statusCode()).as(a.body()).isEqualTo(409);
            assertThat(a.body()).contains("urn:dukan:problem:discount-");
        });
        assertThat(stock()).isEqualTo(stockBefore - 1);
    }

    // --- plumbing ------------------------------------------------------------------------------------------------

    static HttpResponse<String> order(String discountCode, int quantity, String phone) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lines", List.of(Map.of("productId", product, "quantity", quantity)));
        body.put("customerName", "Amina Khan");
        body.put("phone", phone);
        body.put("address", "12 Mall Road");
        body.put("city", "Lahore");
        body.put("country", "PK");
        body.put("paymentMethod", "CASH_ON_DELIVERY");
        if (discountCode != null) {
            body.put("discountCode", discountCode);
        }
        return http.send(
                HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/s/" + SLUG + "/api/orders"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(EchoHandler.JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int stock() throws Exception {
        HttpResponse<String> p = getJson("/s/" + SLUG + "/api/products/" + product);
        assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
        return EchoHandler.JSON.readTree(p.body()).get("stock").asInt();
    }

    /** The orders on the owner's list (its first page: this test places fewer). */
    static long ownersOrders() throws Exception {
        HttpResponse<String> orders = get("/s/" + SLUG + "/admin/orders", owner);
        assertThat(orders.statusCode()).as(orders.body()).isEqualTo(200);
        return Pattern.compile("/admin/orders/[a-z2-7]{26}\"")
                .matcher(orders.body())
                .results()
                .count();
    }

    static void createCode(String cookie, String slug, Map<String, String> fields) throws Exception {
        HttpResponse<String> created = postForm("/s/" + slug + "/admin/discounts", fields, cookie);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    }

    static void signup(String slug, String name, String email) throws Exception {
        HttpResponse<String> sent = forms.signup(slug, name, email, PASSWORD);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        VerificationMail.verify(cloud.baseUrl(), email);
    }

    static String signIn(String slug, String email) throws Exception {
        return forms.signIn(slug, email, PASSWORD);
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        return forms.get(path, cookie);
    }

    static HttpResponse<String> getJson(String path) throws Exception {
        return forms.get(path, null, "application/json");
    }

    static HttpResponse<String> postForm(String path, Map<String, String> fields, String cookie) throws Exception {
        return forms.postForm(path, fields, cookie);
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in %s", regex, text).isTrue();
        return m.group(1);
    }
}
