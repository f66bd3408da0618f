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
import io.dukan.core.operator.OperatorAuth;
import io.dukan.core.operator.StoreSuspensions;
import io.dukan.core.operator.Totp;
import io.dukan.core.shared.Ids;
import io.dukan.core.tenant.ProvisioningSaga;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.StoreRegistry;
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
 * code never reach a console page or change anything.
 */
class OperatorConsoleIT {

    static final String EMAIL = "ops@dukan.example";
    static final String PASSWORD = "correct horse battery staple";
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
}
