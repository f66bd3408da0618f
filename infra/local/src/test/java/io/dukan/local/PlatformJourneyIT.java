package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole journey over real HTTP against the local cloud, as a new store's owner and its first shopper live it:
 * signup → sign in → product with an image uploaded to S3 by presigned PUT → guest order → the owner sees it with
 * the stock decreased → everything still there after a restart. Then what must not work: other stores' data,
 * overselling, bad input.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformJourneyIT {

    static final String PASSWORD = "dried apricots from Kashgar";
    /** The CSRF token a browser would hold after loading a form page: cookie and field carry the same value. */
    static final String CSRF = "journeycsrftokenjourneycsr";
    /** A real picture: the platform decodes every uploaded image to make its renditions. */
    static final byte[] IMAGE = io.dukan.aws.testing.TestImages.png(640, 480);

    /** Shoppers get a JPEG rendition made from the upload (320 px card, 960 px page), never the original. */
    static void assertRendition(byte[] body) throws java.io.IOException {
        java.awt.image.BufferedImage read = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(body));
        assertThat(read).isNotNull();
        assertThat(body[0]).isEqualTo((byte) 0xFF); // JPEG, not the PNG uploaded
        assertThat(read.getWidth()).isIn(320, 640); // the thumbnail, or the page size never enlarged past 640
    }

    static Path data;
    static LocalCloud cloud;
    static final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    // what the journey learns as it goes, for the later steps
    static String ownerCookie;
    static String productId;
    static String orderPath;
    static String imageUrl;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("dukan-journey");
        cloud = startCloud();
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    static LocalCloud startCloud() throws Exception {
        Path root = Path.of(System.getProperty("dukan.project.root", "../.."))
                .toAbsolutePath()
                .normalize();
        return LocalCloud.start(
                LocalCloud.Options.defaults().projectRoot(root).dataDir(data).port(0));
    }

    // --- the journey ---------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void ownerSignsUp_andTheStoreIsLiveAtItsAddress() throws Exception {
        HttpResponse<String> form = get("/signup", null);
        assertThat(form.statusCode()).isEqualTo(200);
        String key = match(form.body(), "name=\"idempotencyKey\" value=\"([^\"]+)\"");

        HttpResponse<String> created = postForm(
                "/signup",
                Map.of(
                        "idempotencyKey",
                        key,
                        "storeName",
                        "Kashgar Fruit",
                        "slug",
                        "kashgar-fruit",
                        "ownerEmail",
                        "owner@kashgar.example",
                        "password",
                        PASSWORD,
                        "currency",
                        "CNY",
                        "country",
                        "CN",
                        "language",
                        "zh"),
                null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(created.body()).contains("owner@kashgar.example").contains("Nothing is created until you do");
        assertThat(get("/stores/kashgar-fruit", null).statusCode())
                .as("nothing before the link")
                .isEqualTo(404);

        // the owner opens the mail in /_outbox, follows its link and presses the button
        String link = VerificationMail.linkFor(cloud.baseUrl(), "owner@kashgar.example");
        assertThat(link).startsWith(cloud.baseUrl() + "/signup?verify=");
        HttpResponse<String> opened = VerificationMail.follow(link);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location")).hasValue("/stores/kashgar-fruit");
        HttpResponse<String> used = get(link.substring(cloud.baseUrl().length()), null);
        assertThat(used.statusCode()).as("a link works once").isEqualTo(410);
        assertThat(used.body()).contains("This link does not work");

        HttpResponse<String> status = get("/stores/kashgar-fruit", null);
        assertThat(status.body()).contains("data-status=\"ACTIVE\"").contains("href=\"/s/kashgar-fruit/\"");

        HttpResponse<String> store = get("/s/kashgar-fruit/", null);
        assertThat(store.statusCode()).isEqualTo(200);
        assertThat(store.body()).contains("Kashgar Fruit").contains("暂无商品"); // the store chose Chinese (zh) at signup
    }

    @Test
    @Order(2)
    void ownerSignsIn_andAddsAProductWithAnImageUploadedStraightToS3() throws Exception {
        HttpResponse<String> login = postForm(
                "/s/kashgar-fruit/admin/login", Map.of("email", "owner@kashgar.example", "password", PASSWORD), null);
        assertThat(login.statusCode()).isEqualTo(303);
        ownerCookie = login.headers()
                .firstValue("Set-Cookie")
                .map(c -> c.substring(0, c.indexOf(';')))
                .orElseThrow();

        HttpResponse<String> grant = send(HttpRequest.newBuilder(uri("/s/kashgar-fruit/admin/uploads"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Cookie", ownerCookie + "; dukan_csrf=" + CSRF)
                .header("X-CSRF-Token", CSRF)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"contentType\":\"image/png\",\"contentLength\":" + IMAGE.length + "}")));
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        String uploadUrl = match(grant.body(), "\"url\":\"([^\"]+)\"").replace("\\u0026", "&");
        String key = match(grant.body(), "\"key\":\"([^\"]+)\"");
        assertThat(uploadUrl).startsWith(cloud.baseUrl() + "/_s3/").contains("X-Amz-Signature=");

        HttpResponse<String> put = http.send(
                HttpRequest.newBuilder(URI.create(uploadUrl))
                        .header("Content-Type", "image/png")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(IMAGE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);

        HttpResponse<String> saved = postForm(
                "/s/kashgar-fruit/admin/products",
                Map.of(
                        "name",
                        "Dried apricots 1 kg",
                        "description",
                        "Sun-dried in Kashgar",
                        "price",
                        "68.50",
                        "stock",
                        "5",
                        "imageKey",
                        key),
                ownerCookie);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

        String home = get("/s/kashgar-fruit/", null).body();
        productId = match(home, "/s/kashgar-fruit/products/([a-z2-7]{16})");
        imageUrl = match(home, "<img src=\"([^\"]+)\"").replace("&amp;", "&");
        assertThat(home).contains("Dried apricots 1 kg").contains("¥68.50"); // money in the zh store's locale
        HttpResponse<byte[]> image = http.send(
                HttpRequest.newBuilder(URI.create(imageUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertRendition(image.body());
        // from the CDN's stand-in, cacheable for good; the original and anything but GET/HEAD are refused there
        assertThat(imageUrl)
                .startsWith(cloud.mediaUrl() + "/" + key.replace(".png", "").replace(".jpg", ""))
                .endsWith("-320.jpg")
                .doesNotContain("X-Amz-");
        assertThat(image.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        HttpResponse<Void> head = http.send(
                HttpRequest.newBuilder(URI.create(imageUrl))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(image.body().length);
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(cloud.mediaUrl() + "/" + key))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .as("the original")
                .isEqualTo(403);
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(imageUrl))
                                        .PUT(HttpRequest.BodyPublishers.ofString("x"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .as("a PUT")
                .isEqualTo(403);
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(imageUrl.replace("-320.jpg", "-960.jpg")
                                                .replaceFirst("/media/[a-z2-7]{16}", "/media/aaaaaaaaaaaaaaaa")))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .as("a rendition that does not exist")
                .isEqualTo(403);
    }

    @Test
    @Order(3)
    void shopperOrdersAsAGuest_withCashOnDelivery_andGetsAnOrderNumber() throws Exception {
        HttpResponse<String> product = get("/s/kashgar-fruit/products/" + productId, null);
        assertThat(product.body())
                .contains("Sun-dried in Kashgar")
                .contains("库存 5 件")
                .contains("加入购物车");

        orderPath = checkout(
                PlatformJourneyIT::postForm,
                PlatformJourneyIT::get,
                "kashgar-fruit",
                productId,
                2,
                Map.of(
                        "name",
                        "Aygul",
                        "phone",
                        "+86 138 0000 0000",
                        "line1",
                        "12 Bazaar Road, Kashgar",
                        "city",
                        "Kashgar",
                        "country",
                        "CN",
                        "paymentMethod",
                        "CASH_ON_DELIVERY"));

        HttpResponse<String> confirmation = get(orderPath, null);
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains("订单 #1001").contains("¥137.00").contains("Dried apricots 1 kg");
    }

    @Test
    @Order(4)
    void ownerSeesTheOrder_andTheStockDecreased() throws Exception {
        String admin = get("/s/kashgar-fruit/admin", ownerCookie).body();
        assertThat(admin).contains("#1001").contains("Aygul").contains("¥137.00"); // the admin in zh-CN
        assertThat(admin).containsPattern("data-product-id=\"" + productId + "\">.*?<td class=\"stock\">3</td>");
        String orderCode = orderPath.substring(orderPath.lastIndexOf('/') + 1);
        assertThat(get("/s/kashgar-fruit/admin/orders/" + orderCode, ownerCookie)
                        .body())
                .contains("12 Bazaar Road, Kashgar")
                .contains("+86 138 0000 0000");
    }

    @Test
    @Order(4)
    void theOwnersFigures_countTheOrder_withinTwoSeconds_fedFromTheTablesStream() throws Exception {
        long start = System.nanoTime();
        String admin = get("/s/kashgar-fruit/admin", ownerCookie).body();
        while (!admin.contains("id=\"figures-today\"><span class=\"muted\">今天</span><b>¥137.00</b>")
                && System.nanoTime() - start < 2_000_000_000L) {
            Thread.sleep(100);
            admin = get("/s/kashgar-fruit/admin", ownerCookie).body();
        }
        assertThat(admin)
                .contains("id=\"figures-today\"><span class=\"muted\">今天</span><b>¥137.00</b><span>1 个订单</span>")
                .containsPattern(
                        "id=\"figures-cod\"[^>]*><span class=\"muted\">[^<]*</span><b>1</b><span>¥137.00</span>")
                .contains("Dried apricots 1 kg");
        assertThat(cloud.streamRecordsDelivered()).isPositive();
    }

    @Test
    @Order(5)
    void theStoreIsAlsoServedAtItsOwnHost() throws Exception {
        RawHttp.Response response = RawHttp.get(port(), "kashgar-fruit.localhost:" + port(), "/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("Dried apricots 1 kg").contains("href=\"/products/" + productId + "\"");
    }

    // --- what must not work --------------------------------------------------------------------------------------

    @Test
    @Order(6)
    void aNewStore_isLiveWithinASecondOfItsSignup_throughTheQueueAndTheWorker_withNoDeployment() throws Exception {
        HttpResponse<String> signup = send(HttpRequest.newBuilder(uri("/api/stores"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "multan-mangoes-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"storeName\":\"Multan Mangoes\",\"slug\":"
                        + "\"multan-mangoes\",\"ownerEmail\":\"owner@multan.example\",\"password\":"
                        + "\"sindhri and chaunsa\",\"currency\":\"PKR\",\"country\":\"PK\",\"language\":\"ur\"}")));
        // nothing is built before the owner's e-mail is confirmed
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);
        assertThat(cloud.fleet().routes()).doesNotContainKey("multan-mangoes");

        // the confirmation claims the slug and queues the store; the worker runs the saga while the page waits
        long start = System.nanoTime();
        VerificationMail.verify(cloud.baseUrl(), "owner@multan.example");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(getJson("/api/stores/multan-mangoes").body()).contains("\"status\":\"ACTIVE\"");
        // measured 0.5 to 0.85 s here (bcrypt included) on a shared 2-core machine; the bound leaves room for load
        assertThat(millis).as("confirmation to ACTIVE, in ms").isLessThan(1500);
        // one routing entry, read by the gateway as the router reads it: the store answers at once
        assertThat(cloud.fleet().routes()).containsKey("multan-mangoes");
        assertThat(get("/s/multan-mangoes/", null).statusCode()).isEqualTo(200);
        assertThat(cloud.queues()).singleElement().satisfies(queue -> {
            assertThat(queue.logicalId()).isEqualTo("ProvisioningQueue");
            assertThat(queue.deadLetters()).isEmpty();
        });
    }

    @Test
    @Order(6)
    void anotherStore_withTheFirstStoresIdsCodesAndSession_getsNotFoundOrLogin_neverItsData() throws Exception {
        HttpResponse<String> other = send(HttpRequest.newBuilder(uri("/api/stores"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "other-store-0001")
                .POST(HttpRequest.BodyPublishers.ofString("{\"storeName\":\"Sialkot Balls\",\"slug\":\"sialkot-balls\","
                        + "\"ownerEmail\":\"owner@sialkot.example\",\"password\":\"footballs stitched by hand\","
                        + "\"currency\":\"PKR\",\"country\":\"PK\",\"language\":\"ur\"}")));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(202);
        VerificationMail.verify(cloud.baseUrl(), "owner@sialkot.example");
        String orderCode = orderPath.substring(orderPath.lastIndexOf('/') + 1);

        Map<String, HttpResponse<String>> attempts = Map.of(
                "product page", get("/s/sialkot-balls/products/" + productId, null),
                "order page", get("/s/sialkot-balls/orders/" + orderCode, null),
                "admin order with A's session", get("/s/sialkot-balls/admin/orders/" + orderCode, ownerCookie),
                "admin with A's session", get("/s/sialkot-balls/admin", ownerCookie),
                "API product", getJson("/s/sialkot-balls/api/products/" + productId),
                "API order", getJson("/s/sialkot-balls/api/orders/" + orderCode),
                "order A's product in B",
                        postForm("/s/sialkot-balls/cart", Map.of("productId", productId, "quantity", "1"), null));
        Map<String, Integer> expected = Map.of(
                "product page",
                404,
                "order page",
                404,
                "admin order with A's session",
                303,
                "admin with A's session",
                303,
                "API product",
                404,
                "API order",
                404,
                "order A's product in B",
                404);
        attempts.forEach((what, response) -> {
            assertThat(response.statusCode()).as(what).isEqualTo(expected.get(what));
            assertThat(response.body())
                    .as(what)
                    .doesNotContain("Aygul")
                    .doesNotContain("Bazaar Road")
                    .doesNotContain("Dried apricots");
        });
        assertThat(attempts.get("admin with A's session").headers().firstValue("Location"))
                .hasValue("/s/sialkot-balls/admin/login");
        assertThat(get("/s/sialkot-balls/", null).body()).doesNotContain("Dried apricots");
        assertThat(get("/s/kashgar-fruit/products/" + productId, null).body()).contains("库存 3 件");
    }

    @Test
    @Order(7)
    void anOrderForMoreThanTheStock_isRefused_andTheStockIsUnchanged() throws Exception {
        HttpResponse<String> refused =
                postForm("/s/kashgar-fruit/cart", Map.of("productId", productId, "quantity", "4"), null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("部分商品已没有这么多库存"); // the refusal in the store's language (zh)
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("dukan_cart="));
        assertThat(get("/s/kashgar-fruit/admin", ownerCookie).body()).doesNotContain("#1002");
        assertThat(get("/s/kashgar-fruit/products/" + productId, null).body()).contains("库存 3 件");
    }

    @Test
    @Order(8)
    void badInput_getsClearErrors_neverAStackTrace() throws Exception {
        HttpResponse<String> unknownStore = get("/s/no-such-store/", null);
        assertThat(unknownStore.statusCode()).isEqualTo(404);
        assertThat(unknownStore.body()).contains("There is no store at this address");

        HttpResponse<String> malformed = send(HttpRequest.newBuilder(uri("/api/stores"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"slug\": ")));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        HttpResponse<String> taken = postForm(
                "/signup",
                Map.of(
                        "storeName",
                        "Copycat",
                        "slug",
                        "kashgar-fruit",
                        "ownerEmail",
                        "copy@example.com",
                        "password",
                        "0123456789abc",
                        "currency",
                        "CNY",
                        "country",
                        "CN",
                        "language",
                        "zh"),
                null);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("already taken");

        HttpResponse<String> wrongPassword = postForm(
                "/s/kashgar-fruit/admin/login",
                Map.of("email", "owner@kashgar.example", "password", "not the password"),
                null);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("Set-Cookie")).isEmpty();

        for (HttpResponse<String> r : java.util.List.of(unknownStore, malformed, taken, wrongPassword)) {
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    @Order(9)
    void afterARestart_storesProductsImagesAndOrdersAreStillThere() throws Exception {
        cloud.close();
        cloud = startCloud();

        assertThat(get("/s/kashgar-fruit/", null).body()).contains("Dried apricots 1 kg");
        assertThat(get(orderPath, null).body()).contains("订单 #1001");
        String home = get("/s/kashgar-fruit/", null).body();
        String freshImageUrl = match(home, "<img src=\"([^\"]+)\"").replace("&amp;", "&");
        HttpResponse<byte[]> image = http.send(
                HttpRequest.newBuilder(URI.create(freshImageUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertRendition(image.body());
        HttpResponse<String> login = postForm(
                "/s/kashgar-fruit/admin/login", Map.of("email", "owner@kashgar.example", "password", PASSWORD), null);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(get("/s/sialkot-balls/", null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(10)
    void fiftyShoppersCheckingOutAtOnce_forStockOfTen_getExactlyTenOrders_andNobodyIsOversold() throws Exception {
        HttpResponse<String> saved = postForm(
                "/s/kashgar-fruit/admin/products",
                Map.of("name", "Last raisins", "price", "10", "stock", "10"),
                ownerCookie);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        String raisins = match(
                get("/s/kashgar-fruit/", null).body(),
                "/s/kashgar-fruit/products/([a-z2-7]{16})\">(?:(?!</a>).)*Last raisins");
        int ordersBefore = orderNumbers().size();

        // every shopper fills a cart and opens the checkout first, each with their own cart cookie ...
        java.util.List<String[]> shoppers = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> added =
                    postForm("/s/kashgar-fruit/cart", Map.of("productId", raisins, "quantity", "1"), null);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
            String cart = added.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("dukan_cart="))
                    .findFirst()
                    .orElseThrow();
            cart = cart.substring(0, cart.indexOf(';'));
            shoppers.add(new String[] {
                cart,
                match(get("/s/kashgar-fruit/checkout", cart).body(), "name=\"checkoutToken\" value=\"([a-z2-7]{26})\"")
            });
        }
        // ... then all fifty press "Place order" at the same moment
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<HttpResponse<String>>> results = new java.util.ArrayList<>();
        for (String[] shopper : shoppers) {
            results.add(pool.submit(() -> {
                go.await();
                return postForm(
                        "/s/kashgar-fruit/checkout/place",
                        Map.of(
                                "checkoutToken",
                                shopper[1],
                                "name",
                                "Buyer",
                                "phone",
                                "+86 138 0000 0000",
                                "line1",
                                "1 Bazaar Road",
                                "city",
                                "Kashgar",
                                "country",
                                "CN",
                                "paymentMethod",
                                "CASH_ON_DELIVERY"),
                        shopper[0]);
            }));
        }
        go.countDown();
        int placed = 0;
        int soldOut = 0;
        for (java.util.concurrent.Future<HttpResponse<String>> f : results) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() == 303) {
                placed++;
            } else {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
                assertThat(r.body()).contains("部分商品已没有这么多库存");
                soldOut++;
            }
        }
        pool.shutdown();

        assertThat(placed).isEqualTo(10);
        assertThat(soldOut).isEqualTo(40);
        assertThat(orderNumbers()).hasSize(ordersBefore + 10).doesNotHaveDuplicates();
        assertThat(get("/s/kashgar-fruit/admin", ownerCookie).body())
                .containsPattern("data-product-id=\"" + raisins + "\">.*?<td class=\"stock\">0</td>");
    }

    @Test
    @Order(11)
    void aProductPage_isGzippedForABrowserThatAcceptsIt_asApiGatewayDoesWithTheTemplatesMinimumCompressionSize()
            throws Exception {
        String path = "/s/kashgar-fruit/products/" + productId;
        HttpResponse<byte[]> plain = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", "text/html")
                        .header("Cookie", "dukan_csrf=" + CSRF)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzipped = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", "text/html")
                        .header("Accept-Encoding", "br, gzip;q=0.8")
                        .header("Cookie", "dukan_csrf=" + CSRF)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().allValues("Vary"))
                .anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        assertThat(plain.headers().allValues("Vary"))
                .anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        byte[] unzipped;
        try (java.util.zip.GZIPInputStream in =
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            unzipped = in.readAllBytes();
        }
        assertThat(new String(unzipped, StandardCharsets.UTF_8))
                .isEqualTo(new String(plain.body(), StandardCharsets.UTF_8))
                .contains("Dried apricots 1 kg");
        assertThat(gzipped.headers().firstValueAsLong("Content-Length")).hasValue(gzipped.body().length);
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
        System.out.printf("product page: %d bytes, gzipped %d bytes%n", plain.body().length, gzipped.body().length);

        HttpResponse<byte[]> refused = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", "text/html")
                        .header("Accept-Encoding", "gzip;q=0, identity")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    }

    /** The order numbers the owner's dashboard lists (its 50 most recent). */
    static java.util.List<String> orderNumbers() throws Exception {
        return Pattern.compile("/admin/orders/[a-z2-7]{26}\">(#\\d+)<")
                .matcher(get("/s/kashgar-fruit/admin", ownerCookie).body())
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    // --- plumbing ------------------------------------------------------------------------------------------------

    interface FormPoster {
        HttpResponse<String> post(String path, Map<String, String> fields, String cookie) throws Exception;
    }

    interface Getter {
        HttpResponse<String> get(String path, String cookie) throws Exception;
    }

    /**
     * A shopper of their own (own cart cookie): adds the product to a new cart, opens the checkout for its one-time
     * token, places the order with {@code details}; returns the order page's path.
     */
    static String checkout(
            FormPoster post, Getter get, String slug, String productId, int quantity, Map<String, String> details)
            throws Exception {
        HttpResponse<String> placed = tryCheckout(post, get, slug, productId, quantity, details);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(303);
        return placed.headers().firstValue("Location").orElseThrow();
    }

    /** As {@link #checkout}, answering the place request's response whatever it is. */
    static HttpResponse<String> tryCheckout(
            FormPoster post, Getter get, String slug, String productId, int quantity, Map<String, String> details)
            throws Exception {
        HttpResponse<String> added = post.post(
                "/s/" + slug + "/cart", Map.of("productId", productId, "quantity", Integer.toString(quantity)), null);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        String cart = added.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("dukan_cart="))
                .findFirst()
                .orElseThrow();
        cart = cart.substring(0, cart.indexOf(';'));
        String form = get.get("/s/" + slug + "/checkout", cart).body();
        Matcher token = Pattern.compile("name=\"checkoutToken\" value=\"([a-z2-7]{26})\"")
                .matcher(form);
        assertThat(token.find()).as(form).isTrue();
        Map<String, String> fields = new java.util.HashMap<>(details);
        fields.put("checkoutToken", token.group(1));
        return post.post("/s/" + slug + "/checkout/place", fields, cart);
    }

    static int port() {
        return URI.create(cloud.baseUrl()).getPort();
    }

    static URI uri(String path) {
        return URI.create(cloud.baseUrl() + path);
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.GET());
    }

    static HttpResponse<String> getJson(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .GET());
    }

    static HttpResponse<String> postForm(String path, Map<String, String> fields, String cookie) throws Exception {
        String body = fields.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))
                + "&_csrf=" + CSRF;
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .header("Cookie", (cookie == null ? "" : cookie + "; ") + "dukan_csrf=" + CSRF)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in %s", regex, text).isTrue();
        return m.group(1);
    }
}
