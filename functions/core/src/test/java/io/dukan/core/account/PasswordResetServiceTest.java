package io.dukan.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.account.PasswordResetService.Outcome;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.InMemoryAccounts;
import io.dukan.core.testing.InMemoryAuditLog;
import io.dukan.core.testing.InMemoryTeam;
import io.dukan.core.testing.PlainHasher;
import io.dukan.core.testing.RecordingEmailSender;
import io.dukan.core.testing.TestClock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordResetServiceTest {

    static final TenantId STORE = new TenantId("aaaaaaaaaaaaaaaa");
    static final TenantId OTHER = new TenantId("bbbbbbbbbbbbbbbb");
    static final String ADMIN_URL = "https://shops.example/s/kashgar/admin";
    static final String OWNER = "owner@kashgar.example";

    final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
    final InMemoryAccounts accounts = new InMemoryAccounts();
    final InMemoryTeam team = new InMemoryTeam(accounts);
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final RecordingEmailSender mail = new RecordingEmailSender();
    final PlainHasher hasher = new PlainHasher();
    final PasswordResetService service =
            new PasswordResetService(accounts, team, team, accounts, mail, audit, hasher, clock);
    final AuthService auth = new AuthService(accounts, accounts, audit, hasher, clock);

    @BeforeEach
    void givenAnOwner() {
        accounts.add(new StoreUser(STORE, OWNER, hasher.hash("old password 1"), Role.OWNER));
    }

    String token() {
        String link = mail.lastLinkTo(OWNER).orElseThrow();
        assertThat(link).startsWith(ADMIN_URL + "/reset/");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void reset_setsTheNewPassword_endsEverySession_andAudits() {
        Session laptop = auth.login(STORE, OWNER, "old password 1");
        Session phone = auth.login(STORE, OWNER, "old password 1");
        assertThat(service.requestReset(STORE, "Owner@Kashgar.example", "Kashgar", ADMIN_URL))
                .isEqualTo(Outcome.SENT);

        // when
        service.reset(STORE, token(), "new password 22");

        // then
        assertThat(auth.session(STORE, laptop.token())).isEmpty();
        assertThat(auth.session(STORE, phone.token())).isEmpty();
        assertThatThrownBy(() -> auth.login(STORE, OWNER, "old password 1")).isInstanceOf(LoginFailedException.class);
        assertThat(auth.login(STORE, OWNER, "new password 22").role()).isEqualTo(Role.OWNER);
        assertThat(audit.recent(STORE, 20))
                .anyMatch(e -> e.action().equals("reset the password"))
                .anyMatch(e -> e.action().equals("asked for a password reset"));
    }

    @Test
    void reset_link_worksOnce_andNotAfterAnHour_norInAnotherStore() {
        service.requestReset(STORE, OWNER, "Kashgar", ADMIN_URL);
        String token = token();
        assertThatThrownBy(() -> service.reset(OTHER, token, "new password 22"))
                .isInstanceOf(InvalidLinkException.class);

        service.reset(STORE, token, "new password 22");
        assertThatThrownBy(() -> service.reset(STORE, token, "new password 33"))
                .isInstanceOf(InvalidLinkException.class);

        clock.advance(PasswordResetService.REQUEST_WINDOW); // the first request's window is over
        service.requestReset(STORE, OWNER, "Kashgar", ADMIN_URL);
        String late = token();
        clock.advance(PasswordResetService.TOKEN_LIFETIME);
        assertThatThrownBy(() -> service.reset(STORE, late, "new password 44"))
                .isInstanceOf(InvalidLinkException.class);
    }

    @Test
    void requestReset_forAnUnknownAddress_sendsNothing_andSaysNothingDifferent() {
        assertThat(service.requestReset(STORE, "nobody@example.com", "Kashgar", ADMIN_URL))
                .isEqualTo(Outcome.NO_ACCOUNT);
        assertThat(service.requestReset(OTHER, OWNER, "Other", ADMIN_URL)).isEqualTo(Outcome.NO_ACCOUNT);
        assertThat(mail.sent()).isEmpty();
    }

    @Test
    void requestReset_isThrottledPerEmail_afterThreeInAnHour() {
        for (int i = 0; i < PasswordResetService.MAX_REQUESTS; i++) {
            assertThat(service.requestReset(STORE, OWNER, "Kashgar", ADMIN_URL)).isEqualTo(Outcome.SENT);
        }

        assertThat(service.requestReset(STORE, OWNER, "Kashgar", ADMIN_URL)).isEqualTo(Outcome.THROTTLED);
        assertThat(mail.to(OWNER)).hasSize(PasswordResetService.MAX_REQUESTS);

        clock.advance(PasswordResetService.REQUEST_WINDOW);
        assertThat(service.requestReset(STORE, OWNER, "Kashgar", ADMIN_URL)).isEqualTo(Outcome.SENT);
    }

    @Test
    void reset_checksThePasswordRules_andKeepsTheLinkForAnotherTry() {
        service.requestReset(STORE, OWNER, "Kashgar", ADMIN_URL);
        String token = token();

        assertThatThrownBy(() -> service.reset(STORE, token, "short")).isInstanceOf(InvalidInputException.class);

        service.reset(STORE, token, "long enough now");
        assertThat(auth.login(STORE, OWNER, "long enough now")).isNotNull();
    }

    @Test
    void reset_liftsASignInLockout() {
        for (int i = 0; i < AuthService.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> auth.login(STORE, OWNER, "wrong guess")).isInstanceOf(LoginFailedException.class);
        }
        service.requestReset(STORE, OWNER, "Kashgar", ADMIN_URL);

        service.reset(STORE, token(), "new password 22");

        assertThat(auth.login(STORE, OWNER, "new password 22")).isNotNull();
    }
}
