package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.local.client.Forms;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Offboarding end to end over real HTTP in the local cloud: a store with products (variants, stock, collections, an
 * image), an order, a customer, staff and sessions → its owner closes it from the admin (only the owner, with the
 * address typed and the password, behind CSRF) → the fleet worker exports and deletes → nothing of the store is left
 * in DynamoDB Local under any key prefix the code writes, nor in s3mock (but the export) → the archive, downloaded
 * by the link mailed to the owner, holds what it should, and its products.csv imported into a new store through the
 * admin's import reproduces the catalog → after the grace period the address is free and the archive gone.
 */
class OffboardingJourneyIT {

    static final String CSRF = "offboardjourneycsrftokenof";
    static final String OWNER_PASSWORD = "green tea from Swat valley";
    static final String STAFF_PASSWORD = "black tea from Sylhet hills";
    static final byte[] IMAGE = io.dukan.aws.testing.TestImages.png(400, 300);
    static final Path KEYS = Path.of("functions/aws/src/main/java/io/dukan/aws/dynamodb/Keys.java");

    /**
     * The partition-key kinds of a store's items ("{tenantId}#KIND…") as the code's one key builder writes them. The
     * test reads Keys.java and fails when it writes a kind this list lacks: a new kind of item must be added here,
     * and so be proven deleted.
     */
    static final Set<String> KNOWN_KINDS = Set.of(
            "STORE",
            "USER",
            "LOGINFAIL",
            "SESSION",
            "USERSESSIONS",
            "TEAM",
            "TOKEN",
            "RESETREQ",
            "OUTBOX",
            "AUDIT",
            "CATALOG",
            "PSTATUS",
            "PCOLL",
            "PWORD",
            "SKU",
            "ORDERS",
            "ORDERCODE",
            "PAYEVENT",
            "CART",
            "CHECKOUT",
            "DISCOUNTS",
            "DISCOUNTUSE",
            "INSIGHT",
            "PAYATTEMPT");

