package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 5, "Hostile input": a few thousand malformed, truncated and oversized requests, generated from a seeded
 * {@link Random} and sent to the local cloud both through the JDK HTTP client (well-formed HTTP) and over raw sockets
 * (broken request lines, headers, lengths and encodings, spoofed Host headers). Asserts that no request is answered
 * with a 5xx, that both stores still serve afterwards, and that no data changed: the DynamoDB table and the S3
 * bucket are exactly as before.
 *
 * <p>"No data changed" is meaningful because nothing generated here is a valid state-changing request, by
 * construction: every signup, order and product body carries at least one field that validation refuses (a value
 * every prefix of which is refused too, since bodies may arrive truncated); sign-in forms never carry an email, so
 * not even a failed-sign-in counter is written; a real owner session is combined with a matching CSRF token only for
 * the product form (always invalid) and the upload grant (which only signs a URL); the browser-facing S3 endpoint,
 * which forwards to s3mock unsigned, is only sent GET, HEAD and OPTIONS.
 *
 * <p>Replay a run with {@code -Dfuzz.seed=<seed>} (printed at the start); {@code -Dfuzz.only=12,345} sends only those
 * requests of that seed; {@code -Dfuzz.count}, {@code -Dfuzz.seconds} and {@code -Dfuzz.threads} bound the run.
 */
class HostileRequestsIT {

    static final String TABLE = "dukantable";
    static final String BUCKET = "mediabucket";
    /** The CSRF token a browser would hold (cookie and field the same value), and another well-formed one. */
    static final String CSRF = "fuzzcsrftokenfuzzcsrftoken";

    static final String OTHER_CSRF = "abcdefghijklmnopqrstuvwxyz";
    /** A real picture: the platform decodes every uploaded image to make its renditions. */
    static final byte[] IMAGE = io.dukan.aws.testing.TestImages.png(640, 480);

    static final long SEED = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
    static final int COUNT = Integer.getInteger("fuzz.count", 3000);
    static final long BUDGET_MILLIS = Long.getLong("fuzz.seconds", 120) * 1000;
    static final int THREADS = Integer.getInteger("fuzz.threads", 4);
    static final int RAW_TIMEOUT_MILLIS = 15_000;

    static Path data;
    static LocalCloud cloud;
    static HttpClient http;
    static SdkHttpClient sdkHttp;
    static DynamoDbClient dynamo;
    static S3Client s3;
    static Fixture alpha;
    static Fixture beta;

    /** A store made for the run, and what of it the junk aims at. */
    record Fixture(String slug, String session, String productId, String orderCode, String imageKey) {}

    @BeforeAll
    static void start() throws Exception {
        System.out.printf("HostileRequestsIT: seed %d (replay with -Dfuzz.seed=%d)%n", SEED, SEED);
        data = Files.createTempDirectory("dukan-hostile");
        Path root = Path.of(System.getProperty("dukan.project.root", "../.."))
                .toAbsolutePath()
                .normalize();
        cloud = LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(root)
                .dataDir(data)
                .port(0)
                .inMemoryDynamoDb(true));
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        sdkHttp = UrlConnectionHttpClient.builder().build();
        dynamo = DynamoDbClient.builder()
                .httpClient(sdkHttp)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .endpointOverride(URI.create(cloud.dynamoEndpoint()))
                .build();
        s3 = S3Client.builder()
                .httpClient(sdkHttp)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .endpointOverride(URI.create(cloud.s3Endpoint()))
                .forcePathStyle(true)
                .build();

