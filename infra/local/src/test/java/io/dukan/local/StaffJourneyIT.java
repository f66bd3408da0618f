package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.local.client.Forms;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff and password reset over real HTTP against the local cloud, mail read where a developer reads it: the
 * /_outbox page. Signup → the owner invites → the link is in the outbox → the invitee joins and signs in as staff →
 * staff may not open the staff page; then a forgotten password is reset through the outbox.
 */
class StaffJourneyIT {

    static final String CSRF = "staffjourneycsrftokenstaff";
    static final String OWNER_PASSWORD = "figs from the oasis";
    static final String STAFF_PASSWORD = "walnuts and raisins";
    static final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static LocalCloud cloud;
    static Forms forms;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("dukan.project.root", "../.."))
                .toAbsolutePath()
                .normalize();
        cloud = LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(root)
                .dataDir(Files.createTempDirectory("dukan-staff-journey"))
                .port(0)
                .inMemoryDynamoDb(true));
        forms = new Forms(http, cloud.baseUrl(), CSRF);
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void ownerInvitesStaff_throughTheOutbox_andStaffSignIn_withTheirRole() throws Exception {
        // a store and its owner
        assertThat(forms.signup("oasis-dates", "Oasis Dates", "owner@oasis.example", OWNER_PASSWORD)
                        .statusCode())
                .isEqualTo(200);
        VerificationMail.verify(cloud.baseUrl(), "owner@oasis.example");
        String owner = signIn("owner@oasis.example", OWNER_PASSWORD);

        // the owner invites from the staff page
        HttpResponse<String> staffPage = get("/s/oasis-dates/admin/staff", owner);
        assertThat(staffPage.statusCode()).isEqualTo(200);
        HttpResponse<String> invited =
                postForm("/s/oasis-dates/admin/staff/invites", Map.of("email", "amina@oasis.example"), owner);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(303);

        // the invitation is in the outbox, its link clickable
        HttpResponse<String> outbox = get("/_outbox", null);
        assertThat(outbox.statusCode()).isEqualTo(200);
        assertThat(outbox.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(outbox.body())
                .contains("oasis-dates")
                .contains("amina@oasis.example")
                .contains("You are invited to help run Oasis Dates");
        String messagePath = match(outbox.body(), "href=\"(/_outbox/[a-z2-7]+/[a-z2-7]{16})\">You are invited");
        HttpResponse<String> message = get(messagePath, null);
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.body()).contains("owner@oasis.example");
        String link = match(
                message.body(),
                "<a href=\"(" + Pattern.quote(cloud.baseUrl()) + "/s/oasis-dates/admin/invite/[a-z2-7]{26})\">");
        String invitePath = link.substring(cloud.baseUrl().length());

        // the invitee opens it, chooses a password, and is signed in as staff
        HttpResponse<String> invitation = get(invitePath, null);
        assertThat(invitation.statusCode()).isEqualTo(200);
        HttpResponse<String> joined = postForm(invitePath, Map.of("name", "Amina", "password", STAFF_PASSWORD), null);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(303);
        String staff = cookie(joined);
        assertThat(get("/s/oasis-dates/admin", staff).statusCode()).isEqualTo(200);
        assertThat(get("/s/oasis-dates/admin/products/new", staff).statusCode()).isEqualTo(200);
        HttpResponse<String> forbidden = get("/s/oasis-dates/admin/staff", staff);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Not allowed");
        assertThat(postForm(invitePath, Map.of("name", "Again", "password", STAFF_PASSWORD), null)
                        .statusCode())
                .as("the link works once")
                .isEqualTo(404);

        // later, staff sign in with their own password
        String again = signIn("amina@oasis.example", STAFF_PASSWORD);
        assertThat(get("/s/oasis-dates/admin/orders/aaaaaaaaaaaaaaaaaaaaaaaaaa", again)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/s/oasis-dates/admin/staff", owner).body())
                .contains("Amina")
                .contains("amina@oasis.example");

        // the owner forgets the password: a reset link through the outbox ends the old session
        HttpResponse<String> asked =
                postForm("/s/oasis-dates/admin/reset", Map.of("email", "owner@oasis.example"), null);
        assertThat(asked.statusCode()).isEqualTo(200);
        String resetMessage =
                match(get("/_outbox", null).body(), "href=\"(/_outbox/[a-z2-7]+/[a-z2-7]{16})\">Reset your password");
        String resetLink = match(
                get(resetMessage, null).body(),
                "<a href=\"(" + Pattern.quote(cloud.baseUrl()) + "/s/oasis-dates/admin/reset/[a-z2-7]{26})\">");
        HttpResponse<String> reset = postForm(
                resetLink.substring(cloud.baseUrl().length()), Map.of("password", "a new oasis password"), null);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(get("/s/oasis-dates/admin", owner).statusCode()).isEqualTo(303);
        signIn("owner@oasis.example", "a new oasis password");
    }

    @Test
    void outbox_answersUnknownMessagesWith404_andIsReadOnly() throws Exception {
        assertThat(get("/_outbox/aaaaaaaaaaaaaaaa/bbbbbbbbbbbbbbbb", null).statusCode())
                .isEqualTo(404);
        assertThat(get("/_outbox/..%2F..%2Fetc/passwd", null).statusCode()).isEqualTo(404);
        assertThat(postForm("/_outbox", Map.of("x", "y"), null).statusCode()).isEqualTo(405);
    }

    static String signIn(String email, String password) throws Exception {
        return forms.signIn("oasis-dates", email, password);
    }

    static String cookie(HttpResponse<String> response) {
        return Forms.cookie(response, Forms.SESSION_COOKIE);
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        return forms.get(path, cookie);
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