    static final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static Forms forms;
    static LocalCloud cloud;
    static Path root;
    static DynamoDbClient dynamo;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        // a closed store's address is kept 2 s here (30 days by default); read by the fleet worker's context
        System.setProperty("dukan.offboarding.grace-period", "2s");
        root = Path.of(System.getProperty("dukan.project.root", "../.."))
                .toAbsolutePath()
                .normalize();
        cloud = LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(root)
                .dataDir(Files.createTempDirectory("dukan-offboarding"))
                .port(0)
                .inMemoryDynamoDb(true));
        forms = new Forms(http, cloud.baseUrl(), CSRF);
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(cloud.dynamoEndpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        s3 = S3Client.builder()
                .endpointOverride(URI.create(cloud.s3Endpoint()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
    }

    @AfterAll
    static void stop() {
        System.clearProperty("dukan.offboarding.grace-period");
        if (dynamo != null) {
            dynamo.close();
            s3.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void theKindsOfKeysTheTestKnows_areExactlyTheOnesTheCodeWrites() throws Exception {
        assertThat(kindsInKeysJava()).containsExactlyInAnyOrderElementsOf(KNOWN_KINDS);
    }

    @Test
    void anOwnerClosesTheStore_theExportImportsIntoANewStore_andNothingOfTheStoreIsLeft() throws Exception {
        // --- a store with everything a store has -----------------------------------------------------------
        signup("swat-tea", "Swat Tea", "owner@swat.example", OWNER_PASSWORD);
        String owner = signIn("swat-tea", "owner@swat.example", OWNER_PASSWORD);
        String tenant = cloud.fleet().routes().get("swat-tea");
        assertThat(tenant).isNotNull();

        String csv = "Handle,Title,Description,Status,Option1 Name,Option1 Value,SKU,Price,Compare At Price,Stock,"
                + "Tags,Collections\r\n"
                + "green-tea,Green tea,Fresh leaves from Swat,active,Size,100 g,GT-100,250,,12,green,Teas\r\n"
                + "green-tea,,,,,250 g,GT-250,550,600,4,,\r\n"
                + "black-tea,Black tea,\"Strong, malty\",active,,,BT-1,300,,7,,Teas; Gifts\r\n"
                + "tea-pot,Clay tea pot,,draft,,,POT-1,1800,,2,,Gifts\r\n";
        HttpResponse<String> imported = postForm("/s/swat-tea/admin/catalog/import", Map.of("csv", csv), owner);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        String imageKey = uploadImage("swat-tea", owner);
        HttpResponse<String> withImage = postForm(
                "/s/swat-tea/admin/products",
                Map.of(
                        "name",
                        "Tea cups",
                        "description",
                        "Set of six",
                        "price",
                        "950",
                        "stock",
                        "3",
                        "imageKey",
                        imageKey),
                owner);
        assertThat(withImage.statusCode()).as(withImage.body()).isEqualTo(303);

        String home = get("/s/swat-tea/", null).body();
        String blackTea = productIdNamed(home, "Black tea");
        String orderPath = PlatformJourneyIT.checkout(
                OffboardingJourneyIT::postForm,
                OffboardingJourneyIT::get,
                "swat-tea",
                blackTea,
                2,
                Map.of(
                        "name", "Gul Bano",
                        "phone", "+92 300 1234567",
                        "email", "gul@customer.example",
                        "line1", "Mingora Bazaar 4",
                        "city", "Swat",
                        "country", "PK",
                        "paymentMethod", "CASH_ON_DELIVERY"));
        assertThat(get(orderPath, null).statusCode()).isEqualTo(200);
        String staff = inviteStaff("swat-tea", owner, "amina@swat.example");
        // a shopper who filled a cart and left
        assertThat(postForm("/s/swat-tea/cart", Map.of("productId", blackTea, "quantity", "1"), null)
                        .statusCode())
                .isEqualTo(303);
        postForm("/s/swat-tea/admin/login", Map.of("email", "nobody@swat.example", "password", "wrong wrong"), null);
        String catalogBefore =
                get("/s/swat-tea/admin/catalog/export.csv", owner).body();
        assertThat(catalogBefore).contains("Green tea", "GT-250", "550.00", "Teas; Gifts");

        // every kind of item the store has is one the test knows
        Set<String> kinds = kindsInTable(tenant);
        assertThat(KNOWN_KINDS).containsAll(kinds);
        assertThat(kinds)
                .contains("STORE", "USER", "SESSION", "USERSESSIONS", "TEAM", "CATALOG", "PSTATUS", "PCOLL", "PWORD")
                .contains("SKU", "ORDERS", "ORDERCODE", "CART", "CHECKOUT", "AUDIT", "OUTBOX", "LOGINFAIL");
        assertThat(objects("tenants/" + tenant + "/")).isNotEmpty();

        // --- who may close it, and how ------------------------------------------------------------------------
        assertThat(get("/s/swat-tea/admin/settings", owner).body()).contains("/admin/settings/close");
        assertThat(get("/s/swat-tea/admin/settings/close", staff).statusCode()).isEqualTo(403);
        Map<String, String> confirm = Map.of("confirmSlug", "swat-tea", "password", OWNER_PASSWORD);
        assertThat(postForm("/s/swat-tea/admin/settings/close", confirm, staff).statusCode())
                .as("staff never")
                .isEqualTo(403);
        assertThat(postWithoutCsrf("/s/swat-tea/admin/settings/close", confirm, owner)
                        .statusCode())
                .as("no CSRF token")
                .isEqualTo(403);
        HttpResponse<String> wrongSlug = postForm(
                "/s/swat-tea/admin/settings/close",
                Map.of("confirmSlug", "swat-teas", "password", OWNER_PASSWORD),
                owner);
        assertThat(wrongSlug.statusCode()).isEqualTo(400);
        assertThat(wrongSlug.body()).contains("The address you typed is not this store's (swat-tea)");
        HttpResponse<String> wrongPassword = postForm(
                "/s/swat-tea/admin/settings/close",
                Map.of("confirmSlug", "swat-tea", "password", "not the password"),
                owner);
        assertThat(wrongPassword.statusCode()).isEqualTo(400);
        assertThat(wrongPassword.body()).contains("The password is wrong. Nothing was closed.");
        assertThat(item(tenant + "#STORE", "OFFBOARD_REQUEST"))
                .as("nothing started")
                .isEmpty();
        assertThat(get("/s/swat-tea/", null).statusCode()).isEqualTo(200);

        HttpResponse<String> closed = postForm("/s/swat-tea/admin/settings/close", confirm, owner);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(303);
        assertThat(closed.headers().firstValue("Location").orElseThrow()).endsWith("/stores/swat-tea/closing?lang=en");

        // --- the worker closes, exports and deletes -----------------------------------------------------------
        String page = awaitState("swat-tea", "DELETED");
        assertThat(page)
                .contains("Everything of the store is deleted")
                .contains("data-step=\"MEDIA\" data-done=\"yes\"");
        HttpResponse<String> shopper = get("/s/swat-tea/", null);
        assertThat(shopper.statusCode()).isEqualTo(410);
        assertThat(shopper.body()).contains("Swat Tea is closed");
        assertThat(cloud.fleet().functions()).doesNotContainKey(tenant);
        assertThat(cloud.fleet().isLive(tenant)).isFalse();

        // nothing of the store under any prefix, in the table or its indexes, nor in the bucket (but the export)
        assertThat(itemsWithPrefix(tenant + "#")).isEmpty();
        for (String kind : KNOWN_KINDS) {
            assertThat(itemsWithPrefix(tenant + "#" + kind)).as(kind).isEmpty();
        }
        for (String index : List.of("payInbox", "shipInbox", "payDue")) {
            assertThat(dynamo.scan(r -> r.tableName("dukantable").indexName(index))
                            .items())
                    .as(index)
                    .noneMatch(i -> i.values().stream().anyMatch(v -> v.s() != null && v.s().startsWith(tenant)));
        }
        assertThat(objects("tenants/" + tenant + "/")).isEmpty();
        assertThat(objects("exports/" + tenant + "/")).containsExactly("exports/" + tenant + "/swat-tea-export.zip");

        // --- the archive, by the link mailed to the owner -------------------------------------------------------
        String link = exportLink("owner@swat.example");
        assertThat(link).contains("X-Amz-Expires=86400");
        HttpResponse<byte[]> download =
                http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        Map<String, byte[]> archive = unzip(download.body());
        assertThat(archive.keySet())
                .contains(
                        "products.csv",
                        "product-images.csv",
                        "collections.csv",
                        "orders.csv",
                        "customers.csv",
                        "settings.json",
                        "media/" + imageKey.substring(imageKey.lastIndexOf('/') + 1));
        assertThat(archive.keySet()).noneMatch(name -> name.matches("media/.*-(320|960)\\.jpg"));
        assertThat(archive.get("media/" + imageKey.substring(imageKey.lastIndexOf('/') + 1)))
                .isEqualTo(IMAGE);
        assertThat(text(archive, "orders.csv"))
                .contains("#1001", "Gul Bano", "gul@customer.example", "Black tea", "600.00");
        assertThat(text(archive, "customers.csv"))
                .contains("Gul Bano,gul@customer.example,\"'+92 300 1234567\",1,600.00,PKR,"); // a leading + quoted
        assertThat(text(archive, "collections.csv")).contains("Teas").contains("Gifts");
        assertThat(text(archive, "settings.json")).contains("\"name\": \"Swat Tea\"");
        assertThat(text(archive, "product-images.csv"))
                .contains("tea-cups,media/" + imageKey.substring(imageKey.lastIndexOf('/') + 1));

        // --- its products.csv imported into a new store reproduces the catalog -------------------------------
        signup("swat-tea-two", "Swat Tea Two", "owner@swat2.example", OWNER_PASSWORD);
        String second = signIn("swat-tea-two", "owner@swat2.example", OWNER_PASSWORD);
        HttpResponse<String> reimported =
                postForm("/s/swat-tea-two/admin/catalog/import", Map.of("csv", text(archive, "products.csv")), second);
        assertThat(reimported.statusCode()).as(reimported.body()).isEqualTo(200);
        String catalogAfter =
                get("/s/swat-tea-two/admin/catalog/export.csv", second).body();
        assertThat(catalogAfter).isEqualTo(text(archive, "products.csv"));
        assertThat(catalogAfter)
                .isEqualTo(withoutImages(catalogBefore))
                .contains("Green tea,Fresh leaves from Swat,active,Size,100 g")
                .contains("GT-250,550.00,600.00,4")
                .contains("BT-1,300.00,,5") // 7 in stock, 2 ordered
                .contains("Teas; Gifts")
                .contains("Clay tea pot,,draft");

        // --- after the grace period, the next delivery frees the address and deletes the archive --------------
        Thread.sleep(2_100);
        cloud.queues().get(0).submit(new io.dukan.core.tenant.TenantId(tenant));
        awaitState("swat-tea", "GONE");
        assertThat(objects("exports/" + tenant + "/")).isEmpty();
        assertThat(get("/stores/swat-tea", null).statusCode())
                .as("the address is free")
                .isEqualTo(404);
        assertThat(itemsWithPrefix(tenant + "#")).isEmpty();
    }

    // --- the table and the bucket ---------------------------------------------------------------------------

    /** Every "{tenantId}#KIND" prefix the key builder writes, read from its source. */
    static Set<String> kindsInKeysJava() throws Exception {
        String source = Files.readString(root.resolve(KEYS));
        Matcher m = Pattern.compile("\\.value\\(\\) \\+ \"#([A-Z]+)").matcher(source);
        Set<String> kinds = new TreeSet<>();
        while (m.find()) {
            kinds.add(m.group(1));
        }
        return kinds;
    }

    static Set<String> kindsInTable(String tenant) {
        Set<String> kinds = new TreeSet<>();
        for (Map<String, AttributeValue> item : itemsWithPrefix(tenant + "#")) {
            String rest = item.get("pk").s().substring(tenant.length() + 1);
            kinds.add(rest.contains("#") ? rest.substring(0, rest.indexOf('#')) : rest);
        }
        return kinds;
    }

    static List<Map<String, AttributeValue>> itemsWithPrefix(String prefix) {
        return dynamo
                .scanPaginator(r -> r.tableName("dukantable")
                        .consistentRead(true)
                        .filterExpression("begins_with(pk, :p)")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(prefix))))
                .items()
                .stream()
                .toList();
    }

    static Map<String, AttributeValue> item(String pk, String sk) {
        return dynamo.getItem(r -> r.tableName("dukantable")
                        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))
                        .consistentRead(true))
                .item();
    }

    static List<String> objects(String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket("mediabucket").prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    // --- the journey's steps --------------------------------------------------------------------------------

    static void signup(String slug, String name, String email, String password) throws Exception {
        HttpResponse<String> sent = forms.signup(slug, name, email, password);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        VerificationMail.verify(cloud.baseUrl(), email);
    }

    static String signIn(String slug, String email, String password) throws Exception {
        return forms.signIn(slug, email, password);
    }

    static String uploadImage(String slug, String cookie) throws Exception {
        HttpResponse<String> grant = http.send(
                HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/s/" + slug + "/admin/uploads"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Cookie", cookie + "; dukan_csrf=" + CSRF)
                        .header("X-CSRF-Token", CSRF)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"contentType\":\"image/png\",\"contentLength\":" + IMAGE.length + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        String url = match(grant.body(), "\"url\":\"([^\"]+)\"").replace("\\u0026", "&");
        HttpResponse<String> put = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "image/png")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(IMAGE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        return match(grant.body(), "\"key\":\"([^\"]+)\"");
    }

    static String productIdNamed(String home, String name) {
        Matcher m = Pattern.compile(
                        "/products/([a-z2-7]{16})\"[^>]*>(?:(?!</a>).)*?" + Pattern.quote(name), Pattern.DOTALL)
                .matcher(home);
        if (m.find()) {
            return m.group(1);
        }
        return match(home, "/products/([a-z2-7]{16})");
    }

    /** The owner invites; the invitee follows the mailed link and joins: their session cookie. */
    static String inviteStaff(String slug, String owner, String email) throws Exception {
        HttpResponse<String> invited = postForm("/s/" + slug + "/admin/staff/invites", Map.of("email", email), owner);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(303);
        String outbox = get("/_outbox", null).body();
        String messagePath = match(outbox, "<td>" + Pattern.quote(email) + "</td><td><a href=\"(/_outbox/[^\"]+)\">");
        String link = match(
                get(messagePath, null).body(),
                "<a href=\"(" + Pattern.quote(cloud.baseUrl()) + "/s/" + slug + "/admin/invite/[a-z2-7]{26})\">");
        HttpResponse<String> joined = postForm(
                link.substring(cloud.baseUrl().length()), Map.of("name", "Amina", "password", STAFF_PASSWORD), null);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(303);
        return joined.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("dukan_session="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
    }

    /** Polls the closing page until its state is {@code state} ("GONE": the page is gone with the address). */
    static String awaitState(String slug, String state) throws Exception {
        String last = "";
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> page = get("/stores/" + slug + "/closing", null);
            last = page.statusCode() + " " + page.body();
            if (state.equals("GONE")
                    ? page.statusCode() == 404
                    : page.body().contains("data-state=\"" + state + "\"")) {
                return page.body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the closing of " + slug + " never reached " + state + ": " + last);
    }

    static String exportLink(String email) throws Exception {
        String outbox = get("/_outbox", null).body();
        String messagePath =
                match(outbox, "<td>" + Pattern.quote(email) + "</td><td><a href=\"(/_outbox/[^\"]+)\">Your export");
        return match(get(messagePath, null).body(), "<a href=\"(http[^\"]*/exports/[^\"]+)\">")
                .replace("&amp;", "&");
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static String text(Map<String, byte[]> archive, String name) {
        assertThat(archive).containsKey(name);
        return new String(archive.get(name), StandardCharsets.UTF_8);
    }

    /** The catalog CSV as an import into another store gives it back: without the image columns' cells. */
    static String withoutImages(String csv) {
        StringBuilder out = new StringBuilder();
        List<io.dukan.core.catalog.Csv.Row> rows = io.dukan.core.catalog.Csv.parse(csv);
        int key = rows.get(0).fields().indexOf("Image Key");
        for (io.dukan.core.catalog.Csv.Row row : rows) {
            List<String> fields = new java.util.ArrayList<>(row.fields());
            if (row != rows.get(0)) {
                fields.set(key, "");
                fields.set(key + 1, "");
            }
            io.dukan.core.catalog.Csv.writeRow(out, fields);
        }
        return out.toString();
    }

    // --- HTTP -----------------------------------------------------------------------------------------------

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        return forms.get(path, cookie);
    }

    static HttpResponse<String> postForm(String path, Map<String, String> fields, String cookie) throws Exception {
        return forms.postForm(path, fields, cookie);
    }

    static HttpResponse<String> postWithoutCsrf(String path, Map<String, String> fields, String cookie)
            throws Exception {
        return forms.postWithoutCsrf(path, fields, cookie);
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in %s", regex, text).isTrue();
        return m.group(1);
    }
}
