package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.aws.dynamodb.UpgradeRecords;
import io.dukan.core.operator.PlatformAudit;
import io.dukan.core.operator.PlatformAuditEntry;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.upgrade.ShopVersion;
import io.dukan.core.upgrade.ShopVersions;
import io.dukan.core.upgrade.StoreVersions;
import io.dukan.core.upgrade.UpgradeCampaign;
import io.dukan.core.upgrade.UpgradeCampaigns;
import io.dukan.core.upgrade.UpgradeNote;
import io.dukan.core.upgrade.UpgradeRules;
import io.dukan.core.upgrade.UpgradeService;
import io.dukan.core.upgrade.UpgradeState;
import io.dukan.core.upgrade.UpgradeTarget;
import io.dukan.core.upgrade.Wave;
import io.dukan.core.upgrade.WaveState;
import io.dukan.local.client.Forms;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Upgrades in waves end to end: the real fleet worker (from template.yaml, on the local queue with its delayed
 * steps), DynamoDB Local, and store functions that really change code. Three stores run the in-process shop
 * (local-1); the shop's packaged jar of the same build (local-2, functions/shop/target/dukan-shop-lambda.jar, in a
 * class loader of its own: the reactor packages the shop before this module's integration tests) reaches them one
 * canary, then 10 %, then the rest, each wave watched on the gateway's own counts of the traffic this test sends,
 * the two versions of the real shop answering side by side meanwhile (each says which it is in
 * X-Dukan-Shop-Version); then the broken version (local-broken, 500 to everything) fails on its canary, which is put
 * back on the version it ran, and no other store is touched; a store signed up afterwards runs local-2, the fleet's
 * version, not the local cloud's own shop.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetUpgradeIT {

    static final Duration WINDOW = Duration.ofSeconds(2);
    static final List<String> SLUGS = List.of("upgrade-one", "upgrade-two", "upgrade-three");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static Path data;
    static LocalCloud cloud;
    static DynamoDbClient dynamo;
    static UpgradeCampaigns upgrades;
    static ShopVersions versions;
    static StoreVersions storeVersions;
    static UpgradeService service;
    static ScheduledExecutorService traffic;
    static final Map<String, String> lastAnswer = new ConcurrentHashMap<>();
    /** While true the shoppers stay away: no traffic at all reaches the stores. */
    static volatile boolean shoppersAway;
    /** Per store, per X-Dukan-Shop-Version answered: when it was first and last seen (System.nanoTime). */
    static final Map<String, Map<String, long[]>> seen = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("dukan-upgrades");
        Path root = Path.of(System.getProperty("dukan.project.root", "../.."))
                .toAbsolutePath()
                .normalize();
        cloud = LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(root)
                .dataDir(data)
                .port(0)
                .inMemoryDynamoDb(true)
                .upgradeWindow(WINDOW)
                // the upgrade nudge runs when a test says so (runScheduled), not on its own
                .scheduleInterval(Duration.ofHours(1)));
        for (String slug : SLUGS) {
            signUp(slug);
        }
        String table = cloud.fleet()
                .functions()
                .values()
                .iterator()
                .next()
                .environment()
                .get("DUKAN_TABLE");
        dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(cloud.dynamoEndpoint()))
                .region(Region.of(LocalNames.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
        upgrades = UpgradeRecords.campaigns(dynamo, table);
        versions = UpgradeRecords.versions(dynamo, table);
        storeVersions = UpgradeRecords.storeVersions(dynamo, table);
        service = new UpgradeService(
                versions,
                upgrades,
                cloud.queues().get(0),
                new PlatformAudit() {
                    @Override
                    public void record(PlatformAuditEntry entry, TenantId store) {}

                    @Override
                    public Page<PlatformAuditEntry> recent(String cursor, int limit) {
                        return new Page<>(List.of(), null);
                    }

                    @Override
                    public List<PlatformAuditEntry> ofStore(TenantId store, int limit) {
                        return List.of();
                    }
                },
                new UpgradeRules(WINDOW, 0.05, 3, 3, 25),
                Clock.systemUTC());
        // shoppers: every store gets a request every 100 ms, as the watch needs traffic to judge
        traffic = Executors.newSingleThreadScheduledExecutor();
        traffic.scheduleWithFixedDelay(
                () -> {
                    for (String slug : SLUGS) {
                        if (shoppersAway) {
                            return;
                        }
                        try {
                            HttpResponse<String> r = HTTP.send(
                                    HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/s/" + slug + "/"))
                                            .timeout(Duration.ofSeconds(30))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            lastAnswer.put(slug, r.statusCode() + " " + r.body());
                            long now = System.nanoTime();
                            r.headers()
                                    .firstValue("X-Dukan-Shop-Version")
                                    .ifPresent(v -> seen.computeIfAbsent(slug, k -> new ConcurrentHashMap<>())
                                            .merge(v, new long[] {now, now}, (a, b) -> new long[] {a[0], b[1]}));
                        } catch (Exception e) {
                            lastAnswer.put(slug, "failed " + e);
                        }
                    }
                },
                0,
                100,
                TimeUnit.MILLISECONDS);
    }

    @AfterAll
    static void stop() {
        if (traffic != null) {
            traffic.shutdownNow();
        }
        if (dynamo != null) {
            dynamo.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    static void signUp(String slug) throws Exception {
        String email = "owner@" + slug + ".example";
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/api/stores"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"storeName\":\"Store " + slug + "\",\"slug\":\""
                                + slug + "\",\"ownerEmail\":\"" + email + "\",\"password\":\"a long enough secret\","
                                + "\"currency\":\"PKR\",\"country\":\"PK\",\"language\":\"en\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        VerificationMail.verify(cloud.baseUrl(), email);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!cloud.fleet().routes().containsKey(slug)) {
            assertThat(System.nanoTime())
                    .as("store " + slug + " provisioned in time")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    static TenantId tenant(String slug) {
        return new TenantId(cloud.fleet().routes().get(slug));
    }

    static String runs(String slug) {
        return cloud.fleet().version(tenant(slug).value()).orElseThrow();
    }

    static UpgradeCampaign await(String id, UpgradeState state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        UpgradeCampaign c = upgrades.find(id).orElseThrow();
        while (c.state() != state) {
            assertThat(c.state().isFinal())
                    .as("campaign ended " + c.state() + " (" + c.reason() + "), not " + state)
                    .isFalse();
            assertThat(System.nanoTime())
                    .as("campaign " + state + " in time; it is " + c.state() + " " + c.waves())
                    .isLessThan(deadline);
            Thread.sleep(200);
            c = upgrades.find(id).orElseThrow();
        }
        return c;
    }

    @Test
    @Order(1)
    void everyStoreRecordsTheVersionItRuns_theLocalCloudsOwnShop() throws Exception {
        for (String slug : SLUGS) {
            assertThat(runs(slug)).isEqualTo(LocalStoreFleet.BUILTIN_VERSION);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // recorded by the worker once the store is ACTIVE (its route comes a moment before)
            while (storeVersions.current(tenant(slug)).isEmpty()) {
                assertThat(System.nanoTime()).as(slug + "'s version recorded").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(storeVersions.current(tenant(slug))).hasValue(LocalStoreFleet.BUILTIN_VERSION);
            while (!String.valueOf(lastAnswer.get(slug)).startsWith("200")) {
                assertThat(System.nanoTime())
                        .as(slug + " answers: " + lastAnswer.get(slug))
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(lastAnswer.get(slug)).contains("Store " + slug);
        }
        assertThat(versions.all()).extracting(ShopVersion::id).contains("local-1", "local-broken");
    }

    @Test
    @Order(2)
    void aGoodVersion_reachesEveryStore_canaryThenTenPercentThenTheRest_twoShopsSideBySide() throws Exception {
        assertThat(versions.version(LocalShopVersions.PACKAGED))
                .as("local-2 is registered once the shop is packaged (" + LocalShopVersions.SHOP_JAR + ")")
                .isPresent();
        for (String slug : SLUGS) {
            assertThat(answerOf(slug)).as(slug).startsWith("200 [local-1] ");
        }

        UpgradeCampaign done = await(service.start("ops@test", "local-2").id(), UpgradeState.DONE);

        assertThat(done.waves()).extracting(Wave::size).containsExactly(1, 1, 1);
        assertThat(done.waves()).extracting(Wave::state).containsOnly(WaveState.PASSED);
        assertThat(done.waves())
                .allSatisfy(w -> assertThat(w.after().requests()).isGreaterThanOrEqualTo(3));
        // the canary went first: deployed (and watched) before the second wave started
        assertThat(done.waves().get(0).deployedAt())
                .isBefore(done.waves().get(1).deployedAt());
        assertThat(done.waves().get(1).deployedAt())
                .isBefore(done.waves().get(2).deployedAt());
        // side by side: once the canary answered from local-2, the other stores still answered from local-1
        String canary = upgrades.targets(done.id(), 0, 1).get(0).slug().value();
        long canaryOnTwo = seen.get(canary).get("local-2")[0];
        for (String slug : SLUGS) {
            if (!slug.equals(canary)) {
                assertThat(seen.get(slug).get("local-1")[1])
                        .as(slug + " still ran local-1 after the canary " + canary + " ran local-2")
                        .isGreaterThan(canaryOnTwo);
                assertThat(seen.get(slug).get("local-2")[0]).isGreaterThan(canaryOnTwo);
            }
        }
        for (String slug : SLUGS) {
            assertThat(runs(slug)).isEqualTo("local-2");
            assertThat(storeVersions.current(tenant(slug))).hasValue("local-2");
            assertThat(answerOf(slug)).startsWith("200 [local-2] ").contains("Store " + slug);
        }
        // the shop's packaged jar was loaded in a class loader of its own
        assertThat(IsolatedCode.loaded())
                .contains(Path.of(System.getProperty("dukan.project.root", "../.."))
                        .resolve(LocalShopVersions.SHOP_JAR)
                        .toAbsolutePath()
                        .normalize());
        assertThat(versions.fleetVersion()).hasValue("local-2");
    }

    @Test
    @Order(3)
    void aFailingCanary_isRolledBackOnItsCheck_withoutAnyShopperTraffic_andNoOtherStoreIsTouched() throws Exception {
        shoppersAway = true;
        Thread.sleep(300); // the traffic thread's round in flight ends
        UpgradeCampaign started;
        UpgradeCampaign rolledBack;
        try {
            started = service.start("ops@test", "local-broken");
            rolledBack = await(started.id(), UpgradeState.ROLLED_BACK);
        } finally {
            shoppersAway = false;
        }

        assertThat(rolledBack.reason().key()).isEqualTo(UpgradeNote.CHECK_FAILED);
        assertThat(rolledBack.reason().args())
                .containsExactly(rolledBack.reason().args().get(0), "500", "local-broken", "1");
        assertThat(rolledBack.reason().english()).contains("answered its check request with HTTP 500");
        Wave canaryWave = rolledBack.waves().get(0);
        assertThat(canaryWave.state()).isEqualTo(WaveState.ROLLED_BACK);
        assertThat(canaryWave.watches())
                .as("rolled back at once, never watched")
                .isZero();
        assertThat(canaryWave.after().requests()).isZero();
        assertThat(canaryWave.note()).isEqualTo(rolledBack.reason());
        assertThat(canaryWave.rolledBack()).isEqualTo(1);
        assertThat(rolledBack.waves().subList(1, 3)).extracting(Wave::state).containsOnly(WaveState.WAITING);
        List<UpgradeTarget> plan = upgrades.targets(started.id(), 0, 3);
        String canary = plan.get(0).slug().value();
        assertThat(plan.get(0).state()).isEqualTo(UpgradeTarget.TargetState.ROLLED_BACK);
        assertThat(plan.subList(1, 3)).extracting(UpgradeTarget::state).containsOnly(UpgradeTarget.TargetState.WAITING);
        // the canary serves the version it ran before again; the others never left it
        for (String slug : SLUGS) {
            assertThat(runs(slug)).as(slug).isEqualTo("local-2");
            assertThat(storeVersions.current(tenant(slug))).as(slug).hasValue("local-2");
        }
        assertThat(rolledBack.reason().args().get(0)).isEqualTo(canary);
        assertThat(answerOf(canary)).startsWith("200 [local-2] ");
        assertThat(service.active()).isEmpty();
    }

    @Test
    @Order(4)
    void aStoreSignedUpAfterTheUpgrade_runsTheFleetsVersion_andEveryStoreTakesOrders() throws Exception {
        // the rolled-back campaign left the fleet's version where the finished one put it
        assertThat(versions.fleetVersion()).hasValue("local-2");

        signUp("upgrade-late");

        assertThat(runs("upgrade-late")).isEqualTo("local-2");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (storeVersions.current(tenant("upgrade-late")).isEmpty()) {
            assertThat(System.nanoTime()).as("upgrade-late's version recorded").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(storeVersions.current(tenant("upgrade-late"))).hasValue("local-2");
        assertThat(answerOf("upgrade-late")).startsWith("200 [local-2] ").contains("Store upgrade-late");
        for (String slug : List.of("upgrade-late", SLUGS.get(1))) {
            assertThat(orderPlaced(slug)).as(slug).startsWith("200 [local-2] ");
        }
    }

    /** The owner adds a product, a shopper orders it: the order page's answer. */
    static String orderPlaced(String slug) throws Exception {
        String owner = signIn(slug);
        HttpResponse<String> saved =
                postForm("/s/" + slug + "/admin/products", Map.of("name", "Chai", "price", "300", "stock", "5"), owner);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        java.util.regex.Matcher product = java.util.regex.Pattern.compile("#product-([a-z2-7]{16})")
                .matcher(saved.headers().firstValue("Location").orElseThrow());
        assertThat(product.find()).isTrue();
        String order = PlatformJourneyIT.checkout(
                FleetUpgradeIT::postForm,
                FleetUpgradeIT::get,
                slug,
                product.group(1),
                1,
                Map.of(
                        "name", "Gul Bano",
                        "phone", "+92 300 1234567",
                        "email", "gul@customer.example",
                        "line1", "Mingora Bazaar 4",
                        "city", "Swat",
                        "country", "PK",
                        "paymentMethod", "CASH_ON_DELIVERY"));
        HttpResponse<String> page = get(order, null);
        return page.statusCode() + " ["
                + page.headers().firstValue("X-Dukan-Shop-Version").orElse("") + "] " + page.body();
    }

    static final String CSRF = "fleetupgradecsrftokenfleet";

    /** The owner's and the shopper's forms, with {@link #CSRF} as the browser's token. */
    static Forms forms() {
        return new Forms(HTTP, cloud.baseUrl(), CSRF);
    }

    static String signIn(String slug) throws Exception {
        return forms().signIn(slug, "owner@" + slug + ".example", "a long enough secret");
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        return forms().get(path, cookie);
    }

    static HttpResponse<String> postForm(String path, Map<String, String> fields, String cookie) throws Exception {
        return forms().postForm(path, fields, cookie);
    }

    @Test
    @Order(5)
    void aVersionWhoseHomePageWorks_butWhoseOtherPagesFail_passesItsCheck_andShoppersTrafficRollsItBack()
            throws Exception {
        Path jar = BrokenShop.jarOf(HomeOnlyShop.class, data.resolve("home-only-shop.jar"));
        service.publish("ops@test", "home-only", jar + "!" + HomeOnlyShop.class.getName(), "only its home page works");
        // shoppers browse every store's catalog too (the late store's as well): those pages fail on this version
        ScheduledExecutorService browsing = Executors.newSingleThreadScheduledExecutor();
        browsing.scheduleWithFixedDelay(
                () -> {
                    for (String slug : cloud.fleet().routes().keySet()) {
                        try {
                            HTTP.send(
                                    HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/s/" + slug + "/products"))
                                            .timeout(Duration.ofSeconds(30))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
                        } catch (Exception ignored) {
                            // counted by the gateway
                        }
                    }
                },
                0,
                100,
                TimeUnit.MILLISECONDS);
        UpgradeCampaign rolledBack;
        try {
            rolledBack = await(service.start("ops@test", "home-only").id(), UpgradeState.ROLLED_BACK);
        } finally {
            browsing.shutdownNow();
        }

        assertThat(rolledBack.reason().key()).isEqualTo(UpgradeNote.ERROR_RATE);
        assertThat(rolledBack.reason().english()).startsWith("Error rate").endsWith("in wave 1.");
        Wave canaryWave = rolledBack.waves().get(0);
        assertThat(canaryWave.checked()).as("its home page answered the check").isEqualTo(1);
        assertThat(canaryWave.after().errors()).isGreaterThanOrEqualTo(3);
        for (String slug : SLUGS) {
            assertThat(runs(slug)).as(slug).isEqualTo("local-2");
        }
    }

    @Test
    @Order(6)
    void aCampaignWhoseFirstStepIsLost_isNudgedByTheScheduledFunction_andFinishes() throws Exception {
        Path jar = BrokenShop.jarOf(EchoShop.class, data.resolve("echo-shop-3.jar"));
        service.publish("ops@test", "echo-3", jar + "!" + EchoShop.class.getName(), "a third build");
        UpgradeService lossy = new UpgradeService(
                versions,
                upgrades,
                (campaign, token, delay) -> {}, // the queue loses the message
                NO_AUDIT,
                new UpgradeRules(WINDOW, 0.05, 3, 3, 25),
                Clock.systemUTC());
        UpgradeCampaign started = lossy.start("ops@test", "echo-3");
        Thread.sleep(WINDOW.plusSeconds(1).plusMillis(500).toMillis()); // due 1 s after its start, then the grace
        assertThat(upgrades.find(started.id()).orElseThrow().planComplete())
                .as("nothing moved it on")
                .isFalse();

        Object answer = cloud.runScheduled("UpgradeNudgeFunction");

        assertThat(answer).isEqualTo(Map.of("nudged", started.id(), "state", "RUNNING"));
        UpgradeCampaign done = await(started.id(), UpgradeState.DONE);
        assertThat(done.waves()).extracting(Wave::state).containsOnly(WaveState.PASSED);
        for (String slug : SLUGS) {
            assertThat(runs(slug)).as(slug).isEqualTo("echo-3");
        }
        assertThat(cloud.runScheduled("UpgradeNudgeFunction"))
                .as("a finished campaign is left alone")
                .isEqualTo(Map.of("nudged", "", "state", ""));
    }

    @Test
    @Order(0)
    void theCheckRequest_reachesTheRealShopsHomePage_throughTheStoresFunction() {
        String slug = SLUGS.get(0);
        int status = cloud.fleet()
                .check(new io.dukan.core.tenant.StoreRef(tenant(slug), new io.dukan.core.tenant.Slug(slug)));
        assertThat(status).isEqualTo(200);
    }

    static final PlatformAudit NO_AUDIT = new PlatformAudit() {
        @Override
        public void record(PlatformAuditEntry entry, TenantId store) {}

        @Override
        public Page<PlatformAuditEntry> recent(String cursor, int limit) {
            return new Page<>(List.of(), null);
        }

        @Override
        public List<PlatformAuditEntry> ofStore(TenantId store, int limit) {
            return List.of();
        }
    };

    /**
     * The store's answer to a request made now (not the traffic thread's last one): "{status} [{the shop-code
     * version that answered}] {body}".
     */
    static String answerOf(String slug) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/s/" + slug + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " ["
                + r.headers().firstValue("X-Dukan-Shop-Version").orElse("") + "] " + r.body();
    }
}