        alpha = store("fuzz-alpha", "Alpha Dried Fruit", "owner@alpha.example", "CNY", "CN", "zh");
        beta = store("fuzz-beta", "Beta Footballs", "owner@beta.example", "PKR", "PK", "ur");
    }

    @AfterAll
    static void stop() {
        if (dynamo != null) {
            dynamo.close();
            s3.close();
            sdkHttp.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void thousandsOfMalformedTruncatedAndOversizedRequests_noServerError_theCloudStillServes_noDataChanged()
            throws Exception {
        // the setup's orders reach the figures through the table's stream a moment later: let it drain first, or
        // the aggregator's own late writes would look like a hostile request changing data
        awaitStreamsQuiet();
        Snapshot before = snapshot();
        assertThat(before.items()).as("the table holds the two stores' data").hasSizeGreaterThan(10);
        assertThat(before.objects())
                .as("the bucket holds the two product images and their two renditions each")
                .hasSize(6);

        List<Integer> indices = requestIndices();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + BUDGET_MILLIS * 1_000_000;
        ExecutorService workers = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            workers.submit(() -> {
                for (int n = next.getAndIncrement();
                        n < indices.size() && System.nanoTime() < deadline;
                        n = next.getAndIncrement()) {
                    int index = indices.get(n);
                    try {
                        outcomes.add(send(new Generator(index).generate()));
                    } catch (Throwable e) {
                        outcomes.add(new Outcome(
                                new FuzzRequest(
                                        index, false, RawStyle.WELL, "?", "?", List.of(), new byte[0], "not generated"),
                                -1,
                                "",
                                "test failure: " + e,
                                0,
                                "-"));
                    }
                }
            });
        }
        workers.shutdown();
        assertThat(workers.awaitTermination(BUDGET_MILLIS + 60_000, TimeUnit.MILLISECONDS))
                .isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000;

        List<Outcome> all = outcomes.stream()
                .sorted(Comparator.comparingInt(o -> o.request().index()))
                .toList();
        printSummary(all, millis);
        if (!System.getProperty("fuzz.only", "").isBlank()) {
            all.forEach(o -> System.out.printf(
                    "HostileRequestsIT: replayed: %d via %s (%s ms) %s%n      answer: %s%s%n",
                    o.status(),
                    o.transport(),
                    o.millis(),
                    o.request().summary(),
                    clip(o.body(), 300),
                    o.error().isEmpty() ? "" : "\n      error: " + clip(o.error(), 300)));
        }

        SoftAssertions softly = new SoftAssertions();
        List<Outcome> broken = all.stream().filter(o -> o.status() == -1).toList();
        softly.assertThat(broken)
                .as("the generator itself failed (a bug in this test)")
                .withFailMessage(describe(broken, "generator failures"))
                .isEmpty();
        // RFC 9112 §6.1: a server that receives a transfer coding it does not understand ought to answer 501 (Not
        // Implemented); the JDK HttpServer does so itself, before any handler, for "Transfer-Encoding: gzip, chunked"
        List<Outcome> serverErrors = all.stream()
                .filter(o -> o.status() >= 500 && !(o.status() == 501 && unknownTransferCoding(o.request())))
                .toList();
        softly.assertThat(serverErrors)
                .withFailMessage(describe(serverErrors, "responses with status >= 500"))
                .isEmpty();

        for (Fixture store : List.of(alpha, beta)) {
            HttpResponse<String> home = get("/s/" + store.slug() + "/");
            softly.assertThat(home.statusCode())
                    .as("%s home page after the run", store.slug())
                    .isEqualTo(200);
            softly.assertThat(home.body())
                    .as("%s home page after the run", store.slug())
                    .contains("/s/" + store.slug() + "/products/" + store.productId());
            RawHttp.Response subdomain = RawHttp.get(port(), store.slug() + ".localhost:" + port(), "/");
            softly.assertThat(subdomain.status())
                    .as("%s.localhost after the run", store.slug())
                    .isEqualTo(200);
        }
        softly.assertThat(get("/signup").statusCode())
                .as("signup page after the run")
                .isEqualTo(200);

        Snapshot after = snapshot();
        softly.assertThat(after)
                .withFailMessage(() -> "data changed during the run:\n" + before.diff(after))
                .isEqualTo(before);
        softly.assertAll();
    }

    /** Whether the request as sent carries a Transfer-Encoding other than plain "chunked". */
    static boolean unknownTransferCoding(FuzzRequest request) {
        if (request == null) {
            return false;
        }
        List<String> values = new ArrayList<>();
        request.headers().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding"))
                .forEach(h -> values.add(h.getValue()));
        if (request.raw()) {
            String sent = new String(rawBytes(request), StandardCharsets.ISO_8859_1);
            String head = sent.split("\r?\n\r?\n", 2)[0];
            for (String line : head.split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Transfer-Encoding")) {
                    values.add(line.substring(colon + 1));
                }
            }
        }
        return values.stream().anyMatch(v -> !v.strip().equalsIgnoreCase("chunked"));
    }

    static List<Integer> requestIndices() {
        String only = System.getProperty("fuzz.only", "").strip();
        if (!only.isEmpty()) {
            return Arrays.stream(only.split(","))
                    .map(String::strip)
                    .map(Integer::valueOf)
                    .toList();
        }
        return IntStream.range(0, COUNT).boxed().toList();
    }

    // --- the requests --------------------------------------------------------------------------------------------

    enum Kind {
        NONE,
        SIGNUP_FORM,
        SIGNUP_JSON,
        CART_FORM,
        ORDER_FORM,
        ORDER_JSON,
        PRODUCT_FORM,
        LOGIN_FORM,
        LOGOUT_FORM,
        UPLOAD_JSON
    }

    /** The real routes, each with the body its POST takes. */
    enum Route {
        ROOT("/", Kind.NONE),
        SIGNUP("/signup", Kind.SIGNUP_FORM),
        STORES_API("/api/stores", Kind.SIGNUP_JSON),
        STORE_STATUS_API("/api/stores/{slug}", Kind.NONE),
        STORE_STATUS("/stores/{slug}", Kind.NONE),
        SHOP_BARE("/s/{slug}", Kind.NONE),
        SHOP_HOME("/s/{slug}/", Kind.NONE),
        PRODUCT("/s/{slug}/products/{id}", Kind.NONE),
        CART("/s/{slug}/cart", Kind.CART_FORM),
        CHECKOUT("/s/{slug}/checkout", Kind.ORDER_FORM),
        CHECKOUT_PLACE("/s/{slug}/checkout/place", Kind.ORDER_FORM),
        ORDER("/s/{slug}/orders/{code}", Kind.NONE),
        ADMIN("/s/{slug}/admin", Kind.NONE),
        LOGIN("/s/{slug}/admin/login", Kind.LOGIN_FORM),
        LOGOUT("/s/{slug}/admin/logout", Kind.LOGOUT_FORM),
        ADMIN_PRODUCTS("/s/{slug}/admin/products", Kind.PRODUCT_FORM),
        NEW_PRODUCT("/s/{slug}/admin/products/new", Kind.NONE),
        ADMIN_ORDER("/s/{slug}/admin/orders/{code}", Kind.NONE),
        UPLOADS("/s/{slug}/admin/uploads", Kind.UPLOAD_JSON),
        API_PRODUCTS("/s/{slug}/api/products", Kind.NONE),
        API_PRODUCT("/s/{slug}/api/products/{id}", Kind.NONE),
        API_ORDERS("/s/{slug}/api/orders", Kind.ORDER_JSON),
        API_ORDER("/s/{slug}/api/orders/{code}", Kind.NONE),
        ASSETS("/s/{slug}/assets/admin.js", Kind.NONE),
        S3_OBJECT("/_s3/mediabucket/{key}", Kind.NONE),
        S3_BUCKET("/_s3/mediabucket", Kind.NONE),
        S3_ROOT("/_s3/", Kind.NONE);

        final String template;
        final Kind kind;

        Route(String template, Kind kind) {
            this.template = template;
            this.kind = kind;
        }

        boolean s3() {
            return template.startsWith("/_s3");
        }
    }

    /** How a raw request is broken (WELL: not at all; used where the JDK client cannot send what was generated). */
    enum RawStyle {
        WELL,
        LOWERCASE_METHOD,
        JUNK_METHOD,
        NO_VERSION,
        BAD_VERSION,
        HTTP_1_0,
        BARE_LF,
        EXTRA_SPACES,
        ABSOLUTE_FORM,
        ASTERISK,
        HEADER_WITHOUT_COLON,
        SPACE_BEFORE_COLON,
        OBS_FOLD,
        NUL_IN_HEADER,
        HUGE_HEADER,
        MANY_HEADERS,
        LENGTH_LONGER_THAN_BODY,
        LENGTH_SHORTER_THAN_BODY,
        LENGTH_INVALID,
        LENGTH_TWICE,
        CHUNKED,
        CHUNKED_BROKEN,
        CHUNKED_AND_LENGTH,
        EXPECT_CONTINUE,
        RAW_BYTES_IN_TARGET,
        EMPTY,
        GARBAGE,
        TLS_HELLO,
        LONG_REQUEST_LINE;

        /** Styles whose body may reach the function cut short: the body must be refused in every prefix. */
        boolean mayTruncateBody() {
            return this == LENGTH_LONGER_THAN_BODY
                    || this == LENGTH_SHORTER_THAN_BODY
                    || this == LENGTH_INVALID
                    || this == LENGTH_TWICE
                    || this == CHUNKED_BROKEN
                    || this == CHUNKED_AND_LENGTH;
        }
    }

    record FuzzRequest(
            int index,
            boolean raw,
            RawStyle style,
            String method,
            String target,
            List<Map.Entry<String, String>> headers,
            byte[] body,
            String bodyDescription) {

        String summary() {
            StringBuilder out = new StringBuilder();
            out.append('#')
                    .append(index)
                    .append(' ')
                    .append(raw ? "raw/" + style : "client")
                    .append(' ')
                    .append(clip(method, 40))
                    .append(' ')
                    .append(clip(target, 200));
            out.append("\n      headers: ")
                    .append(headers.stream()
                            .map(h -> clip(h.getKey(), 40) + ": " + clip(h.getValue(), 80))
                            .limit(12)
                            .collect(Collectors.joining(" | ")));
            if (headers.size() > 12) {
                out.append(" | … ").append(headers.size() - 12).append(" more");
            }
            out.append("\n      body: ")
                    .append(bodyDescription)
                    .append(", ")
                    .append(body.length)
                    .append(" bytes");
            if (body.length > 0) {
                out.append(": ")
                        .append(clip(new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8), 160));
            }
            return out.toString();
        }
    }

    record Body(byte[] bytes, String contentType, String description, List<String> csrfSubmitted) {
        static Body none() {
            return new Body(new byte[0], null, "none", List.of());
        }
    }

    /** Everything about request {@code index} comes from its own Random, so any single request can be replayed. */
    static final class Generator {

        final int index;
        final Random r;
        boolean truncates;

        Generator(int index) {
            this.index = index;
            this.r = new Random(new SplittableRandom(SEED ^ (index * 0x9E3779B97F4A7C15L)).nextLong());
        }

        FuzzRequest generate() {
            Route route = pick(Route.values());
            boolean raw = r.nextInt(100) < 45;
            RawStyle style = raw ? (r.nextInt(100) < 35 ? RawStyle.WELL : pick(RawStyle.values())) : RawStyle.WELL;
            truncates = style.mayTruncateBody() || r.nextInt(100) < 15;

            Fixture own = r.nextInt(100) < 55 ? alpha : beta;
            Fixture other = own == alpha ? beta : alpha;
            String method = method(route);

            // the Host (raw only: the JDK client sets its own)
            String host = "localhost:" + port();
            boolean subdomain = false;
            if (raw) {
                int h = r.nextInt(100);
                if (h < 12) {
                    host = own.slug() + ".localhost:" + port();
                    subdomain = true;
                } else if (h < 18) {
                    host = other.slug() + ".localhost:" + port();
                    subdomain = true;
                } else if (h < 35) {
                    host = pick(
                            "evil.localhost",
                            "evil.localhost:" + port(),
                            "127.0.0.1:" + port(),
                            "",
                            "localhost:99999",
                            "localhost:abc",
                            "[::1",
                            "[::1]:" + port(),
                            "a.b.localhost",
                            own.slug().toUpperCase(Locale.ROOT) + ".LOCALHOST.",
                            "no-such-store.localhost",
                            own.slug() + ".evil.example",
                            "evil.example",
                            "x".repeat(300) + ".localhost",
                            own.slug() + ".localhost:" + port() + "@evil.example",
                            "localhost:" + port() + " evil",
                            "%66uzz-alpha.localhost",
                            "\u0434\u0443\u043a\u0430\u043d.localhost",
                            ":" + port(),
                            "localhost:-1",
                            ".localhost");
                }
            }

            String target = path(route, own, other);
            if (subdomain && target.startsWith("/s/") && r.nextInt(100) < 65) {
                int slash = target.indexOf('/', 3);
                target = slash < 0 ? "/" : target.substring(slash);
            }
            for (int m = r.nextInt(4); m > 0; m--) {
                target = mutatePath(target, own, other);
            }
            if (r.nextInt(100) < 40) {
                target += query(own, other);
            }
            if (isS3(target) || isS3(host)) {
                // s3mock checks no signatures: only reads may go there, or the run would change the bucket
                method = pick("GET", "GET", "HEAD", "OPTIONS");
                if (style == RawStyle.JUNK_METHOD
                        || style == RawStyle.LOWERCASE_METHOD
                        || style == RawStyle.ABSOLUTE_FORM
                        || style == RawStyle.ASTERISK) {
                    style = RawStyle.WELL;
                }
            }

            Body body = body(route, method, own, other);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            if (raw && style != RawStyle.HTTP_1_0) {
                headers.add(Map.entry("Host", host));
            }
            headers(headers, route, body, own, other, raw);
            if (raw && r.nextInt(100) < 5) {
                headers.add(Map.entry("Host", pick("evil.localhost", other.slug() + ".localhost:" + port())));
            }
            return new FuzzRequest(index, raw, style, method, target, headers, body.bytes(), body.description());
        }

        private String method(Route route) {
            int m = r.nextInt(100);
            if (route.kind != Kind.NONE && m < 60) {
                return "POST";
            }
            if (route.kind == Kind.NONE && m < 40) {
                return "GET";
            }
            return pick("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
        }

        // --- paths ---

        private String path(Route route, Fixture own, Fixture other) {
            return route.template
                    .replace("{slug}", slug(own, other))
                    .replace("{id}", id(own, other))
                    .replace("{code}", code(own, other))
                    .replace("{key}", key(own, other));
        }

        private String slug(Fixture own, Fixture other) {
            int s = r.nextInt(100);
            if (s < 55) {
                return own.slug();
            }
            if (s < 80) {
                return other.slug();
            }
            return pick(
                    "no-such-store",
                    own.slug().toUpperCase(Locale.ROOT),
                    own.slug().substring(0, 7),
                    "a",
                    "",
                    "x".repeat(300),
                    "..",
                    "%2e%2e",
                    own.slug() + "%00",
                    own.slug() + "%2f..",
                    own.slug() + "%2F" + other.slug(),
                    "%d0%b4%d1%83%d0%ba%d0%b0%d0%bd",
                    own.slug() + ".",
                    "api",
                    "s",
                    "admin",
                    own.slug() + "%20",
                    "%20" + own.slug(),
                    own.slug() + "--x",
                    "-" + own.slug());
        }

        private String id(Fixture own, Fixture other) {
            int s = r.nextInt(100);
            if (s < 35) {
                return own.productId();
            }
            if (s < 60) {
                return other.productId();
            }
            return pick(
                    "12345",
                    "-1",
                    "0",
                    "null",
                    "undefined",
                    "true",
                    "%5B%5D",
                    "%7B%7D",
                    own.productId().toUpperCase(Locale.ROOT),
                    own.productId() + "a",
                    own.productId().substring(0, 15),
                    own.orderCode(),
                    "1001",
                    "%231001",
                    "%27%20OR%20%271%27%3D%271",
                    "%00",
                    "%ff",
                    "a".repeat(5000),
                    "..%2f..%2f",
                    "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D",
                    "1e309",
                    "9".repeat(40),
                    "NaN",
                    "%2e%2e",
                    own.productId() + "%00",
                    "%c0%ae%c0%ae",
                    own.productId() + "%2Fx",
                    "%E2%80%AE" + own.productId());
        }

        private String code(Fixture own, Fixture other) {
            int s = r.nextInt(100);
            if (s < 35) {
                return own.orderCode();
            }
            if (s < 60) {
                return other.orderCode();
            }
            return pick(
                    "1001",
                    "%231001",
                    own.productId(),
                    own.orderCode().toUpperCase(Locale.ROOT),
                    own.orderCode() + "a",
                    own.orderCode().substring(0, 25),
                    "-1",
                    "0",
                    "null",
                    "%00",
                    "%ff",
                    "b".repeat(3000),
                    "..%2f..%2fadmin",
                    own.orderCode() + "%2F..",
                    "%2e%2e%2f" + other.orderCode(),
                    "%F0%9F%92%A9",
                    "1%20OR%201%3D1");
        }

        private String key(Fixture own, Fixture other) {
            int s = r.nextInt(100);
            if (s < 30) {
                return own.imageKey();
            }
            if (s < 50) {
                return other.imageKey();
            }
            String tenantDir = own.imageKey().substring(0, own.imageKey().lastIndexOf('/') + 1);
            return pick(
                    "tenants/../../etc/passwd",
                    "tenants/%2e%2e/%2e%2e/",
                    "..%2f..%2f",
                    "",
                    "%00",
                    "a".repeat(2000),
                    tenantDir + "..%2f..%2f" + other.imageKey(),
                    tenantDir,
                    tenantDir + "%ff.png",
                    "tenants/",
                    own.imageKey() + "%00.png",
                    own.imageKey().toUpperCase(Locale.ROOT),
                    own.imageKey() + "/",
                    "tenants//" + own.imageKey());
        }

        private String mutatePath(String path, Fixture own, Fixture other) {
            int at = path.isEmpty() ? 0 : r.nextInt(path.length() + 1);
            String head = path.substring(0, at);
            String tail = path.substring(at);
            return switch (r.nextInt(14)) {
                case 0 -> path.length() > 1 ? path.substring(0, 1 + r.nextInt(path.length() - 1)) : path;
                case 1 -> path.replaceFirst("/", "//");
                case 2 -> head + "//" + tail;
                case 3 ->
                    head
                            + pick(
                                    "/..",
                                    "/%2e%2e",
                                    "/%2E%2E/",
                                    "/.",
                                    "/%2e",
                                    "/..%2f",
                                    "/%2e%2e%2f",
                                    "/..\\",
                                    "/%c0%ae%c0%ae",
                                    "/....//",
                                    "/..;/",
                                    "/%252e%252e/")
                            + tail;
                case 4 ->
                    head
                            + pick(
                                    "%00",
                                    "%ff",
                                    "%",
                                    "%zz",
                                    "%u0041",
                                    "%%",
                                    "%0d%0a",
                                    "%0a",
                                    "%c0%af",
                                    "%e0%80%af",
                                    "%2f",
                                    "%5c",
                                    "%3b",
                                    "%23",
                                    "%3f")
                            + tail;
                case 5 -> head + "/" + pick("a", "%41", "\u00e9").repeat(pick(256, 1024, 4096, 16384)) + tail;
                case 6 ->
                    head
                            + pick(
                                    "\u0434\u0443\u043a\u0430\u043d",
                                    "\u202e",
                                    "\ud83d\udca9",
                                    "%D0%B4%D1%83%D0%BA%D0%B0%D0%BD",
                                    "%E2%80%AE",
                                    "%F0%9F%92%A9",
                                    "\ufeff",
                                    "\u0000")
                            + tail;
                case 7 -> path.toUpperCase(Locale.ROOT);
                case 8 -> path + pick("/", ";jsessionid=x", ".json", "~", "%20", " ", "/.", "#frag", "?", "??", "&");
                case 9 -> path.replace(own.slug(), other.slug());
                case 10 -> path.replace('/', '\\');
                case 11 -> path.replaceFirst("/[^/]*$", "/*");
                case 12 -> path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path + "/";
                default -> path.replace(own.productId(), other.productId()).replace(own.orderCode(), other.orderCode());
            };
        }

        private String query(Fixture own, Fixture other) {
            return switch (r.nextInt(14)) {
                case 0 -> "?after=" + id(own, other);
                case 1 -> "?after=" + own.productId() + "&after=" + other.productId() + "&after=x";
                case 2 -> "?=&&=&";
                case 3 -> "?";
                case 4 -> "?a=" + "b".repeat(pick(100, 5000, 20000));
                case 5 ->
                    IntStream.range(0, pick(50, 200, 1000))
                            .mapToObj(i -> "k" + i + "=v")
                            .collect(Collectors.joining("&", "?", ""));
                case 6 -> "?after[]=1&after[x]=2&after=" + own.productId();
                case 7 -> "?after=" + pick("%00", "%ff", "%zz", "%", "%c0%ae");
                case 8 -> "?%E2%80%AE=1&\u0434=\u0443";
                case 9 -> "?after=%7B%22%24ne%22%3Anull%7D";
                case 10 -> "?_csrf=" + CSRF + "&email=owner%40alpha.example";
                case 11 -> "?__proto__[x]=1&constructor.prototype.x=1";
                case 12 -> "?after=" + own.productId() + "&after=" + own.productId();
                default -> "?x-id=GetObject&list-type=2&prefix=tenants%2F&delimiter=%2F&max-keys=-1";
            };
        }

        // --- bodies ---

        private Body body(Route route, String method, Fixture own, Fixture other) {
            if (index % 500 == 7) {
                return oversized(11 * 1024 * 1024, route);
            }
            boolean usuallyBodiless = method.equals("GET")
                    || method.equals("HEAD")
                    || method.equals("OPTIONS")
                    || method.equals("DELETE");
            if (usuallyBodiless && r.nextInt(100) < 75) {
                return Body.none();
            }
            if (r.nextInt(100) < 3) {
                return oversized(200 * 1024, route);
            }
            Kind kind = route.kind != Kind.NONE && r.nextInt(100) < 60 ? route.kind : null;
            if (kind == null && r.nextInt(100) < 50) {
                kind = pick(Kind.values());
            }
            Body body = kind == null || kind == Kind.NONE
                    ? junk(own, other)
                    : switch (kind) {
                        case SIGNUP_FORM -> form(signupFields(own), "signup form");
                        case SIGNUP_JSON -> json(signupMembers(own), "signup JSON");
                        case CART_FORM -> form(cartFields(own, other), "add-to-cart form");
                        case ORDER_FORM -> form(orderFields(own, other), "order form");
                        case ORDER_JSON -> json(orderMembers(own, other), "order JSON");
                        case PRODUCT_FORM -> form(productFields(own, other), "product form");
                        case LOGIN_FORM -> form(loginFields(), "sign-in form without email");
                        case LOGOUT_FORM -> form(new ArrayList<>(), "sign-out form");
                        case UPLOAD_JSON -> uploadJson();
                        case NONE -> junk(own, other);
                    };
            // bytes that are no UTF-8 go anywhere in junk, but only in front of a body that must stay refused: a
            // refused empty value with a replacement character in it could be a valid one
            return r.nextInt(100) < 8 ? nonUtf8(body, kind == null || kind == Kind.NONE) : body;
        }

        private Body oversized(int size, Route route) {
            byte[] bytes = new byte[size];
            Arrays.fill(bytes, (byte) 'a');
            String type;
            if (route.kind == Kind.SIGNUP_JSON || route.kind == Kind.ORDER_JSON || route.kind == Kind.UPLOAD_JSON) {
                byte[] open = "{\"storeName\":\"".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(open, 0, bytes, 0, open.length);
                bytes[size - 2] = '"';
                bytes[size - 1] = '}';
                type = "application/json";
            } else {
                // a form whose only field is a huge name: refused however it is read
                byte[] open = "name=".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(open, 0, bytes, 0, open.length);
                type = "application/x-www-form-urlencoded";
            }
            return new Body(bytes, type, "oversized " + (size / 1024) + " KB", List.of());
        }

        /** Bodies that are junk whatever route they reach. */
        private Body junk(Fixture own, Fixture other) {
            return switch (r.nextInt(12)) {
                case 0 ->
                    new Body(
                            randomBytes(r.nextInt(4096) + 1),
                            pick(
                                    "application/octet-stream",
                                    "image/png",
                                    "application/json",
                                    "application/x-www-form-urlencoded"),
                            "binary junk",
                            List.of());
                case 1 -> {
                    int depth = pick(100, 1000, 5000, 20000, 100000);
                    String open = pick("[", "{\"a\":");
                    String close = open.equals("[") ? "]" : "}";
                    String text = open.repeat(depth) + (r.nextBoolean() ? "1" + close.repeat(depth) : "");
                    yield new Body(ascii(text), "application/json", "JSON nested " + depth + " deep", List.of());
                }
                case 2 ->
                    new Body(
                            ascii(pick(
                                    "",
                                    "null",
                                    "true",
                                    "12",
                                    "\"x\"",
                                    "[]",
                                    "{}",
                                    "[{}]",
                                    "{\"a\":1}",
                                    "{\"lines\":{}}",
                                    "{\"__proto__\":{\"x\":1}}",
                                    "{\"a\":1,\"a\":2}",
                                    "\ufeff{}",
                                    "{'a':1}",
                                    "{a:1}",
                                    "[1,]",
                                    "{\"a\":NaN}",
                                    "{\"a\":1e999999}",
                                    "{\"a\":-}",
                                    "{\"a\":\"\\ud800\"}",
                                    "{\"a\":\"\\u00\"}",
                                    "/* */{}",
                                    "{}{}",
                                    "{\"a\":01}",
                                    "{\"a\":" + "9".repeat(5000) + "}")),
                            "application/json",
                            "JSON junk",
                            List.of());
                case 3 ->
                    new Body(
                            ascii(pick(
                                    "=",
                                    "&&&",
                                    "a",
                                    "a=%",
                                    "a=%zz",
                                    "%zz=1",
                                    "=1&=2",
                                    "a=1&a=2&a=3",
                                    "_csrf",
                                    "+=+",
                                    "a=" + "%".repeat(100),
                                    IntStream.range(0, 150)
                                            .mapToObj(i -> "f" + i + "=1")
                                            .collect(Collectors.joining("&")),
                                    "a=%00%01%02",
                                    "a=%ff%fe")),
                            "application/x-www-form-urlencoded",
                            "form junk",
                            List.of());
                case 4 -> multipart();
                case 5 ->
                    new Body(
                            ascii("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                    + "<a>&x;</a>"),
                            "application/xml",
                            "XML with an external entity",
                            List.of());
                case 6 -> form(signupFields(own), "signup form");
                case 7 -> json(orderMembers(own, other), "order JSON");
                case 8 -> json(signupMembers(own), "signup JSON");
                case 9 -> form(orderFields(own, other), "order form");
                case 10 ->
                    new Body(
                            new byte[] {(byte) 0xfe, (byte) 0xff, 0, '{', 0, '}'},
                            "application/json",
                            "UTF-16 with BOM",
                            List.of());
                default ->
                    new Body(
                            ascii("\u0000".repeat(r.nextInt(100) + 1)),
                            pick("text/plain", "application/json"),
                            "NUL bytes",
                            List.of());
            };
        }

        private Body multipart() {
            String boundary = pick("", "x", "--", "a".repeat(200));
            String text = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + "x\r\n--"
                    + boundary + (r.nextBoolean() ? "--\r\n" : "");
            return new Body(
                    ascii(text),
                    pick(
                            "multipart/form-data",
                            "multipart/form-data; boundary=",
                            "multipart/form-data; boundary=" + boundary,
                            "multipart/mixed"),
                    "multipart junk",
                    List.of());
        }

        private Body uploadJson() {
            List<String> members = new ArrayList<>();
            members.add("\"contentType\":"
                    + pick(
                            "\"image/png\"",
                            "\"image/PNG \"",
                            "\"text/html\"",
                            "5",
                            "null",
                            "[]",
                            "\"image/svg+xml\"",
                            "\"" + "i".repeat(1000) + "\""));
            members.add("\"contentLength\":"
                    + pick(
                            "12",
                            "-1",
                            "0",
                            "\"abc\"",
                            "1e20",
                            "99999999999999999999",
                            "10485761",
                            "null",
                            "12.5",
                            "{}",
                            "true"));
            if (r.nextBoolean()) {
                members.add("\"key\":\"" + pick("../../x", "tenants/x/media/a.png") + "\"");
            }
            Body body = jsonText(members, "upload JSON");
            return new Body(body.bytes(), body.contentType(), body.description(), List.of(csrfValue()));
        }

        /**
         * Signup fields, at least one refused in every prefix: any such signup fails validation before anything
         * is written.
         */
        private List<String[]> signupFields(Fixture own) {
            Map<String, String> valid = new LinkedHashMap<>();
            valid.put("storeName", "Fuzz Gamma");
            valid.put("slug", "fuzz-gamma");
            valid.put("ownerEmail", "owner@gamma.example");
            valid.put("password", "a long enough password");
            valid.put("currency", "USD");
            valid.put("country", "US");
            valid.put("language", "en");
            valid.put("idempotencyKey", pick("fuzz-gamma-key-0001", "fuzz-setup-" + own.slug(), "bad key!", ""));
            Map<String, List<String>> poisons = Map.of(
                    "storeName", List.of("", "   ", "\u0001"),
                    "slug", List.of("", "-x", "_", "-" + own.slug()),
                    "ownerEmail", List.of("", "not-an-email", "owner-at-gamma"),
                    "password", List.of("", "short"),
                    "currency", List.of("", "Q1Z", "1"),
                    "country", List.of("", "Q1", "1"),
                    "language", List.of("", "q1", "1"));
            Map<String, List<String>> longPoisons = Map.of(
                    "storeName", List.of("S".repeat(81)),
                    "slug", List.of(own.slug(), "admin", "Bad Slug", "fuzz--gamma"),
                    "password", List.of("p".repeat(73), "\u00e9".repeat(40)),
                    "currency", List.of("EURO", "XYZ"),
                    "country", List.of("XX", "USA"),
                    "language", List.of("xx", "eng"));
            return poisoned(valid, poisons, longPoisons);
        }

        /**
         * The product page's buy form, always with a refused product or quantity (a blank or missing one means 1, so it
         * is never left out): no cart is ever written.
         */
        private List<String[]> cartFields(Fixture own, Fixture other) {
            Map<String, String> valid = new LinkedHashMap<>();
            valid.put("productId", r.nextInt(100) < 70 ? own.productId() : other.productId());
            valid.put("quantity", pick("1", "2"));
            // a blank or missing quantity means 1 (AddToCartCommand.of): not a refusal, so never one of the poisons
            Map<String, List<String>> poisons = Map.of(
                    "productId", List.of("", "ZZ", "-1", "../" + own.productId()),
                    "quantity", List.of("0", "-1", "x1", "abc"));
            Map<String, List<String>> longPoisons =
                    Map.of("quantity", List.of("1001", "2147483648", "1e3", "0x10", "1.5"));
            List<String[]> fields = poisoned(valid, poisons, longPoisons);
            if (fields.stream().noneMatch(field -> field[0].equals("quantity"))) {
                // quantity left out: with a valid product that is an add of 1, so the form says 0
                fields.add(r.nextInt(fields.size() + 1), new String[] {"quantity", "0"});
            }
            return fields;
        }

        private List<String[]> orderFields(Fixture own, Fixture other) {
            Map<String, String> valid = new LinkedHashMap<>();
            valid.put("productId", r.nextInt(100) < 70 ? own.productId() : other.productId());
            valid.put("quantity", pick("1", "2"));
            valid.put("name", "Fuzz Shopper");
            valid.put("phone", "+92 300 1234567");
            valid.put("address", "1 Test Road");
            valid.put("paymentMethod", "CASH_ON_DELIVERY");
            Map<String, List<String>> poisons = Map.of(
                    "productId", List.of("", "ZZ", "-1", "../" + own.productId()),
                    "quantity", List.of("", "0", "-1", "x1", "abc", " "),
                    "name", List.of("", "   ", "\u0000"),
                    "phone", List.of("", "abc", "x+92 300 1234567"),
                    "address", List.of("", "  "),
                    "paymentMethod", List.of("", "BITCOIN", "X"));
            Map<String, List<String>> longPoisons = Map.of(
                    "quantity", List.of("1001", "2147483648", "1e3", "0x10", "1.5"),
                    "name", List.of("N".repeat(121)),
                    "phone", List.of("1234", "+92 300 1234567 ext 9"),
                    "address", List.of("A".repeat(501)),
                    "paymentMethod", List.of("CASH_ON_DELIVERYX", "CARD"));
            return poisoned(valid, poisons, longPoisons);
        }

        private List<String[]> productFields(Fixture own, Fixture other) {
            Map<String, String> valid = new LinkedHashMap<>();
            valid.put("name", "Fuzz Product");
            valid.put("description", pick("", "<script>alert(1)</script>", "d".repeat(100)));
            valid.put("price", pick("10", "1,250.50", "0.01"));
            valid.put("stock", "3");
            valid.put("imageKey", pick("", own.imageKey(), other.imageKey(), "../../x.png"));
            Map<String, List<String>> poisons = Map.of(
                    "name", List.of("", "   ", "\u0007"),
                    "price", List.of("", "abc", "-5", "0", "x10"),
                    "stock", List.of("", "-1", "x", "abc"));
            Map<String, List<String>> longPoisons = Map.of(
                    "name", List.of("N".repeat(121)),
                    "price", List.of("12,50", "1e3", "99999999999999999999", "0.001"),
                    "stock", List.of("1000001", "2147483648", "1.5"));
            return poisoned(valid, poisons, longPoisons);
        }

        /** Sign-in junk: never an email, so not even a failed-sign-in counter can be written. */
        private List<String[]> loginFields() {
            List<String[]> fields = new ArrayList<>();
            if (r.nextBoolean()) {
                fields.add(new String[] {"password", pick("", "x", "dried apricots", "p".repeat(300), "\u0000")});
            }
            if (r.nextBoolean()) {
                fields.add(new String[] {
                    pick("Email", "e-mail", "mail", "email[]", "user"),
                    pick("owner@alpha.example", "owner@beta.example", "x")
                });
            }
            return fields;
        }

        /**
         * The fields with 1 to 3 of them refused: absent, or present only with refused values (repeats allowed,
         * since a form's first value and a JSON object's last both count somewhere). Values refused only as a whole
         * (too long, out of range) are used only when the body cannot arrive truncated.
         */
        private List<String[]> poisoned(
                Map<String, String> valid, Map<String, List<String>> poisons, Map<String, List<String>> longPoisons) {
            List<String> poisonable = new ArrayList<>(new TreeSet<>(poisons.keySet()));
            java.util.Collections.shuffle(poisonable, r);
            Set<String> chosen = Set.copyOf(poisonable.subList(0, 1 + r.nextInt(Math.min(3, poisonable.size()))));
            List<String[]> fields = new ArrayList<>();
            for (Map.Entry<String, String> field : valid.entrySet()) {
                String name = field.getKey();
                if (chosen.contains(name)) {
                    if (r.nextInt(100) < 25) {
                        continue; // absent
                    }
                    List<String> refused = new ArrayList<>(poisons.get(name));
                    if (!truncates) {
                        refused.addAll(longPoisons.getOrDefault(name, List.of()));
                    }
                    for (int n = r.nextInt(100) < 85 ? 1 : 2; n > 0; n--) {
                        fields.add(new String[] {name, pick(refused)});
                    }
                } else if (r.nextInt(100) < 90) {
                    fields.add(new String[] {name, field.getValue()});
                    if (r.nextInt(100) < 5) {
                        fields.add(new String[] {name, "second " + field.getValue()});
                    }
                }
            }
            if (r.nextInt(100) < 20) {
                java.util.Collections.shuffle(fields, r);
            }
            return fields;
        }

        private Body form(List<String[]> fields, String description) {
            List<String> csrfSubmitted = new ArrayList<>();
            if (r.nextInt(100) < 80) {
                String value = csrfValue();
                csrfSubmitted.add(value);
                fields.add(r.nextInt(fields.size() + 1), new String[] {"_csrf", value});
                if (r.nextInt(100) < 5) {
                    String again = csrfValue();
                    csrfSubmitted.add(again);
                    fields.add(new String[] {"_csrf", again});
                }
            }
            if (r.nextInt(100) < 15) {
                fields.add(
                        r.nextInt(fields.size() + 1),
                        pick(
                                new String[] {"__proto__", "x"},
                                new String[] {"k".repeat(300), "v"},
                                new String[] {"a b", "c d"},
                                new String[] {"quantity[]", "1"},
                                new String[] {"name ", "x"},
                                new String[] {"", "empty name"}));
            }
            String text =
                    fields.stream().map(f -> encode(f[0]) + "=" + encode(f[1])).collect(Collectors.joining("&"));
            if (r.nextInt(100) < 10) {
                text = text.replace("+", "%20");
            }
            if (truncates && !text.isEmpty()) {
                text = text.substring(0, r.nextInt(text.length()));
                // cutting a longer name short can leave a field named exactly "email": drop that last pair
                int last = text.lastIndexOf('&') + 1;
                String tail = text.substring(last);
                String tailName = tail.contains("=") ? tail.substring(0, tail.indexOf('=')) : tail;
                if (tailName.equals("email")) {
                    text = text.substring(0, Math.max(0, last - 1));
                }
                description = "truncated " + description;
            }
            assertSafeForm(text);
            return new Body(ascii(text), "application/x-www-form-urlencoded", description, csrfSubmitted);
        }

        private Body json(List<String[]> fields, String description) {
            List<String> members = new ArrayList<>();
            for (String[] f : fields) {
                members.add("\"" + f[0] + "\":" + f[1]);
            }
            return jsonText(members, description);
        }

        private Body jsonText(List<String> members, String description) {
            String text = "{" + String.join(pick(",", ", ", ",\n"), members) + "}";
            if (truncates) {
                text = text.substring(0, r.nextInt(text.length())); // a strict prefix of an object is never JSON
                description = "truncated " + description;
            } else if (r.nextInt(100) < 10) {
                text = text + pick("}", "]", ",", "garbage", "\u0000", "{}");
                description = description + " with trailing junk";
            }
            assertThat(text).doesNotContain("\"email\"");
            return new Body(text.getBytes(StandardCharsets.UTF_8), "application/json", description, List.of());
        }

        private List<String[]> signupMembers(Fixture own) {
            return asJsonMembers(signupFields(own), Set.of());
        }

        private List<String[]> orderMembers(Fixture own, Fixture other) {
            // the JSON API has no CSRF token (it is not a browser form), so the order itself must be refused
            List<String[]> fields = orderFields(own, other);
            String productId = null;
            String quantity = null;
            List<String[]> members = new ArrayList<>();
            for (String[] f : fields) {
                switch (f[0]) {
                    case "productId" -> productId = productId == null ? f[1] : productId;
                    case "quantity" -> quantity = quantity == null ? f[1] : quantity;
                    case "name" -> members.add(new String[] {"customerName", jsonValue(f[1])});
                    default -> members.add(new String[] {f[0], jsonValue(f[1])});
                }
            }
            // a line is only as valid as both its product and its quantity were in the form
            String line = "{" + (productId == null ? "" : "\"productId\":" + jsonValue(productId))
                    + (productId != null && quantity != null ? "," : "")
                    + (quantity == null ? "" : "\"quantity\":" + jsonQuantity(quantity)) + "}";
            String lines = switch (r.nextInt(10)) {
                case 0 -> "[" + line + "," + line + "]";
                case 1 -> pick("[]", "null", "\"x\"", "[null]", "{}", "[[]]");
                default -> "[" + line + "]";
            };
            if (lines.startsWith("[") && lines.contains("{")) {
                members.add(r.nextInt(members.size() + 1), new String[] {"lines", lines});
            } else {
                // the lines themselves are refused: the other fields may be anything
                members.add(new String[] {"lines", lines});
            }
            return members;
        }

        /**
         * A form's quantity as JSON, refused if it was refused: whole numbers as numbers (0, -1, 1001 stay out of
         * range; 2147483648 does not fit an int), blank or letters as strings; anything a lenient reader could
         * turn into a number ("1e3", "1.5", "0x10") becomes "abc".
         */
        private String jsonQuantity(String quantity) {
            if (quantity.matches("-?[0-9]{1,9}") || quantity.equals("2147483648")) {
                return quantity;
            }
            if (quantity.isBlank() || quantity.chars().allMatch(Character::isLetter)) {
                return jsonValue(quantity);
            }
            return "\"abc\"";
        }

        private List<String[]> asJsonMembers(List<String[]> fields, Set<String> numeric) {
            List<String[]> members = new ArrayList<>();
            for (String[] f : fields) {
                members.add(new String[] {f[0], numeric.contains(f[0]) ? f[1] : jsonValue(f[1])});
            }
            if (r.nextInt(100) < 15 && !members.isEmpty()) {
                // a wrong type on top of the refused fields: under a field's own name only what no reader turns
                // into text (a value like 123 could replace a refused one), anything under a near name
                String[] victim = members.get(r.nextInt(members.size()));
                members.add(
                        r.nextBoolean()
                                ? new String[] {victim[0], pick("[]", "{}", "[1]", "{\"a\":1}")}
                                : new String[] {victim[0] + "_", pick("123", "[]", "{}", "true", "1.5", "null")});
            }
            return members;
        }

        private String jsonValue(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }

        private Body nonUtf8(Body body, boolean anywhere) {
            if (body.bytes().length == 0) {
                return body;
            }
            byte[] bytes = Arrays.copyOf(body.bytes(), body.bytes().length + 2);
            int at = anywhere ? r.nextInt(body.bytes().length + 1) : 0;
            System.arraycopy(body.bytes(), at, bytes, at + 2, body.bytes().length - at);
            bytes[at] = (byte) (int) pick(0xff, 0xc0, 0xed, 0x80);
            bytes[at + 1] = (byte) (int) pick(0xfe, 0xaf, 0xa0, 0x80);
            return new Body(
                    bytes, body.contentType(), body.description() + " with non-UTF-8 bytes", body.csrfSubmitted());
        }

        // --- headers ---

        private void headers(
                List<Map.Entry<String, String>> headers,
                Route route,
                Body body,
                Fixture own,
                Fixture other,
                boolean raw) {
            int ct = r.nextInt(100);
            if (body.contentType() != null && ct < 65) {
                headers.add(Map.entry("Content-Type", body.contentType()));
            } else if (ct < 90) {
                headers.add(Map.entry(
                        "Content-Type",
                        pick(
                                "application/json",
                                "application/json; charset=latin1",
                                "application/json; charset=utf-16",
                                "application/x-www-form-urlencoded",
                                "application/x-www-form-urlencoded; charset=bogus",
                                "multipart/form-data",
                                "multipart/form-data; boundary=",
                                "text/plain",
                                "application/xml",
                                "*/*",
                                "",
                                "application/json;;;",
                                "application/problem+json",
                                "image/png",
                                "text/html; charset=",
                                "application/x-www-form-urlencoded, application/json",
                                "json",
                                "application/",
                                "application/json; charset=\"utf-8\"; q=",
                                "\u00e9/\u00e9")));
            }
            if (r.nextInt(100) < 70) {
                headers.add(Map.entry(
                        "Accept",
                        pick(
                                "text/html",
                                "application/json",
                                "*/*",
                                "application/xml",
                                "image/*",
                                "text/html;q=abc",
                                "application/problem+json",
                                "",
                                ",,,",
                                "text/*, */*;q=0",
                                "application/json, text/html",
                                "x".repeat(2000),
                                "text/html;q=0, application/json;q=0",
                                IntStream.range(0, 200)
                                        .mapToObj(i -> "type" + i + "/sub")
                                        .collect(Collectors.joining(", ")))));
            }
            cookies(headers, route, body, own, other, raw);
            if (route.kind == Kind.UPLOAD_JSON || r.nextInt(100) < 5) {
                if (!body.csrfSubmitted().isEmpty() && r.nextInt(100) < 85) {
                    headers.add(Map.entry("X-CSRF-Token", body.csrfSubmitted().get(0)));
                }
            }
            int extras = r.nextInt(4);
            for (int i = 0; i < extras; i++) {
                headers.add(
                        switch (r.nextInt(14)) {
                            case 0 ->
                                Map.entry(
                                        "Origin",
                                        pick(
                                                "http://evil.example",
                                                "null",
                                                "http://" + other.slug() + ".localhost:" + port(),
                                                "",
                                                "http://localhost:" + port()));
                            case 1 ->
                                Map.entry("Referer", pick("http://evil.example/", "javascript:alert(1)", "\u00e9"));
                            case 2 ->
                                Map.entry(
                                        "X-Forwarded-For",
                                        pick("1.2.3.4, evil", "<script>", "::::::", "", "999.999.999.999"));
                            case 3 -> Map.entry("X-Forwarded-Proto", pick("https", "gopher", "", "HTTPS, http"));
                            case 4 -> Map.entry("X-Forwarded-Host", pick("evil.example", other.slug() + ".localhost"));
                            case 5 ->
                                Map.entry(
                                        "Idempotency-Key",
                                        pick(
                                                "fuzz-setup-" + own.slug(),
                                                "",
                                                "x".repeat(500),
                                                "short",
                                                "bad key!",
                                                "fuzz-gamma-key-0001"));
                            case 6 -> Map.entry("Accept-Language", pick("*", "zz-ZZ", ";q=", "en;q=2, fr;q=-1"));
                            case 7 -> Map.entry("Accept-Encoding", pick("gzip, br, *;q=abc", "identity;q=0", "x"));
                            case 8 -> Map.entry("Content-Encoding", pick("gzip", "deflate", "br", "x-junk"));
                            case 9 ->
                                Map.entry("Range", pick("bytes=abc-", "bytes=0-0,0-0,0-0", "bytes=-0", "lines=1-2"));
                            case 10 -> Map.entry("If-None-Match", pick("*", "\"x\"", "W/", ""));
                            case 11 ->
                                Map.entry("Authorization", pick("Bearer x", "Basic !!!", "AWS4-HMAC-SHA256 junk", ""));
                            case 12 -> Map.entry("User-Agent", pick("", "u".repeat(4000), "() { :; }; echo", "\u00e9"));
                            default -> Map.entry("X-Requested-With", "XMLHttpRequest");
                        });
            }
        }

        private void cookies(
                List<Map.Entry<String, String>> headers,
                Route route,
                Body body,
                Fixture own,
                Fixture other,
                boolean raw) {
            List<String> parts = new ArrayList<>();
            int s = r.nextInt(100);
            String session = null;
            if (s < 15) {
                session = own.session();
            } else if (s < 25) {
                session = other.session();
            } else if (s < 45) {
                session = pick(
                        "",
                        "x",
                        "a".repeat(26),
                        own.session() + "x",
                        own.session().toUpperCase(Locale.ROOT),
                        "%00",
                        "\"\"",
                        "a".repeat(5000),
                        own.session().substring(1));
            }
            int c = r.nextInt(100);
            String csrfCookie = c < 45
                    ? CSRF
                    : c < 55
                            ? OTHER_CSRF
                            : c < 60
                                    ? "\"" + CSRF + "\""
                                    : c < 75
                                            ? pick(
                                                    "",
                                                    "x",
                                                    CSRF.toUpperCase(Locale.ROOT),
                                                    CSRF + "a",
                                                    CSRF.substring(1),
                                                    "%00",
                                                    "\u00e9")
                                            : null;
            boolean tokenMayMatch = csrfCookie != null
                    && body.csrfSubmitted().stream().anyMatch(v -> v.equals(csrfCookie.replace("\"", "")));
            boolean harmless =
                    (route == Route.ADMIN_PRODUCTS && body.description().contains("product form"))
                            || (route == Route.UPLOADS && body.description().contains("upload JSON"));
            if (session != null && isRealSession(session) && tokenMayMatch && !harmless) {
                // a real session with a matching token would really sign out: keep the session, spoil the token
                session = session + "-spoiled";
            }
            if (session != null) {
                parts.add("dukan_session=" + session);
            }
            if (csrfCookie != null) {
                parts.add(r.nextInt(100) < 90 ? "dukan_csrf=" + csrfCookie : " dukan_csrf = " + csrfCookie + " ");
            }
            int j = r.nextInt(100);
            if (j < 8) {
                parts.add("junk=" + "x".repeat(pick(8 * 1024, 32 * 1024, 64 * 1024)));
            } else if (j < 16) {
                parts.add(pick("=;;=;", ";;;", "=", "a=b=c", "\"", "dukan_session", "dukan_csrf=", "$Version=1"));
            } else if (j < 20) {
                IntStream.range(0, 300).forEach(i -> parts.add("c" + i + "=v"));
            } else if (j < 23 && raw) {
                parts.add("n\u00e9=\u00e9\u0000");
            }
            if (r.nextInt(100) < 20) {
                java.util.Collections.shuffle(parts, r);
            }
            if (!parts.isEmpty()) {
                if (raw && parts.size() > 1 && r.nextInt(100) < 20) {
                    int split = 1 + r.nextInt(parts.size() - 1);
                    headers.add(Map.entry("Cookie", String.join("; ", parts.subList(0, split))));
                    headers.add(Map.entry("Cookie", String.join("; ", parts.subList(split, parts.size()))));
                } else {
                    headers.add(Map.entry("Cookie", String.join("; ", parts)));
                }
            }
        }

        private String csrfValue() {
            int v = r.nextInt(100);
            return v < 60
                    ? CSRF
                    : v < 75
                            ? OTHER_CSRF
                            : pick("", CSRF + "x", CSRF.toUpperCase(Locale.ROOT), "%00", "a".repeat(500), "\u00e9");
        }

        // --- helpers ---

        private byte[] randomBytes(int n) {
            byte[] bytes = new byte[n];
            r.nextBytes(bytes);
            return bytes;
        }

        @SafeVarargs
        private <T> T pick(T... options) {
            return options[r.nextInt(options.length)];
        }

        private <T> T pick(List<T> options) {
            return options.get(r.nextInt(options.size()));
        }
    }

    static boolean isRealSession(String cookieValue) {
        String value = cookieValue.strip().replace("\"", "");
        return value.equals(alpha.session()) || value.equals(beta.session());
    }

    static boolean isS3(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("_s3") || lower.contains("%5fs3") || lower.contains("s3mock");
    }

    /** Guards the construction: a generated form never carries an email, whatever else it is. */
    static void assertSafeForm(String text) {
        for (String pair : text.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notDecodable) {
                continue;
            }
            assertThat(name).as("a generated form field").isNotEqualTo("email");
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // --- sending ---------------------------------------------------------------------------------------------

    /** status: the HTTP status; 0 when the connection ended without one; -1 when the test itself failed. */
    record Outcome(FuzzRequest request, int status, String body, String error, long millis, String transport) {}

    static Outcome send(FuzzRequest request) {
        long start = System.nanoTime();
        if (!request.raw()) {
            Outcome viaClient = sendWithClient(request, start);
            if (viaClient != null) {
                return viaClient;
            }
        }
        return sendRaw(request, start, request.raw() ? "raw" : "raw (the JDK client refused it)");
    }

    /** Null when the JDK client will not send this request as generated (the raw sender then does). */
    static Outcome sendWithClient(FuzzRequest request, long start) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + request.target()))
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            request.method(),
                            request.body().length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            for (Map.Entry<String, String> header : request.headers()) {
                builder.header(header.getKey(), header.getValue());
            }
        } catch (IllegalArgumentException cannot) {
            return null;
        }
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Outcome(
                    request,
                    response.statusCode(),
                    excerpt(response.body(), response.body().length),
                    "",
                    millisSince(start),
                    "client");
        } catch (IOException e) {
            return new Outcome(request, 0, "", e.toString(), millisSince(start), "client");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(request, -1, "", e.toString(), millisSince(start), "client");
        }
    }

    static Outcome sendRaw(FuzzRequest request, long start, String transport) {
        byte[] bytes = rawBytes(request);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        String error = "";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.setSoTimeout(RAW_TIMEOUT_MILLIS);
            // reads time out by themselves; a write the server stops taking is ended by closing the socket
            ScheduledFuture<?> watchdog =
                    WATCHDOG.schedule(() -> closeQuietly(socket), 2L * RAW_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                socket.shutdownOutput(); // no more is coming: a server waiting for more body sees the end
            } catch (IOException writeFailed) {
                error = "write: " + writeFailed; // the server may have answered and closed before taking it all
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (received.size() < 1024 * 1024) {
                    received.write(buffer, 0, n);
                }
            }
            watchdog.cancel(false);
        } catch (SocketTimeoutException e) {
            error = (error.isEmpty() ? "" : error + "; ") + "no end of answer within " + RAW_TIMEOUT_MILLIS + " ms";
        } catch (IOException e) {
            error = (error.isEmpty() ? "" : error + "; ") + e;
        }
        byte[] answer = received.toByteArray();
        int status = 0;
        String body = "";
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("^HTTP/1\\.[01] ([0-9]{3})[^\\n]*\\n").matcher(text);
        int from = 0;
        while (m.region(from, text.length()).lookingAt()) {
            status = Integer.parseInt(m.group(1));
            int headersEnd = text.indexOf("\r\n\r\n", from);
            if (status != 100 || headersEnd < 0) {
                body = headersEnd < 0
                        ? ""
                        : excerpt(
                                Arrays.copyOfRange(answer, headersEnd + 4, answer.length),
                                answer.length - headersEnd - 4);
                break;
            }
            from = headersEnd + 4;
        }
        if (status == 0 && answer.length > 0) {
            error = (error.isEmpty() ? "" : error + "; ") + "not an HTTP answer: " + clip(text, 100);
        }
        return new Outcome(request, status, body, error, millisSince(start), transport);
    }

    static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hostile-requests-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }

    static byte[] rawBytes(FuzzRequest q) {
        RawStyle style = q.raw() ? q.style() : RawStyle.WELL;
        String eol = style == RawStyle.BARE_LF ? "\n" : "\r\n";
        String method = switch (style) {
            case LOWERCASE_METHOD -> q.method().toLowerCase(Locale.ROOT);
            case JUNK_METHOD -> junkMethod(q.index());
            default -> q.method();
        };
        String target = switch (style) {
            case ABSOLUTE_FORM -> "http://evil.example" + q.target();
            case ASTERISK -> "*";
            case RAW_BYTES_IN_TARGET -> q.target() + "\u0001\u007f\u00ff x";
            case LONG_REQUEST_LINE -> q.target() + "/" + "L".repeat(100_000);
            default -> q.target();
        };
        String requestLine = switch (style) {
            case NO_VERSION -> method + " " + target;
            case BAD_VERSION ->
                method + " " + target + " "
                        + new String[] {
                                    "HTTP/1.2",
                                    "HTTP/2.0",
                                    "HTTP/0.9",
                                    "HTTP/1.1x",
                                    "FOO/1.1",
                                    "HTTP/11",
                                    "http/1.1",
                                    "HTTP/"
                                }
                                [Math.floorMod(q.index(), 8)];
            case HTTP_1_0 -> method + " " + target + " HTTP/1.0";
            case EXTRA_SPACES -> method + "  " + target + "   HTTP/1.1 ";
            default -> method + " " + target + " HTTP/1.1";
        };
        byte[] body = q.body();
        StringBuilder head = new StringBuilder(requestLine).append(eol);
        if (!q.raw()) {
            head.append("Host: localhost:").append(port()).append(eol); // what the JDK client would have sent
        }
        for (Map.Entry<String, String> h : q.headers()) {
            head.append(h.getKey())
                    .append(style == RawStyle.SPACE_BEFORE_COLON ? " : " : ": ")
                    .append(h.getValue())
                    .append(eol);
        }
        switch (style) {
            case HEADER_WITHOUT_COLON -> head.append("This line has no colon").append(eol);
            case OBS_FOLD ->
                head.append("X-Folded: first")
                        .append(eol)
                        .append(" second line")
                        .append(eol);
            case NUL_IN_HEADER -> head.append("X-Nul: a\u0000b").append(eol);
            case HUGE_HEADER ->
                head.append("X-Huge: ").append("h".repeat(256 * 1024)).append(eol);
            case MANY_HEADERS ->
                IntStream.range(0, 1000)
                        .forEach(i ->
                                head.append("X-Many-").append(i).append(": v").append(eol));
            case EXPECT_CONTINUE -> head.append("Expect: 100-continue").append(eol);
            default -> {}
        }
        byte[] payload = body;
        switch (style) {
            case LENGTH_LONGER_THAN_BODY ->
                head.append("Content-Length: ")
                        .append(body.length + 1 + q.index() % 1000)
                        .append(eol);
            case LENGTH_SHORTER_THAN_BODY ->
                head.append("Content-Length: ").append(body.length / 2).append(eol);
            case LENGTH_INVALID ->
                head.append("Content-Length: ")
                        .append(new String[] {
                                    "abc", "-1", "1e3", "99999999999999999999", "", " 12 ", "0x10", "+5", "5, 5"
                                }
                                [Math.floorMod(q.index(), 9)])
                        .append(eol);
            case LENGTH_TWICE ->
                head.append("Content-Length: ")
                        .append(body.length)
                        .append(eol)
                        .append("Content-Length: ")
                        .append(body.length / 2 + 1)
                        .append(eol);
            case CHUNKED, CHUNKED_AND_LENGTH -> {
                head.append("Transfer-Encoding: chunked").append(eol);
                if (style == RawStyle.CHUNKED_AND_LENGTH) {
                    head.append("Content-Length: ").append(body.length / 2).append(eol);
                }
                payload = chunked(body, false);
            }
            case CHUNKED_BROKEN -> {
                head.append("Transfer-Encoding: ")
                        .append(q.index() % 2 == 0 ? "chunked" : "gzip, chunked")
                        .append(eol);
                payload = chunked(body, true);
            }
            default -> {
                if (body.length > 0 || List.of("POST", "PUT", "PATCH").contains(q.method())) {
                    head.append("Content-Length: ").append(body.length).append(eol);
                }
            }
        }
        if (style != RawStyle.HTTP_1_0) {
            head.append("Connection: close").append(eol);
        }
        head.append(eol);
        if (style == RawStyle.EMPTY) {
            return eol.getBytes(StandardCharsets.US_ASCII);
        }
        if (style == RawStyle.GARBAGE) {
            byte[] junk = new byte[1 + Math.floorMod(q.index() * 7919, 2000)];
            new Random(q.index()).nextBytes(junk);
            return junk;
        }
        if (style == RawStyle.TLS_HELLO) {
            return new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03};
        }
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + payload.length);
        System.arraycopy(payload, 0, all, headBytes.length, payload.length);
        return all;
    }

    static String junkMethod(int index) {
        String[] methods = {
            "GE T",
            "FOO",
            "",
            "G\u0000ET",
            "TRACE",
            "CONNECT",
            "M".repeat(300),
            "PROPFIND",
            "get",
            "POST\t",
            "\u00e9",
            "DELETE /",
            "PRI"
        };
        return methods[Math.floorMod(index, methods.length)];
    }

    static byte[] chunked(byte[] body, boolean broken) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        int size = Math.max(1, body.length / 3);
        while (at < body.length) {
            int n = Math.min(size, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            at += n;
        }
        if (broken) {
            // a size that is no number, or one larger than what follows, and no last chunk
            out.writeBytes(
                    (body.length % 2 == 0 ? "zz\r\nxx\r\n" : "ffff\r\nshort").getBytes(StandardCharsets.US_ASCII));
        } else {
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    // --- reporting -------------------------------------------------------------------------------------------

    static void printSummary(List<Outcome> all, long millis) {
        Map<Integer, Long> byStatus =
                all.stream().collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
        Map<String, Long> byTransport =
                all.stream().collect(Collectors.groupingBy(Outcome::transport, TreeMap::new, Collectors.counting()));
        long oversized = all.stream()
                .filter(o -> o.request() != null && o.request().body().length > 1024 * 1024)
                .count();
        System.out.printf(
                "HostileRequestsIT: seed %d: %d requests in %d ms (%s; %d over 1 MB); statuses %s%n",
                SEED, all.size(), millis, byTransport, oversized, byStatus);
        all.stream()
                .filter(o -> o.status() >= 500)
                .forEach(o -> System.out.printf(
                        "HostileRequestsIT: %d via %s: #%d %s %s %s (%s) -> %s%n",
                        o.status(),
                        o.transport(),
                        o.request().index(),
                        o.request().raw() ? o.request().style() : "client",
                        clip(o.request().method(), 20),
                        clip(o.request().target(), 100),
                        o.request().bodyDescription(),
                        clip(o.body(), 120)));
        all.stream()
                .filter(o -> o.status() == 0)
                .limit(10)
                .forEach(o -> System.out.printf(
                        "HostileRequestsIT: no answer (%s): %s%n",
                        clip(o.error(), 200), o.request().summary()));
        all.stream()
                .sorted(Comparator.comparingLong(Outcome::millis).reversed())
                .limit(3)
                .forEach(o -> System.out.printf(
                        "HostileRequestsIT: slow: %d ms, status %d: %s%n",
                        o.millis(), o.status(), clip(o.request().summary(), 300)));
    }

    static String describe(List<Outcome> offenders, String what) {
        StringBuilder out = new StringBuilder()
                .append(offenders.size())
                .append(' ')
                .append(what)
                .append(" (seed ")
                .append(SEED)
                .append("; replay one with -Dfuzz.seed=")
                .append(SEED)
                .append(" -Dfuzz.only=<#>):");
        offenders.stream()
                .limit(20)
                .forEach(o -> out.append("\n  ")
                        .append(o.status())
                        .append(" via ")
                        .append(o.transport())
                        .append(" — ")
                        .append(
                                o.request() == null
                                        ? "(no request)"
                                        : o.request().summary())
                        .append("\n      answer: ")
                        .append(clip(o.body(), 300))
                        .append(o.error().isEmpty() ? "" : "\n      error: " + clip(o.error(), 300)));
        if (offenders.size() > 20) {
            out.append("\n  … and ").append(offenders.size() - 20).append(" more");
        }
        return out.toString();
    }

    static String excerpt(byte[] body, int length) {
        return clip(new String(body, 0, Math.min(length, 2000), StandardCharsets.UTF_8), 300);
    }

    static String clip(String text, int max) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…(" + flat.length() + " chars)";
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    // --- the data --------------------------------------------------------------------------------------------

    /** Every item of the table and every object of the bucket (and the bucket list). */
    record Snapshot(SortedMap<String, String> items, SortedMap<String, String> objects, List<String> buckets) {

        String diff(Snapshot after) {
            StringBuilder out = new StringBuilder();
            diff(out, "item", items, after.items());
            diff(out, "S3 object", objects, after.objects());
            if (!buckets.equals(after.buckets())) {
                out.append("  buckets: ")
                        .append(buckets)
                        .append(" -> ")
                        .append(after.buckets())
                        .append('\n');
            }
            return out.toString();
        }

        private static void diff(
                StringBuilder out, String what, SortedMap<String, String> before, SortedMap<String, String> after) {
            Set<String> keys = new TreeSet<>(before.keySet());
            keys.addAll(after.keySet());
            for (String key : keys) {
                String was = before.get(key);
                String is = after.get(key);
                if (was == null) {
                    out.append("  new ")
                            .append(what)
                            .append(' ')
                            .append(key)
                            .append(": ")
                            .append(clip(is, 400))
                            .append('\n');
                } else if (is == null) {
                    out.append("  deleted ")
                            .append(what)
                            .append(' ')
                            .append(key)
                            .append(": ")
                            .append(clip(was, 400))
                            .append('\n');
                } else if (!was.equals(is)) {
                    out.append("  changed ")
                            .append(what)
                            .append(' ')
                            .append(key)
                            .append(":\n    before ")
                            .append(clip(was, 400))
                            .append("\n    after  ")
                            .append(clip(is, 400))
                            .append('\n');
                }
            }
        }
    }

    /** Waits until no stream record has been delivered for 2 s (8 polls of the local stream at 250 ms). */
    static void awaitStreamsQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        long seen = cloud.streamRecordsDelivered();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < java.util.concurrent.TimeUnit.SECONDS.toNanos(2)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the table's stream never went quiet");
            }
            Thread.sleep(100);
            long now = cloud.streamRecordsDelivered();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
        }
    }

    static Snapshot snapshot() {
        SortedMap<String, String> items = new TreeMap<>();
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(
                        r -> r.tableName(TABLE).consistentRead(true))
                .items()) {
            if (item.get("pk").s().startsWith("PLATFORM#RATE#")) {
                continue; // signup rate counters count every request, refused ones too: that is their job
            }
            items.put(item.get("pk").s() + " | " + item.get("sk").s(), new TreeMap<>(item).toString());
        }
        SortedMap<String, String> objects = new TreeMap<>();
        s3.listObjectsV2Paginator(r -> r.bucket(BUCKET))
                .contents()
                .forEach(o -> objects.put(o.key(), o.size() + " bytes, etag " + o.eTag() + ", " + o.lastModified()));
        List<String> buckets =
                s3.listBuckets().buckets().stream().map(b -> b.name()).sorted().toList();
        return new Snapshot(items, objects, buckets);
    }

    // --- the two stores, made over HTTP as an owner and a shopper would ----------------------------------------

    static Fixture store(String slug, String name, String email, String currency, String country, String language)
            throws Exception {
        String password = "a password for " + slug;
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/stores"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "fuzz-setup-" + slug)
                .POST(HttpRequest.BodyPublishers.ofString("{\"storeName\":\"" + name + "\",\"slug\":\"" + slug
                        + "\",\"ownerEmail\":\"" + email + "\",\"password\":\"" + password + "\",\"currency\":\""
                        + currency + "\",\"country\":\"" + country + "\",\"language\":\"" + language + "\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        VerificationMail.verify(cloud.baseUrl(), email);

        HttpResponse<String> login =
                postForm("/s/" + slug + "/admin/login", Map.of("email", email, "password", password), null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        String sessionCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("dukan_session="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();

        HttpResponse<String> grant = send(HttpRequest.newBuilder(uri("/s/" + slug + "/admin/uploads"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Cookie", sessionCookie + "; dukan_csrf=" + CSRF)
                .header("X-CSRF-Token", CSRF)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"contentType\":\"image/png\",\"contentLength\":" + IMAGE.length + "}")));
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        String uploadUrl = match(grant.body(), "\"url\":\"([^\"]+)\"").replace("\\u0026", "&");
        String imageKey = match(grant.body(), "\"key\":\"([^\"]+)\"");
        HttpResponse<String> put = http.send(
                HttpRequest.newBuilder(URI.create(uploadUrl))
                        .header("Content-Type", "image/png")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(IMAGE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);

        HttpResponse<String> saved = postForm(
                "/s/" + slug + "/admin/products",
                Map.of(
                        "name",
                        name + " sampler",
                        "description",
                        "For the fuzz run",
                        "price",
                        "12.50",
                        "stock",
                        "9",
                        "imageKey",
                        imageKey),
                sessionCookie);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        String productId = match(get("/s/" + slug + "/").body(), "/s/" + slug + "/products/([a-z2-7]{16})");

        String orderPath = PlatformJourneyIT.checkout(
                HostileRequestsIT::postForm,
                HostileRequestsIT::getWithCookie,
                slug,
                productId,
                1,
                Map.of(
                        "name",
                        "First Shopper",
                        "phone",
                        "+92 300 7654321",
                        "line1",
                        "2 Setup Lane",
                        "city",
                        "Lahore",
                        "country",
                        country,
                        "paymentMethod",
                        "CASH_ON_DELIVERY"));
        return new Fixture(
                slug,
                sessionCookie.substring("dukan_session=".length()),
                productId,
                orderPath.substring(orderPath.lastIndexOf('/') + 1),
                imageKey);
    }

    static int port() {
        return URI.create(cloud.baseUrl()).getPort();
    }

    static URI uri(String path) {
        return URI.create(cloud.baseUrl() + path);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return send(
                HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
    }

    static HttpResponse<String> getWithCookie(String path, String cookie) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/html")
                .header("Cookie", cookie)
                .GET());
    }

    static HttpResponse<String> postForm(String path, Map<String, String> fields, String cookie) throws Exception {
        String body = fields.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"))
                + "&_csrf=" + CSRF;
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .header("Cookie", (cookie == null ? "" : cookie + "; ") + "dukan_csrf=" + CSRF)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in %s", regex, text).isTrue();
        return m.group(1);
    }
}
