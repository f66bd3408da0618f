package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.OutboxMessages;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.core.account.TeamService;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.testing.TestClock;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff invitations, roles and password reset through the shop function's real Lambda handler against DynamoDB
 * Local, mail read from the store's outbox, two stores side by side, and a clock the test moves.
 */
class StaffAccountsIT {

    static final String PASSWORD = ShopFunctionIT.PASSWORD;
    static final String STAFF_PASSWORD = "apricots and walnuts";
    static final TestClock clock = new TestClock(Instant.now());
    static Emulators emulators;
    static StoreSettings alpha;
    static StoreSettings beta;
    static ShopFunction alphaFn;
    static ShopFunction betaFn;
    static OutboxMessages outbox;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        alpha = TestStores.seed(emulators, "alpha", "PKR", "owner@alpha.example", PASSWORD);
        beta = TestStores.seed(emulators, "beta", "USD", "owner@beta.example", PASSWORD);
        alphaFn = function(alpha);
        betaFn = function(beta);
        outbox = new OutboxMessages(emulators.dynamo(), Emulators.TABLE);
    }

    @AfterAll
    static void stop() throws Exception {
        alphaFn.close();
        betaFn.close();
        emulators.close();
    }

    static ShopFunction function(StoreSettings store) {
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.tenant-id", store.tenantId().value());
        properties.put("dukan.store-slug", store.slug().value());
        return new ShopFunction(
                ApplicationContext.builder().properties(properties).singletons(clock));
    }

    static APIGatewayProxyResponseEvent call(ShopFunction fn, APIGatewayProxyRequestEvent event) {
        return fn.handleRequest(event, null);
    }

    static APIGatewayProxyRequestEvent as(String cookie, APIGatewayProxyRequestEvent event) {
        return ShopFunctionIT.withCookie(event, cookie);
    }

    static String enc(String s) {
        return ShopFunctionIT.enc(s);
    }

    static String login(ShopFunction fn, String slug, String email, String password) {
        return ShopFunctionIT.login(fn, slug, email, password);
    }

    /** The path of the newest link mailed to this address by this store (from its outbox). */
    static String mailedPath(StoreSettings store, String to, String kind) {
        OutboxMessages.Message message = outbox.recent(500).stream()
                .filter(m -> m.tenantId().equals(store.tenantId().value()) && m.to().equals(to))
                .max(Comparator.comparing(OutboxMessages.Message::sentAt).thenComparing(OutboxMessages.Message::id))
                .orElseThrow(() -> new AssertionError("no mail to " + to));
        Matcher link = Pattern.compile(Pattern.quote(Emulators.PUBLIC_URL) + "(/s/"
                        + store.slug().value() + "/admin/" + kind + "/[a-z2-7]{26})")
                .matcher(message.text());
        assertThat(link.find()).as(message.text()).isTrue();
        return link.group(1);
    }

    static String invite(String ownerCookie, String email) {
        APIGatewayProxyResponseEvent sent =
                call(alphaFn, as(ownerCookie, form("/s/alpha/admin/staff/invites", "email=" + enc(email))));
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(303);
        assertThat(header(sent, "Location")).hasValue("/s/alpha/admin/staff?done=invited");
        return mailedPath(alpha, email.toLowerCase(java.util.Locale.ROOT), "invite");
    }

    static String accept(String invitePath, String name, String password) {
        APIGatewayProxyResponseEvent joined =
                call(alphaFn, form(invitePath, "name=" + enc(name) + "&password=" + enc(password)));
        assertThat(joined.getStatusCode()).as(joined.getBody()).isEqualTo(303);
        assertThat(header(joined, "Location")).hasValue("/s/alpha/admin");
        String setCookie = header(joined, "Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("dukan_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void invitedStaff_manageProductsAndOrders_butGet403OnTheStaffPages() {
        // given: the owner invites someone, who reads the link in their mail and accepts
        String owner = login(alphaFn, "alpha", "owner@alpha.example", PASSWORD);
        APIGatewayProxyResponseEvent staffPage = call(alphaFn, as(owner, get("/s/alpha/admin/staff")));
        assertThat(staffPage.getStatusCode()).isEqualTo(200);
        assertThat(call(alphaFn, as(owner, get("/s/alpha/admin"))).getBody())
                .contains("/s/alpha/admin/staff\">Staff</a>");
        String invitePath = invite(owner, "Bilal@Example.com");
        assertThat(call(alphaFn, as(owner, get("/s/alpha/admin/staff"))).getBody())
                .contains("data-invite=\"bilal@example.com\"");
        APIGatewayProxyResponseEvent invitation = call(alphaFn, get(invitePath));
        assertThat(invitation.getStatusCode()).isEqualTo(200);
        assertThat(invitation.getBody())
                .contains("bilal@example.com")
                .contains("owner@alpha.example")
                .contains("At least 10 characters");
        assertThat(header(invitation, "Cache-Control")).hasValue("no-store");

        // when
        String staff = accept(invitePath, "Bilal <b>", STAFF_PASSWORD);

        // then: products and orders
        APIGatewayProxyResponseEvent dashboard = call(alphaFn, as(staff, get("/s/alpha/admin")));
        assertThat(dashboard.getStatusCode()).isEqualTo(200);
        assertThat(dashboard.getBody()).doesNotContain("/admin/staff\"");
        assertThat(call(alphaFn, as(staff, get("/s/alpha/admin/products/new"))).getStatusCode())
                .isEqualTo(200);
        String productId = ShopFunctionIT.createProduct(alphaFn, "alpha", staff, "Staff figs", "300", 5, "");
        String order = Checkouts.order(alphaFn, "alpha", productId, 1, Checkouts.DETAILS);
        String code = order.substring(order.lastIndexOf('/') + 1);
        APIGatewayProxyResponseEvent adminOrder = call(alphaFn, as(staff, get("/s/alpha/admin/orders/" + code)));
        assertThat(adminOrder.getStatusCode()).isEqualTo(200);
        assertThat(adminOrder.getBody()).contains("Ayesha");

        // and not the owner's pages or actions
        APIGatewayProxyResponseEvent forbidden = call(alphaFn, as(staff, get("/s/alpha/admin/staff")));
        assertThat(forbidden.getStatusCode()).isEqualTo(403);
        assertThat(forbidden.getBody()).contains("Not allowed").contains("Only the store's owner may manage staff");
        APIGatewayProxyResponseEvent json = call(
                alphaFn,
                as(
                        staff,
                        ProxyEvents.event("GET", "/s/alpha/admin/staff", null, Map.of("Accept", "application/json"))));
        assertThat(json.getStatusCode()).isEqualTo(403);
        assertThat(header(json, "Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.getBody()).contains("\"status\":403").contains("urn:dukan:problem:forbidden");
        assertThat(call(alphaFn, as(staff, form("/s/alpha/admin/staff/invites", "email=mallory%40example.com")))
                        .getStatusCode())
                .isEqualTo(403);
        assertThat(call(alphaFn, as(staff, form("/s/alpha/admin/staff/remove", "email=owner%40alpha.example")))
                        .getStatusCode())
                .isEqualTo(403);
        assertThat(outbox.recent(500)).noneMatch(m -> m.to().equals("mallory@example.com"));

        // the owner sees the new member, named as typed but escaped, and the audit trail
        String ownerView = call(alphaFn, as(owner, get("/s/alpha/admin/staff"))).getBody();
        APIGatewayProxyResponseEvent ownerJson = call(
                alphaFn,
                as(
                        owner,
                        ProxyEvents.event("GET", "/s/alpha/admin/staff", null, Map.of("Accept", "application/json"))));
        assertThat(ownerJson.getStatusCode()).isEqualTo(200);
        assertThat(ownerJson.getBody())
                .contains("\"email\":\"bilal@example.com\"")
                .contains("\"role\":\"STAFF\"");
        assertThat(ownerView)
                .contains("Bilal &lt;b&gt;")
                .contains("data-member=\"bilal@example.com\"")
                .doesNotContain("data-invite=\"bilal@example.com\"");
        assertThat(call(alphaFn, as(owner, get("/s/alpha/admin"))).getBody())
                .contains("invited staff")
                .contains("joined the staff");
    }

    @Test
    void inviteLink_worksOnce() {
        String owner = login(alphaFn, "alpha", "owner@alpha.example", PASSWORD);
        String invitePath = invite(owner, "once@example.com");
        accept(invitePath, "Once", STAFF_PASSWORD);

        APIGatewayProxyResponseEvent again =
                call(alphaFn, form(invitePath, "name=Mallory&password=" + enc("mallory's password")));
        APIGatewayProxyResponseEvent page = call(alphaFn, get(invitePath));

        assertThat(again.getStatusCode()).isEqualTo(404);
        assertThat(again.getBody()).contains("not valid any more");
        assertThat(header(again, "Set-Cookie")).isEmpty();
        assertThat(page.getStatusCode()).isEqualTo(404);
        assertThatLoginFails(alphaFn, "alpha", "once@example.com", "mallory's password");
    }

    @Test
    void inviteLink_expiresAfterSevenDays() {
        String owner = login(alphaFn, "alpha", "owner@alpha.example", PASSWORD);
        String invitePath = invite(owner, "late@example.com");

        clock.advance(TeamService.INVITE_LIFETIME.plusSeconds(1));

        assertThat(call(alphaFn, get(invitePath)).getStatusCode()).isEqualTo(404);
        assertThat(call(alphaFn, form(invitePath, "name=Late&password=" + enc(STAFF_PASSWORD)))
                        .getStatusCode())
                .isEqualTo(404);
        assertThatLoginFails(alphaFn, "alpha", "late@example.com", STAFF_PASSWORD);
    }

    @Test
    void acceptingWithATooShortPassword_says400_andKeepsTheLinkUsable() {
        String owner = login(alphaFn, "alpha", "owner@alpha.example", PASSWORD);
        String invitePath = invite(owner, "short@example.com");

        APIGatewayProxyResponseEvent refused = call(alphaFn, form(invitePath, "name=Short&password=abc"));

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getBody()).contains("at least 10 characters").contains("value=\"Short\"");
        accept(invitePath, "Short", STAFF_PASSWORD);
    }

    @Test
    void removingStaff_endsTheirSessionAtOnce() {
        String owner = login(alphaFn, "alpha", "owner@alpha.example", PASSWORD);
        String staff = accept(invite(owner, "gone@example.com"), "Gone", STAFF_PASSWORD);
        assertThat(call(alphaFn, as(staff, get("/s/alpha/admin"))).getStatusCode())
                .isEqualTo(200);

        APIGatewayProxyResponseEvent removed =
                call(alphaFn, as(owner, form("/s/alpha/admin/staff/remove", "email=gone%40example.com")));

        assertThat(removed.getStatusCode()).isEqualTo(303);
        APIGatewayProxyResponseEvent after = call(alphaFn, as(staff, get("/s/alpha/admin")));
        assertThat(after.getStatusCode()).isEqualTo(303);
        assertThat(header(after, "Location")).hasValue("/s/alpha/admin/login");
        assertThatLoginFails(alphaFn, "alpha", "gone@example.com", STAFF_PASSWORD);
    }

    @Test
    void passwordReset_setsTheNewPassword_andEndsEveryOldSession() {
        // given: an owner signed in on two devices (a store of its own, so other tests' sign-ins do not matter)
        StoreSettings gamma = TestStores.seed(emulators, "gamma", "PKR", "owner@gamma.example", PASSWORD);
        try (ShopFunction gammaFn = function(gamma)) {
            String laptop = login(gammaFn, "gamma", "owner@gamma.example", PASSWORD);
            String phone = login(gammaFn, "gamma", "owner@gamma.example", PASSWORD);
            APIGatewayProxyResponseEvent loginPage = call(gammaFn, get("/s/gamma/admin/login"));
            assertThat(loginPage.getBody()).contains("/s/gamma/admin/reset\">Forgot password?</a>");

            // when
            APIGatewayProxyResponseEvent asked =
                    call(gammaFn, form("/s/gamma/admin/reset", "email=" + enc("Owner@Gamma.example")));
            APIGatewayProxyResponseEvent unknown =
                    call(gammaFn, form("/s/gamma/admin/reset", "email=" + enc("nobody@gamma.example")));
            String resetPath = mailedPath(gamma, "owner@gamma.example", "reset");
            APIGatewayProxyResponseEvent resetPage = call(gammaFn, get(resetPath));
            APIGatewayProxyResponseEvent done = call(gammaFn, form(resetPath, "password=" + enc("a brand new secret")));

            // then
            assertThat(asked.getStatusCode()).isEqualTo(200);
            assertThat(unknown.getStatusCode()).isEqualTo(200);
            assertThat(unknown.getBody()).isEqualTo(asked.getBody()).contains("If an account exists");
            assertThat(outbox.recent(500)).noneMatch(m -> m.to().equals("nobody@gamma.example"));
            assertThat(resetPage.getStatusCode()).isEqualTo(200);
            assertThat(resetPage.getBody()).contains("owner@gamma.example");
            assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(200);
            assertThat(done.getBody()).contains("Password changed");
            for (String oldSession : new String[] {laptop, phone}) {
                APIGatewayProxyResponseEvent admin = call(gammaFn, as(oldSession, get("/s/gamma/admin")));
                assertThat(admin.getStatusCode()).isEqualTo(303);
                assertThat(header(admin, "Location")).hasValue("/s/gamma/admin/login");
            }
            assertThatLoginFails(gammaFn, "gamma", "owner@gamma.example", PASSWORD);
            String fresh = login(gammaFn, "gamma", "owner@gamma.example", "a brand new secret");
            assertThat(call(gammaFn, as(fresh, get("/s/gamma/admin"))).getBody())
                    .contains("reset the password");
            assertThat(call(gammaFn, form(resetPath, "password=" + enc("yet another secret")))
                            .getStatusCode())
                    .as("the link works once")
                    .isEqualTo(404);
        }
    }

    @Test
    void passwordResetMails_areThrottledPerAddress_butTheAnswerStaysTheSame() {
        StoreSettings delta = TestStores.seed(emulators, "delta", "PKR", "owner@delta.example", PASSWORD);
        try (ShopFunction deltaFn = function(delta)) {
            String first = null;
            for (int i = 0; i < 5; i++) {
                APIGatewayProxyResponseEvent asked =
                        call(deltaFn, form("/s/delta/admin/reset", "email=owner%40delta.example"));
                assertThat(asked.getStatusCode()).isEqualTo(200);
                first = first == null ? asked.getBody() : first;
                assertThat(asked.getBody()).isEqualTo(first);
            }
            assertThat(outbox.recent(500))
                    .filteredOn(m -> m.tenantId().equals(delta.tenantId().value()))
                    .hasSize(3);
        }
    }

    @Test
    void resetLink_expiresAfterAnHour() {
        StoreSettings epsilon = TestStores.seed(emulators, "epsilon", "PKR", "owner@epsilon.example", PASSWORD);
        try (ShopFunction epsilonFn = function(epsilon)) {
            call(epsilonFn, form("/s/epsilon/admin/reset", "email=owner%40epsilon.example"));
            String resetPath = mailedPath(epsilon, "owner@epsilon.example", "reset");

            clock.advance(Duration.ofMinutes(61));

            assertThat(call(epsilonFn, get(resetPath)).getStatusCode()).isEqualTo(404);
            assertThat(call(epsilonFn, form(resetPath, "password=" + enc("a brand new secret")))
                            .getStatusCode())
                    .isEqualTo(404);
            login(epsilonFn, "epsilon", "owner@epsilon.example", PASSWORD);
        }
    }

    @Test
    void tokensAndSessionsOfOneStore_meanNothingInAnother() {
        String alphaOwner = login(alphaFn, "alpha", "owner@alpha.example", PASSWORD);
        String invitePath = invite(alphaOwner, "cross@example.com");
        String token = invitePath.substring(invitePath.lastIndexOf('/') + 1);
        call(alphaFn, form("/s/alpha/admin/reset", "email=owner%40alpha.example"));
        String resetToken = mailedPath(alpha, "owner@alpha.example", "reset");
        resetToken = resetToken.substring(resetToken.lastIndexOf('/') + 1);

        // alpha's invitation and reset tokens at beta's addresses
        assertThat(call(betaFn, get("/s/beta/admin/invite/" + token)).getStatusCode())
                .isEqualTo(404);
        assertThat(call(betaFn, form("/s/beta/admin/invite/" + token, "name=X&password=" + enc(STAFF_PASSWORD)))
                        .getStatusCode())
                .isEqualTo(404);
        assertThat(call(betaFn, get("/s/beta/admin/reset/" + resetToken)).getStatusCode())
                .isEqualTo(404);
        assertThat(call(betaFn, form("/s/beta/admin/reset/" + resetToken, "password=" + enc("taken over!!")))
                        .getStatusCode())
                .isEqualTo(404);
        assertThatLoginFails(betaFn, "beta", "owner@beta.example", "taken over!!");
        // alpha's function refuses beta's paths before any controller
        assertThat(call(alphaFn, get("/s/beta/admin/invite/" + token)).getStatusCode())
                .isEqualTo(404);

        // alpha's owner and staff sessions at beta: sign in first, never beta's staff page
        String alphaStaff = accept(invitePath, "Cross", STAFF_PASSWORD);
        for (String cookie : new String[] {alphaOwner, alphaStaff}) {
            APIGatewayProxyResponseEvent staffPage = call(betaFn, as(cookie, get("/s/beta/admin/staff")));
            assertThat(staffPage.getStatusCode()).isEqualTo(303);
            assertThat(header(staffPage, "Location")).hasValue("/s/beta/admin/login");
            assertThat(call(betaFn, as(cookie, form("/s/beta/admin/staff/invites", "email=x%40example.com")))
                            .getStatusCode())
                    .isEqualTo(303);
        }
        assertThatLoginFails(betaFn, "beta", "cross@example.com", STAFF_PASSWORD);
        String betaOwner = login(betaFn, "beta", "owner@beta.example", PASSWORD);
        assertThat(call(betaFn, as(betaOwner, get("/s/beta/admin/staff"))).getBody())
                .doesNotContain("cross@example.com");
    }

    @Test
    void staffPages_sendAnonymousVisitorsToSignIn_andRefuseForgedForms() {
        APIGatewayProxyResponseEvent anonymous = call(alphaFn, get("/s/alpha/admin/staff"));
        assertThat(anonymous.getStatusCode()).isEqualTo(303);
        assertThat(header(anonymous, "Location")).hasValue("/s/alpha/admin/login");

        String owner = login(alphaFn, "alpha", "owner@alpha.example", PASSWORD);
        APIGatewayProxyResponseEvent forged = call(
                alphaFn,
                ProxyEvents.event(
                        "POST",
                        "/s/alpha/admin/staff/invites",
                        "email=forged%40example.com",
                        Map.of(
                                "Content-Type",
                                "application/x-www-form-urlencoded",
                                "Accept",
                                "text/html",
                                "Cookie",
                                owner)));
        assertThat(forged.getStatusCode()).isEqualTo(403);
        assertThat(outbox.recent(500)).noneMatch(m -> m.to().equals("forged@example.com"));

        APIGatewayProxyResponseEvent bad =
                call(alphaFn, as(owner, form("/s/alpha/admin/staff/invites", "email=not+an+address")));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("email must be an address").contains("value=\"not an address\"");
        APIGatewayProxyResponseEvent self =
                call(alphaFn, as(owner, form("/s/alpha/admin/staff/invites", "email=owner%40alpha.example")));
        assertThat(self.getStatusCode()).isEqualTo(409);
    }

    static void assertThatLoginFails(ShopFunction fn, String slug, String email, String password) {
        APIGatewayProxyResponseEvent response =
                call(fn, form("/s/" + slug + "/admin/login", "email=" + enc(email) + "&password=" + enc(password)));
        assertThat(response.getStatusCode()).isIn(401, 429);
    }
}
