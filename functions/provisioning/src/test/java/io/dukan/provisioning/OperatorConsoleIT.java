package io.dukan.provisioning;

import static io.dukan.aws.testing.ProxyEvents.CSRF;
import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static io.dukan.aws.testing.ProxyEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.core.account.AccountRepository;
import io.dukan.core.account.Role;
import io.dukan.core.account.Session;
import io.dukan.core.offboard.OffboardingRepository;
import io.dukan.core.offboard.OffboardingState;
import io.dukan.core.offboard.OffboardingStep;
import io.dukan.core.operator.OperatorAuth;
import io.dukan.core.operator.StoreSuspensions;
import io.dukan.core.operator.Totp;
import io.dukan.core.shared.Ids;
import io.dukan.core.tenant.ProvisioningSaga;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.core.tenant.StoreStatus;
import io.dukan.core.testing.RecordingFleet;
import io.dukan.core.testing.RecordingQueue;
import io.micronaut.context.ApplicationContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator console through the provisioning function's real handler against DynamoDB Local: signing in with
 * password and TOTP code, the stores list, suspending and reactivating a store (with the audit log), and the
 * hostile side: no session, a forged cookie, a store owner's session, a CSRF-less POST and a missing or replayed
 * code never reach a console page or change anything. Offboarding from a store's page starts the same offboarding
 * as the operators' API, and the page shows how it stands.
 */
class OperatorConsoleIT {

