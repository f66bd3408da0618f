package io.dukan.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.InMemoryAccounts;
import io.dukan.core.testing.InMemoryAuditLog;
import io.dukan.core.testing.InMemoryTeam;
import io.dukan.core.testing.PlainHasher;
import io.dukan.core.testing.RecordingEmailSender;
import io.dukan.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamServiceTest {

    static final TenantId STORE = new TenantId("aaaaaaaaaaaaaaaa");
    static final TenantId OTHER = new TenantId("bbbbbbbbbbbbbbbb");
    static final String ADMIN_URL = "https://shops.example/s/kashgar/admin";
    static final String NEW_PASSWORD = "apricots and walnuts";

    final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
    final InMemoryAccounts accounts = new InMemoryAccounts();
    final InMemoryTeam team = new InMemoryTeam(accounts);
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final RecordingEmailSender mail = new RecordingEmailSender();
    final PlainHasher hasher = new PlainHasher();
    final TeamService service = new TeamService(accounts, team, mail, audit, hasher, clock);
    final AuthService auth = new AuthService(accounts, accounts, audit, hasher, clock);
    Session owner;

    @BeforeEach
    void givenAStoreWithItsOwner() {
        accounts.add(new StoreUser(STORE, "owner@kashgar.example", hasher.hash("owner password"), Role.OWNER));
        owner = auth.login(STORE, "owner@kashgar.example", "owner password");
    }

    String tokenOfLinkTo(String address) {
        String link = mail.lastLinkTo(address).orElseThrow();
        assertThat(link).startsWith(ADMIN_URL + "/invite/");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void invite_mailsAOneTimeLink_keepsOnlyItsHash_andAudits() {
        // when
        Invite invite = service.invite(STORE, owner, "Bilal@Example.com", "Kashgar\nFruit", ADMIN_URL);

        // then
        assertThat(mail.sent()).hasSize(1);
        var message = mail.sent().get(0);
        assertThat(message.tenant()).isEqualTo(STORE);
        assertThat(message.message().to()).isEqualTo("bilal@example.com");
        assertThat(message.message().subject()).isEqualTo("You are invited to help run Kashgar Fruit");
        assertThat(message.message().replyToAddress()).hasValue("owner@kashgar.example");
        String token = tokenOfLinkTo("bilal@example.com");
        assertThat(invite.tokenHash()).isEqualTo(OneTimeTokens.hash(token)).doesNotContain(token);
        assertThat(invite.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(service.pendingInvites(STORE, owner))
                .extracting(Invite::email)
                .containsExactly("bilal@example.com");
        assertThat(audit.recent(STORE, 10))
                .anyMatch(e -> e.action().equals("invited staff")
                        && e.subject().equals("bilal@example.com")
                        && e.actor().equals("owner@kashgar.example"));
    }

    @Test
    void accept_createsAStaffAccount_signsIn_andTheLinkWorksOnce() {
        service.invite(STORE, owner, "bilal@example.com", "Kashgar", ADMIN_URL);
        String token = tokenOfLinkTo("bilal@example.com");

        // when
        Session staff = service.accept(STORE, token, "Bilal", NEW_PASSWORD);

        // then
        assertThat(staff.role()).isEqualTo(Role.STAFF);
        assertThat(auth.session(STORE, staff.token())).isPresent();
        assertThat(auth.login(STORE, "bilal@example.com", NEW_PASSWORD).role()).isEqualTo(Role.STAFF);
        assertThat(service.members(STORE, owner))
                .extracting(TeamMember::email, TeamMember::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bilal@example.com", "Bilal"));
        assertThat(service.pendingInvites(STORE, owner)).isEmpty();
        assertThatThrownBy(() -> service.accept(STORE, token, "Mallory", "another long password"))
                .isInstanceOf(InvalidLinkException.class);
        assertThat(audit.recent(STORE, 10)).anyMatch(e -> e.action().equals("joined the staff"));
    }

    @Test
    void accept_refuses_anExpiredLink() {
        service.invite(STORE, owner, "bilal@example.com", "Kashgar", ADMIN_URL);
        String token = tokenOfLinkTo("bilal@example.com");

        // when
        clock.advance(TeamService.INVITE_LIFETIME.plusSeconds(1));

        // then
        assertThatThrownBy(() -> service.accept(STORE, token, "Bilal", NEW_PASSWORD))
                .isInstanceOf(InvalidLinkException.class);
        assertThat(accounts.findUser(STORE, "bilal@example.com")).isEmpty();
    }

    @Test
    void accept_refuses_aLinkOfAnotherStore_andMalformedTokens() {
        service.invite(STORE, owner, "bilal@example.com", "Kashgar", ADMIN_URL);
        String token = tokenOfLinkTo("bilal@example.com");

        assertThatThrownBy(() -> service.accept(OTHER, token, "Bilal", NEW_PASSWORD))
                .isInstanceOf(InvalidLinkException.class);
        for (String bad : new String[] {null, "", "short", token.toUpperCase(), token + "a", "../" + token}) {
            assertThatThrownBy(() -> service.pendingInvite(STORE, bad)).isInstanceOf(InvalidLinkException.class);
        }
    }

    @Test
    void accept_checksThePasswordRules_beforeUsingUpTheLink() {
        service.invite(STORE, owner, "bilal@example.com", "Kashgar", ADMIN_URL);
        String token = tokenOfLinkTo("bilal@example.com");

        assertThatThrownBy(() -> service.accept(STORE, token, "Bilal", "short"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 10");
        assertThatThrownBy(() -> service.accept(STORE, token, "Bilal", "é".repeat(40)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("72 bytes");
        assertThatThrownBy(() -> service.accept(STORE, token, " ", NEW_PASSWORD))
                .isInstanceOf(InvalidInputException.class);

        assertThat(service.accept(STORE, token, "Bilal", NEW_PASSWORD).role()).isEqualTo(Role.STAFF);
    }

    @Test
    void invite_isForTheOwnerOnly() {
        service.invite(STORE, owner, "bilal@example.com", "Kashgar", ADMIN_URL);
        Session staff = service.accept(STORE, tokenOfLinkTo("bilal@example.com"), "Bilal", NEW_PASSWORD);

        assertThatThrownBy(() -> service.invite(STORE, staff, "mallory@example.com", "Kashgar", ADMIN_URL))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("manage staff");
        assertThatThrownBy(() -> service.members(STORE, staff)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.removeMember(STORE, staff, "owner@kashgar.example"))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.invite(OTHER, owner, "x@example.com", "Other", ADMIN_URL))
                .as("a session of another store")
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void invite_refuses_anAddressThatHasAnAccount_andBadAddresses() {
        assertThatThrownBy(() -> service.invite(STORE, owner, "OWNER@kashgar.example", "Kashgar", ADMIN_URL))
                .isInstanceOf(AccountExistsException.class);
        assertThatThrownBy(() -> service.invite(STORE, owner, "not an address", "Kashgar", ADMIN_URL))
                .isInstanceOf(InvalidInputException.class);
        assertThat(mail.sent()).isEmpty();
    }

    @Test
    void invite_again_replacesThePendingInvitation() {
        service.invite(STORE, owner, "bilal@example.com", "Kashgar", ADMIN_URL);
        String first = tokenOfLinkTo("bilal@example.com");

        service.invite(STORE, owner, "bilal@example.com", "Kashgar", ADMIN_URL);

        assertThat(service.pendingInvites(STORE, owner)).hasSize(1);
        assertThatThrownBy(() -> service.pendingInvite(STORE, first)).isInstanceOf(InvalidLinkException.class);
        assertThat(service.pendingInvite(STORE, tokenOfLinkTo("bilal@example.com"))
                        .email())
                .isEqualTo("bilal@example.com");
    }

    @Test
    void invite_leavesNothingPending_whenTheMailCannotBeSent() {
        mail.failNext(new IllegalStateException("SES is down"));

        assertThatThrownBy(() -> service.invite(STORE, owner, "bilal@example.com", "Kashgar", ADMIN_URL))
                .hasMessageContaining("SES is down");

        assertThat(service.pendingInvites(STORE, owner)).isEmpty();
        assertThat(audit.recent(STORE, 10)).noneMatch(e -> e.action().equals("invited staff"));
    }

    @Test
    void withdrawInvite_makesTheLinkUseless() {
        Invite invite = service.invite(STORE, owner, "bilal@example.com", "Kashgar", ADMIN_URL);
        String token = tokenOfLinkTo("bilal@example.com");

        service.withdrawInvite(STORE, owner, invite.id());

        assertThatThrownBy(() -> service.accept(STORE, token, "Bilal", NEW_PASSWORD))
                .isInstanceOf(InvalidLinkException.class);
        assertThatThrownBy(() -> service.withdrawInvite(STORE, owner, invite.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(audit.recent(STORE, 10)).anyMatch(e -> e.action().startsWith("withdrew"));
    }

    @Test
    void removeMember_deletesTheAccount_andEndsTheirSessions_butNeverTheOwner() {
        service.invite(STORE, owner, "bilal@example.com", "Kashgar", ADMIN_URL);
        Session staff = service.accept(STORE, tokenOfLinkTo("bilal@example.com"), "Bilal", NEW_PASSWORD);

        // when
        service.removeMember(STORE, owner, "bilal@example.com");

        // then
        assertThat(auth.session(STORE, staff.token())).isEmpty();
        assertThatThrownBy(() -> auth.login(STORE, "bilal@example.com", NEW_PASSWORD))
                .isInstanceOf(LoginFailedException.class);
        assertThat(service.members(STORE, owner)).isEmpty();
        assertThatThrownBy(() -> service.removeMember(STORE, owner, "owner@kashgar.example"))
                .isInstanceOf(NotFoundException.class);
        assertThat(auth.session(STORE, owner.token())).isPresent();
        assertThat(audit.recent(STORE, 10)).anyMatch(e -> e.action().equals("removed staff member"));
    }
}