    static final String EMAIL = "ops@dukan.example";
    static final String PASSWORD = "correct horse battery staple";
    static final String OPERATOR_TOKEN = "operator-token-for-the-console-it-0123456789";
    static Emulators emulators;
    static RecordingFleet fleet = new RecordingFleet();
    static RecordingQueue queue = new RecordingQueue();
    static ExecutorService worker = Executors.newSingleThreadExecutor();
    static ProvisioningFunction function;
    static String totpSecret;
    static Store store;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.fleet.mode", "local");
        properties.put("dukan.metrics.source", "none");
        properties.put("dukan.signup.operator-token", OPERATOR_TOKEN);
        properties.put("dukan.signup.per-address", 50);
        function = new ProvisioningFunction(
                ApplicationContext.builder().properties(properties).singletons(queue));
        ApplicationContext context = function.getApplicationContext();
        ProvisioningSaga saga = new ProvisioningSaga(
                context.getBean(StoreRegistry.class),
                context.getBean(StoreDataRepository.class),
                fleet,
                Clock.systemUTC());
        queue.worker = s -> worker.submit(() -> saga.run(s));
        totpSecret = context.getBean(OperatorAuth.class)
                .create(EMAIL, PASSWORD, null, "test")
                .totpSecret();
        APIGatewayProxyResponseEvent signup = call(json(
                "POST",
                "/api/stores",
                "{\"storeName\":\"Lahore Leather\",\"slug\":\"lahore-leather\",\"ownerEmail\":\"owner@leather.example\","
                        + "\"password\":\"a long enough secret\",\"currency\":\"PKR\",\"country\":\"PK\","
                        + "\"language\":\"ur\"}"));
        assertThat(signup.getStatusCode()).as(signup.getBody()).isEqualTo(201);
        store = context.getBean(StoreRegistry.class)
                .findBySlug(new Slug("lahore-leather"))
                .orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        worker.shutdownNow();
        function.close();
        emulators.close();
    }

    static APIGatewayProxyResponseEvent call(APIGatewayProxyRequestEvent event) {
        return function.handleRequest(event, null);
    }

    static APIGatewayProxyRequestEvent withCookie(APIGatewayProxyRequestEvent event, String cookie) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.merge("Cookie", cookie, (existing, added) -> existing + "; " + added);
        return event.withHeaders(headers).withMultiValueHeaders(null);
    }

    static java.util.List<String> setCookies(APIGatewayProxyResponseEvent response) {
        java.util.List<String> all = new java.util.ArrayList<>();
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((k, v) -> {
                if (k.equalsIgnoreCase("Set-Cookie")) {
                    all.addAll(v);
                }
            });
        }
        if (all.isEmpty()) {
            header(response, "Set-Cookie").ifPresent(all::add);
        }
        return all;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static APIGatewayProxyResponseEvent signIn(String email, String password, String code) {
        return call(form("/operator/signin", "email=" + enc(email) + "&password=" + enc(password) + "&code=" + code));
    }

    /** A new operator, signed in (each code is good once, so each test has its own account). */
    static String signedIn() {
        String email = "ops-" + Ids.newSecret().substring(0, 8) + "@dukan.example";
        String secret = function.getApplicationContext()
                .getBean(OperatorAuth.class)
                .create(email, PASSWORD, null, "test")
                .totpSecret();
        APIGatewayProxyResponseEvent response = signIn(email, PASSWORD, Totp.code(secret, Instant.now()));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(303);
        String cookie = setCookies(response).stream()
                .filter(c -> c.startsWith(OperatorConsole.COOKIE + "="))
                .findFirst()
                .orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    static void assertSentToSignIn(APIGatewayProxyResponseEvent response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(303);
        assertThat(header(response, "Location")).hasValue("/operator/signin");
    }

    @Test
    void signIn_withPasswordAndCode_opensTheConsole_withAStrictCookieScopedToIt() {
        APIGatewayProxyResponseEvent page = call(get("/operator/signin"));
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("name=\"code\"").contains("autocomplete=\"one-time-code\"");

        String code = Totp.code(totpSecret, Instant.now());
        APIGatewayProxyResponseEvent response = signIn(EMAIL.toUpperCase(), PASSWORD, code);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(303);
        assertThat(header(response, "Location")).hasValue("/operator/stores");
        assertThat(setCookies(response).stream()
                        .filter(c -> c.startsWith(OperatorConsole.COOKIE + "="))
                        .findFirst()
                        .orElseThrow())
                .contains("Path=/operator")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");

        assertThat(signIn(EMAIL, PASSWORD, code).getStatusCode())
                .as("a code is good once")
                .isEqualTo(401);
    }

    @Test
    void theRightPassword_withoutTheRightCode_isRefused() {
        assertThat(signIn(EMAIL, PASSWORD, "").getStatusCode()).isEqualTo(401);
        String wrong = Totp.code(Totp.fromBase32(Totp.newSecret()), Totp.step(Instant.now()), 6, "HmacSHA1");
        APIGatewayProxyResponseEvent refused = signIn(EMAIL, PASSWORD, wrong);
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(refused.getBody()).contains("The e-mail, password or code is wrong.");
        assertThat(setCookies(refused)).noneMatch(c -> c.startsWith(OperatorConsole.COOKIE + "="));
    }

    @Test
    void failedSignIns_lockTheAccountOut_whateverComesNext() {
        String victim = "locked@dukan.example";
        String secret = function.getApplicationContext()
                .getBean(OperatorAuth.class)
                .create(victim, PASSWORD, null, "test")
                .totpSecret();
        for (int i = 0; i < OperatorAuth.MAX_FAILURES; i++) {
            assertThat(signIn(victim, "wrong password " + i, "000000").getStatusCode())
                    .isEqualTo(401);
        }
        APIGatewayProxyResponseEvent locked = signIn(victim, PASSWORD, Totp.code(secret, Instant.now()));
        assertThat(locked.getStatusCode()).isEqualTo(429);
        assertThat(locked.getBody()).contains("Too many failed sign-ins");
    }

    @Test
    void hostile_noSession_aForgedCookie_andAStoreOwnersSession_neverReachAConsolePage() {
        for (String path : new String[] {
            "/operator",
            "/operator/stores",
            "/operator/stores/lahore-leather",
            "/operator/audit",
            "/operator/approvals",
            "/operator/analysis",
            "/operator/stores/lahore-leather/offboard"
        }) {
            assertSentToSignIn(call(get(path)));
            assertSentToSignIn(call(withCookie(get(path), OperatorConsole.COOKIE + "=" + Ids.newSecret())));
        }
        // a real store owner's session of this very store, sent as the store's cookie and as the console's
        String ownerToken = Ids.newSecret();
        function.getApplicationContext()
                .getBean(AccountRepository.class)
                .saveSession(new Session(
                        store.id(),
                        ownerToken,
                        "owner@leather.example",
                        Role.OWNER,
                        Instant.now().plusSeconds(3600)));
        assertSentToSignIn(call(withCookie(get("/operator/stores"), "dukan_session=" + ownerToken)));
        assertSentToSignIn(call(withCookie(get("/operator/stores"), OperatorConsole.COOKIE + "=" + ownerToken)));

        APIGatewayProxyResponseEvent api = call(json("GET", "/operator/stores", null));
        assertThat(api.getStatusCode()).isEqualTo(401);
        assertThat(header(api, "Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));

        APIGatewayProxyResponseEvent forgedPost = call(withCookie(
                form("/operator/stores/lahore-leather/suspend", "reason=forged"),
                OperatorConsole.COOKIE + "=" + ownerToken));
        assertThat(forgedPost.getStatusCode()).isEqualTo(403);
        assertThat(suspensions().current(store.id())).isEmpty();
    }

    @Test
    void hostile_aCsrfLessPost_withAValidSession_changesNothing() {
        String session = signedIn();
        APIGatewayProxyResponseEvent noToken = call(ProxyEvents.event(
                "POST",
                "/operator/stores/lahore-leather/suspend",
                "reason=no+token",
                Map.of(
                        "Content-Type", "application/x-www-form-urlencoded",
                        "Accept", "text/html",
                        "Cookie", session)));
        assertThat(noToken.getStatusCode()).isEqualTo(403);
        APIGatewayProxyResponseEvent wrongToken = call(ProxyEvents.event(
                "POST",
                "/operator/stores/lahore-leather/suspend",
                "reason=wrong+token&_csrf=" + Ids.newSecret(),
                Map.of(
                        "Content-Type", "application/x-www-form-urlencoded",
                        "Accept", "text/html",
                        "Cookie", session + "; dukan_csrf=" + CSRF)));
        assertThat(wrongToken.getStatusCode()).isEqualTo(403);
        assertThat(suspensions().current(store.id())).isEmpty();
    }

    static StoreSuspensions suspensions() {
        return function.getApplicationContext().getBean(StoreSuspensions.class);
    }

    @Test
    void anOperator_findsAStore_suspendsIt_withAReason_andReactivatesIt_allInTheAuditLog() {
        String session = signedIn();
        String list =
                call(withCookie(get("/operator/stores?q=leather"), session)).getBody();
        assertThat(list)
                .contains("Lahore Leather")
                .contains("owner@leather.example")
                .contains("/operator/stores/lahore-leather");
        assertThat(call(withCookie(get("/operator/stores?q=nothing-like-it"), session))
                        .getBody())
                .doesNotContain("Lahore Leather");
        assertThat(call(withCookie(get("/operator/stores?country=CN"), session)).getBody())
                .doesNotContain("Lahore Leather");

        APIGatewayProxyResponseEvent noReason =
                call(withCookie(form("/operator/stores/lahore-leather/suspend", "reason="), session));
        assertThat(noReason.getStatusCode()).isEqualTo(400);
        assertThat(suspensions().current(store.id())).isEmpty();

        APIGatewayProxyResponseEvent suspended = call(withCookie(
                form("/operator/stores/lahore-leather/suspend", "reason=" + enc("counterfeit <goods> reported")),
                session));
        assertThat(suspended.getStatusCode()).as(suspended.getBody()).isEqualTo(303);
        assertThat(suspensions().current(store.id()))
                .hasValueSatisfying(s -> assertThat(s.by()).startsWith("ops-"));

        String page = call(withCookie(get("/operator/stores/lahore-leather"), session))
                .getBody();
        assertThat(page)
                .contains("This store is suspended")
                .contains("counterfeit &lt;goods&gt; reported")
                .contains("/operator/stores/lahore-leather/reactivate");
        assertThat(call(withCookie(get("/operator/stores?status=SUSPENDED"), session))
                        .getBody())
                .contains("Lahore Leather");
        assertThat(call(withCookie(get("/operator/stores?status=ACTIVE"), session))
                        .getBody())
                .doesNotContain("Lahore Leather");

        APIGatewayProxyResponseEvent reactivated = call(withCookie(
                form("/operator/stores/lahore-leather/reactivate", "reason=" + enc("owner proved the goods genuine")),
                session));
        assertThat(reactivated.getStatusCode()).isEqualTo(303);
        assertThat(suspensions().current(store.id())).isEmpty();

        String audit = call(withCookie(get("/operator/audit"), session)).getBody();
        assertThat(audit)
                .contains("suspended store")
                .contains("reactivated store")
                .contains("counterfeit &lt;goods&gt; reported")
                .contains("owner proved the goods genuine")
                .contains("ops-");
        String history = call(withCookie(get("/operator/stores/lahore-leather"), session))
                .getBody();
        assertThat(history)
                .contains("reactivated store")
                .contains("suspended store")
                .doesNotContain("This store is suspended");
    }

    @Test
    void signingOut_endsTheSession() {
        String session = signedIn();
        assertThat(call(withCookie(get("/operator/stores"), session)).getStatusCode())
                .isEqualTo(200);
        APIGatewayProxyResponseEvent out = call(withCookie(form("/operator/signout", ""), session));
        assertThat(out.getStatusCode()).isEqualTo(303);
        assertSentToSignIn(call(withCookie(get("/operator/stores"), session)));
    }

    @Test
    void theConsole_speaksTheLanguageTheOperatorPicks_andRemembersIt() {
        String session = signedIn();
        APIGatewayProxyResponseEvent urdu = call(withCookie(get("/operator/stores?lang=ur"), session));
        assertThat(urdu.getBody()).contains("<html lang=\"ur\" dir=\"rtl\">").contains("دکانیں");
        assertThat(setCookies(urdu)).anyMatch(c -> c.startsWith(OperatorConsole.LANG_COOKIE + "=ur;"));
        assertThat(call(withCookie(get("/operator/audit"), session + "; " + OperatorConsole.LANG_COOKIE + "=zh"))
                        .getBody())
                .contains("<html lang=\"zh\"")
                .contains("审计日志");
    }

    // --- offboarding from the store page ---------------------------------------------------------------------------

    /** A new store through the real signup, once the in-line worker has provisioned it. */
    static Store openStore(String slug) throws InterruptedException {
        APIGatewayProxyResponseEvent signup = call(json(
                "POST",
                "/api/stores",
                "{\"storeName\":\"Store " + slug + "\",\"slug\":\"" + slug + "\",\"ownerEmail\":\"owner@" + slug
                        + ".example\",\"password\":\"a long enough secret\",\"currency\":\"PKR\","
                        + "\"country\":\"PK\",\"language\":\"en\"}"));
        assertThat(signup.getStatusCode()).as(signup.getBody()).isEqualTo(201);
        StoreRegistry registry = function.getApplicationContext().getBean(StoreRegistry.class);
        for (int i = 0; i < 100; i++) {
            Store found = registry.findBySlug(new Slug(slug)).orElseThrow();
            if (found.status() == StoreStatus.ACTIVE) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(slug + " was not provisioned");
    }

    static OffboardingRepository offboardings() {
        return function.getApplicationContext().getBean(OffboardingRepository.class);
    }

    static long handedOver(Store s) {
        return queue.submitted.stream().filter(s.id()::equals).count();
    }

    static long startedOffboardings(String session, String slug) {
        String page = call(withCookie(get("/operator/stores/" + slug), session)).getBody();
        return page.split("started offboarding", -1).length - 1L;
    }

    @Test
    void offboardThisStore_withAReasonAndTheAddressTyped_startsTheSameOffboardingAsTheApi_andThePageShowsIt()
            throws Exception {
        Store kites = openStore("karachi-kites");
        String session = signedIn();
        String before =
                call(withCookie(get("/operator/stores/karachi-kites"), session)).getBody();
        assertThat(before)
                .contains("Offboard this store")
                .contains("action=\"/operator/stores/karachi-kites/close\"")
                .contains("name=\"reason\"")
                .contains("name=\"confirm\"");
        long handedOverBefore = handedOver(kites);

        APIGatewayProxyResponseEvent started = call(withCookie(
                form(
                        "/operator/stores/karachi-kites/close",
                        "reason=" + enc("owner asked by phone <ticket 42>") + "&confirm=karachi-kites"),
                session));

        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(303);
        assertThat(header(started, "Location")).hasValue("/operator/stores/karachi-kites");
        String operator = offboardings().find(kites.id()).orElseThrow().requestedBy();
        assertThat(operator).startsWith("operator ops-").endsWith("@dukan.example");
        assertThat(offboardings().find(kites.id()))
                .hasValueSatisfying(o -> assertThat(o.state()).isEqualTo(OffboardingState.RUNNING));
        assertThat(handedOver(kites)).as("the store's id on the fleet queue").isEqualTo(handedOverBefore + 1);
        // the operators' JSON API sees the very same offboarding
        APIGatewayProxyResponseEvent api = call(ProxyEvents.event(
                "GET",
                "/operator/stores/karachi-kites/offboard",
                null,
                Map.of("Accept", "application/json", "Authorization", "Bearer " + OPERATOR_TOKEN)));
        assertThat(api.getStatusCode()).as(api.getBody()).isEqualTo(200);
        assertThat(api.getBody()).contains("\"state\":\"RUNNING\"").contains(operator);
        // the audit log says who and why
        String audit = call(withCookie(get("/operator/audit"), session)).getBody();
        assertThat(audit)
                .contains("started offboarding")
                .contains("owner asked by phone &lt;ticket 42&gt;")
                .contains(operator.substring("operator ".length()));

        // the worker's first steps, as the saga records them
        offboardings().markStepDone(kites.id(), OffboardingStep.CLOSE);
        offboardings().exported(kites.id(), "exports/karachi-kites.zip", Instant.parse("2030-01-02T03:04:00Z"));
        offboardings().markStepDone(kites.id(), OffboardingStep.EXPORT);
        String page =
                call(withCookie(get("/operator/stores/karachi-kites"), session)).getBody();
        assertThat(page)
                .doesNotContain("action=\"/operator/stores/karachi-kites/close\"")
                .contains("data-step=\"CLOSE\" data-done=\"yes\"")
                .contains("data-step=\"EXPORT\" data-done=\"yes\"")
                .contains("data-step=\"DATA\" data-done=\"no\"")
                .contains("Download link e-mailed to the owner; the archive is kept until 2030-01-02 03:04 UTC.")
                .contains("Reserved for 30 days after the store")
                .contains("/stores/karachi-kites/closing");

        // sent again (a double click): nothing new in the log, the store handed over again
        APIGatewayProxyResponseEvent again = call(withCookie(
                form("/operator/stores/karachi-kites/close", "reason=again&confirm=karachi-kites"), session));
        assertThat(again.getStatusCode()).isEqualTo(303);
        assertThat(startedOffboardings(session, "karachi-kites")).isEqualTo(1);
    }

    @Test
    void offboardThisStore_withoutAReason_orWithAnotherAddressTyped_isRefusedClearly_andWritesNothing()
            throws Exception {
        Store quetta = openStore("quetta-quilts");
        String session = signedIn();
        long handedOverBefore = handedOver(quetta);

        APIGatewayProxyResponseEvent noReason = call(
                withCookie(form("/operator/stores/quetta-quilts/close", "reason=+++&confirm=quetta-quilts"), session));
        assertThat(noReason.getStatusCode()).isEqualTo(400);
        assertThat(noReason.getBody()).contains("Give a reason (at most 500 characters).");

        for (String typed : new String[] {"", "quetta-quilt", "lahore-leather", "QUETTA-QUILTS"}) {
            APIGatewayProxyResponseEvent wrongSlug = call(withCookie(
                    form("/operator/stores/quetta-quilts/close", "reason=fraud&confirm=" + enc(typed)), session));
            assertThat(wrongSlug.getStatusCode()).as(typed).isEqualTo(400);
            assertThat(wrongSlug.getBody())
                    .as(typed)
                    .contains("The address you typed is not this store")
                    .contains("nothing was done")
                    .contains("action=\"/operator/stores/quetta-quilts/close\"");
        }

        assertThat(offboardings().find(quetta.id())).isEmpty();
        assertThat(handedOver(quetta)).isEqualTo(handedOverBefore);
        assertThat(startedOffboardings(session, "quetta-quilts")).isZero();
        assertThat(function.getApplicationContext()
                        .getBean(StoreRegistry.class)
                        .findBySlug(new Slug("quetta-quilts"))
                        .orElseThrow()
                        .status())
                .isEqualTo(StoreStatus.ACTIVE);
    }

    @Test
    void offboardThisStore_isOutOfReach_ofAStoreOwnersSession_andOfAPostWithoutSession() throws Exception {
        Store sialkot = openStore("sialkot-sports");
        long handedOverBefore = handedOver(sialkot);
        String ownerToken = Ids.newSecret();
        function.getApplicationContext()
                .getBean(AccountRepository.class)
                .saveSession(new Session(
                        sialkot.id(),
                        ownerToken,
                        "owner@sialkot-sports.example",
                        Role.OWNER,
                        Instant.now().plusSeconds(3600)));
        String body = "reason=mine&confirm=sialkot-sports";
        for (String cookie : new String[] {"dukan_session=" + ownerToken, OperatorConsole.COOKIE + "=" + ownerToken}) {
            APIGatewayProxyResponseEvent refused =
                    call(withCookie(form("/operator/stores/sialkot-sports/close", body), cookie));
            assertThat(refused.getStatusCode()).as(cookie).isEqualTo(403);
        }
        assertThat(call(form("/operator/stores/sialkot-sports/close", body)).getStatusCode())
                .isEqualTo(403);
        assertSentToSignIn(call(withCookie(get("/operator/stores/sialkot-sports"), "dukan_session=" + ownerToken)));

        assertThat(offboardings().find(sialkot.id())).isEmpty();
        assertThat(handedOver(sialkot)).isEqualTo(handedOverBefore);
    }

    // --- shop code ---------------------------------------------------------------------------------------------------

    @Test
    void theStorePage_showsTheShopCodeVersionItRuns_andWhereItStandsInTheUpgradeUnderWay() throws Exception {
        Store s = openStore("sialkot-balls");
        ApplicationContext context = function.getApplicationContext();
        String session = signedIn();
        assertThat(call(withCookie(get("/operator/stores/sialkot-balls"), session))
                        .getBody())
                .as("no version recorded: the fleet records it (here the test's fleet does not)")
                .contains("id=\"shop-version\"><span class=\"muted\">Not recorded yet")
                .doesNotContain("id=\"shop-upgrade\"");
        context.getBean(io.dukan.core.upgrade.StoreVersions.class).record(s.id(), "shop-7");

        String page =
                call(withCookie(get("/operator/stores/sialkot-balls"), session)).getBody();
        assertThat(page).contains("id=\"shop-version\"><span dir=\"ltr\">shop-7</span>");
        assertThat(page).doesNotContain("id=\"shop-upgrade\"");

        // an upgrade under way plans the store, then upgrades it: the page says so and links to the upgrade
        io.dukan.core.upgrade.UpgradeCampaigns campaigns =
                context.getBean(io.dukan.core.upgrade.UpgradeCampaigns.class);
        io.dukan.core.upgrade.UpgradeCampaign campaign = io.dukan.core.upgrade.UpgradeCampaign.started(
                Ids.newId(),
                "shop-8",
                "ops@dukan.example",
                Instant.now(),
                io.dukan.core.upgrade.UpgradeRules.DEFAULTS,
                Ids.newSecret());
        assertThat(campaigns.start(campaign)).isTrue();
        try {
            assertThat(call(withCookie(get("/operator/stores/sialkot-balls"), session))
                            .getBody())
                    .contains("href=\"/operator/upgrades/" + campaign.id() + "\">Upgrade to shop-8</a>")
                    .contains("this store is not in it");
            io.dukan.core.upgrade.UpgradeTarget planned = new io.dukan.core.upgrade.UpgradeTarget(
                    0, s.id(), s.slug(), "shop-7", io.dukan.core.upgrade.UpgradeTarget.TargetState.WAITING);
            campaigns.addTargets(campaign.id(), java.util.List.of(planned));
            assertThat(call(withCookie(get("/operator/stores/sialkot-balls"), session))
                            .getBody())
                    .contains("Planned: still on shop-7 until its wave");
            campaigns.updateTarget(
                    campaign.id(), planned.with(io.dukan.core.upgrade.UpgradeTarget.TargetState.UPGRADED));
            assertThat(call(withCookie(get("/operator/stores/sialkot-balls"), session))
                            .getBody())
                    .contains("Upgraded (was on shop-7)");
            // another store's page: not in that plan
            assertThat(call(withCookie(get("/operator/stores/lahore-leather"), session))
                            .getBody())
                    .contains("href=\"/operator/upgrades/" + campaign.id() + "\"");
        } finally {
            // the campaign is over: the platform is free for the next one
            assertThat(campaigns.save(
                            campaign.withState(io.dukan.core.upgrade.UpgradeState.DONE, ""), campaign.token()))
                    .isTrue();
        }
        assertThat(call(withCookie(get("/operator/stores/sialkot-balls"), session))
                        .getBody())
                .doesNotContain("id=\"shop-upgrade\"");
    }

    @Test
    void theUpgradesPage_saysWhichVersionNewStoresGet() {
        String session = signedIn();
        io.dukan.core.upgrade.ShopVersions versions =
                function.getApplicationContext().getBean(io.dukan.core.upgrade.ShopVersions.class);
        assertThat(versions.fleetVersion())
                .as("no upgrade has finished in this test's table")
                .isEmpty();
        assertThat(call(withCookie(get("/operator/upgrades"), session)).getBody())
                .contains("New stores get the shop code deployed with the platform until an upgrade finishes.");

        versions.setFleetVersion("shop-9");

        assertThat(call(withCookie(get("/operator/upgrades"), session)).getBody())
                .contains("New stores get version shop-9, the one the last finished upgrade moved every store to.")
                .contains("only publishes it");
    }
}
