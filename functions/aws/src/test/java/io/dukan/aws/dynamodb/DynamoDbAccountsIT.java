package io.dukan.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.aws.notify.EmailProperties;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.account.AccountExistsException;
import io.dukan.core.account.AuthService;
import io.dukan.core.account.InvalidLinkException;
import io.dukan.core.account.Invite;
import io.dukan.core.account.PasswordResetService;
import io.dukan.core.account.ResetToken;
import io.dukan.core.account.Role;
import io.dukan.core.account.Session;
import io.dukan.core.account.StoreUser;
import io.dukan.core.account.TeamMember;
import io.dukan.core.account.TeamService;
import io.dukan.core.notify.EmailMessage;
import io.dukan.core.shared.Ids;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.PlainHasher;
import io.dukan.core.testing.RecordingEmailSender;
import io.dukan.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff, one-time links, session ends and the outbox against DynamoDB Local, two stores side by side. */
class DynamoDbAccountsIT {

    static Emulators emulators;
    static TableName table;
    static DynamoDbAccounts accounts;
    static DynamoDbTeam team;
    static DynamoDbAuditLog audit;
    static DynamoDbLoginAttempts attempts;
    static DynamoDbResetRequests resetRequests;

    final TestClock clock = new TestClock(Instant.now());
    final RecordingEmailSender mail = new RecordingEmailSender();
    TenantId store;
    TenantId other;
    TeamService teamService;
    AuthService auth;
    Session owner;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        table = TestTables.emulators();
        accounts = new DynamoDbAccounts(emulators.dynamo(), table);
        team = new DynamoDbTeam(emulators.dynamo(), table);
        audit = new DynamoDbAuditLog(emulators.dynamo(), table);
        attempts = new DynamoDbLoginAttempts(emulators.dynamo(), table);
        resetRequests = new DynamoDbResetRequests(emulators.dynamo(), table);
    }

    @AfterAll
    static void stop() throws Exception {
        emulators.close();
    }

    @BeforeEach
    void givenTwoStoresWithOwners() {
        store = TenantId.newId();
        other = TenantId.newId();
        PlainHasher hasher = new PlainHasher();
        DynamoDbStoreData data = new DynamoDbStoreData(emulators.dynamo(), table);
        for (TenantId t : List.of(store, other)) {
            data.createStoreData(
                    new io.dukan.core.tenant.StoreSettings(
                            t, new io.dukan.core.tenant.Slug("s" + t.value()), "Store", "PKR", "PK", "en"),
                    new StoreUser(t, "owner@example.com", hasher.hash("owner password"), Role.OWNER));
        }
        teamService = new TeamService(accounts, team, mail, audit, hasher, clock);
        auth = new AuthService(accounts, attempts, audit, hasher, clock);
        owner = auth.login(store, "owner@example.com", "owner password");
    }

    String inviteToken(String email) {
        teamService.invite(store, owner, email, "Store", "http://x.example/s/a/admin");
        String link = mail.lastLinkTo(email).orElseThrow();
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void invite_isStoredHashed_listed_andInvisibleToAnotherStore() {
        String token = inviteToken("bilal@example.com");

        Invite invite = team.findInvite(store, io.dukan.core.account.OneTimeTokens.hash(token))
                .orElseThrow();
        assertThat(invite.email()).isEqualTo("bilal@example.com");
        assertThat(invite.role()).isEqualTo(Role.STAFF);
        assertThat(team.invites(store)).extracting(Invite::id).containsExactly(invite.id());
        assertThat(team.findInvite(other, invite.tokenHash())).isEmpty();
        assertThat(team.invites(other)).isEmpty();
        assertThat(emulators
                        .dynamo()
                        .scan(r -> r.tableName(Emulators.TABLE))
                        .items()
                        .toString())
                .doesNotContain(token);
    }

    @Test
    void join_twiceAtTheSameMoment_letsExactlyOneIn() throws Exception {
        String token = inviteToken("bilal@example.com");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Session>> tries = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                tries.add(pool.submit(
                        (Callable<Session>) () -> teamService.accept(store, token, "Bilal", "apricots and walnuts")));
            }
            int joined = 0;
            int refused = 0;
            for (Future<Session> f : tries) {
                try {
                    f.get();
                    joined++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfAny(InvalidLinkException.class, AccountExistsException.class);
                    refused++;
                }
            }
            assertThat(joined).isEqualTo(1);
            assertThat(refused).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(team.members(store)).extracting(TeamMember::email).containsExactly("bilal@example.com");
        assertThat(team.invites(store)).isEmpty();
    }

    @Test
    void join_refuses_anEmailThatHasAnAccount_andLeavesTheInviteUsable() {
        Invite invite = new Invite(
                store,
                Ids.newId(),
                "owner@example.com",
                Role.STAFF,
                "x@example.com",
                clock.instant(),
                clock.instant().plus(Duration.ofDays(7)),
                io.dukan.core.account.OneTimeTokens.hash(Ids.newSecret()));
        team.saveInvite(invite);

        assertThatThrownBy(() -> team.join(
                        invite,
                        new StoreUser(store, "owner@example.com", "h", Role.STAFF),
                        new TeamMember("owner@example.com", "X", Role.STAFF, clock.instant())))
                .isInstanceOf(AccountExistsException.class);
        assertThat(accounts.findUser(store, "owner@example.com").orElseThrow().role())
                .isEqualTo(Role.OWNER);
        assertThat(team.findInvite(store, invite.tokenHash())).isPresent();
    }

    @Test
    void removeMember_removesStaff_endsTheirSessions_butNeverAnOwner() {
        Session staff = teamService.accept(store, inviteToken("bilal@example.com"), "Bilal", "apricots and walnuts");
        Session again = auth.login(store, "bilal@example.com", "apricots and walnuts");

        teamService.removeMember(store, owner, "bilal@example.com");

        assertThat(accounts.findSession(store, staff.token())).isEmpty();
        assertThat(accounts.findSession(store, again.token())).isEmpty();
        assertThat(accounts.findUser(store, "bilal@example.com")).isEmpty();
        assertThat(team.members(store)).isEmpty();
        assertThat(team.removeMember(store, "owner@example.com")).isFalse();
        assertThat(accounts.findUser(store, "owner@example.com")).isPresent();
        assertThat(accounts.findSession(store, owner.token())).isPresent();
    }

    @Test
    void deleteSessions_endsEverySessionOfThatUser_inThatStoreOnly() {
        Session second = auth.login(store, "owner@example.com", "owner password");
        Session elsewhere = auth.login(other, "owner@example.com", "owner password");
        for (int i = 0; i < 15; i++) { // more than one batch of deletes
            auth.login(store, "owner@example.com", "owner password");
        }

        accounts.deleteSessions(store, "owner@example.com");

        assertThat(accounts.findSession(store, owner.token())).isEmpty();
        assertThat(accounts.findSession(store, second.token())).isEmpty();
        assertThat(accounts.findSession(other, elsewhere.token())).isPresent();
        assertThat(emulators
                        .dynamo()
                        .query(r -> r.tableName(Emulators.TABLE)
                                .keyConditionExpression("pk = :pk")
                                .expressionAttributeValues(
                                        java.util.Map.of(":pk", Keys.s(Keys.userSessions(store, "owner@example.com")))))
                        .items())
                .isEmpty();
    }

    @Test
    void logout_removesTheSessionAndItsIndexEntry() {
        auth.logout(store, owner.token());

        assertThat(accounts.findSession(store, owner.token())).isEmpty();
        assertThat(emulators
                        .dynamo()
                        .getItem(r -> r.tableName(Emulators.TABLE)
                                .key(Keys.userSession(store, "owner@example.com", owner.token())))
                        .item())
                .isEmpty();
    }

    @Test
    void passwordReset_usesTheTokenOnce_andAnInviteTokenIsNoResetToken() {
        PasswordResetService resets = new PasswordResetService(
                accounts, team, resetRequests, attempts, mail, audit, new PlainHasher(), clock);
        resets.requestReset(store, "owner@example.com", "Store", "http://x.example/s/a/admin");
        String link = mail.lastLinkTo("owner@example.com").orElseThrow();
        String token = link.substring(link.lastIndexOf('/') + 1);
        String inviteToken = inviteToken("bilal@example.com");

        assertThatThrownBy(() -> resets.reset(store, inviteToken, "new password 22"))
                .isInstanceOf(InvalidLinkException.class);
        assertThatThrownBy(() -> resets.reset(other, token, "new password 22"))
                .isInstanceOf(InvalidLinkException.class);
        resets.reset(store, token, "new password 22");

        assertThat(accounts.findSession(store, owner.token())).isEmpty();
        assertThat(auth.login(store, "owner@example.com", "new password 22")).isNotNull();
        assertThatThrownBy(() -> team.reset(
                        new ResetToken(
                                store,
                                io.dukan.core.account.OneTimeTokens.hash(token),
                                "owner@example.com",
                                clock.instant().plusSeconds(60)),
                        "x"))
                .isInstanceOf(InvalidLinkException.class);
        assertThat(auth.login(other, "owner@example.com", "owner password"))
                .as("the other store's owner")
                .isNotNull();
    }

    @Test
    void resetRequests_countWithinTheirWindow_perStoreAndEmail() {
        Instant now = clock.instant();
        resetRequests.record(store, "a@example.com", now, now.plusSeconds(3600));
        resetRequests.record(store, "a@example.com", now, now.plusSeconds(3600));

        assertThat(resetRequests.recent(store, "a@example.com", now)).isEqualTo(2);
        assertThat(resetRequests.recent(other, "a@example.com", now)).isZero();
        assertThat(resetRequests.recent(store, "b@example.com", now)).isZero();
        assertThat(resetRequests.recent(store, "a@example.com", now.plusSeconds(3600)))
                .isZero();
        resetRequests.record(store, "a@example.com", now.plusSeconds(3600), now.plusSeconds(7200));
        assertThat(resetRequests.recent(store, "a@example.com", now.plusSeconds(3600)))
                .isEqualTo(1);
    }

    @Test
    void signInAttemptsSentAtOnce_eachGetTheirOwnNumber_noneOverwritesAnother() throws Exception {
        Instant now = clock.instant();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Future<Integer>> numbers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                numbers.add(pool.submit(() -> attempts.begin(store, "guessed@example.com", now, now.plusSeconds(900))));
            }
            List<Integer> taken = new ArrayList<>();
            for (Future<Integer> f : numbers) {
                taken.add(f.get());
            }
            assertThat(taken)
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 40)
                            .boxed()
                            .toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(attempts.begin(other, "guessed@example.com", now, now.plusSeconds(900)))
                .isOne();
        assertThat(attempts.begin(store, "guessed@example.com", now.plusSeconds(900), now.plusSeconds(1800)))
                .as("a new window after the old one ended")
                .isOne();
    }

    @Test
    void aSuccess_clearsItsWindow_onlyWhenNothingWasCountedAfterIt() {
        Instant now = clock.instant();
        Instant end = now.plusSeconds(900);
        attempts.begin(store, "a@example.com", now, end);
        int success = attempts.begin(store, "a@example.com", now, end);
        attempts.succeeded(store, "a@example.com", success, now);
        assertThat(attempts.begin(store, "a@example.com", now, end))
                .as("cleared, as one after another")
                .isOne();

        int besideGuesses = attempts.begin(store, "a@example.com", now, end);
        for (int i = 0; i < 6; i++) {
            attempts.begin(store, "a@example.com", now, end);
        }
        attempts.succeeded(store, "a@example.com", besideGuesses, now);
        assertThat(attempts.begin(store, "a@example.com", now, end))
                .as("the guesses counted after the success still count; only the success was given back")
                .isEqualTo(8);
    }

    @Test
    void outbox_keepsEachStoresMail_inItsOwnPartition_newestFirst() {
        EmailProperties properties = new EmailProperties();
        properties.setFrom("dukan@local.example");
        TestClock mailClock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
        DynamoDbOutbox outbox = new DynamoDbOutbox(emulators.dynamo(), table, properties, mailClock);
        outbox.send(store, new EmailMessage("a@example.com", "First", "one"));
        mailClock.advance(Duration.ofSeconds(1));
        outbox.send(other, new EmailMessage("b@example.com", "Second", "two", "owner@example.com"));

        List<OutboxMessages.Message> recent = new OutboxMessages(emulators.dynamo(), Emulators.TABLE).recent(100);

        assertThat(recent).extracting(OutboxMessages.Message::subject).containsSubsequence("Second", "First");
        OutboxMessages.Message second = recent.stream()
                .filter(m -> m.subject().equals("Second"))
                .findFirst()
                .orElseThrow();
        assertThat(second.tenantId()).isEqualTo(other.value());
        assertThat(second.replyTo()).isEqualTo("owner@example.com");
        assertThat(second.from()).isEqualTo("dukan@local.example");
        OutboxMessages reader = new OutboxMessages(emulators.dynamo(), Emulators.TABLE);
        assertThat(reader.find(other.value(), second.id())).hasValue(second);
        assertThat(reader.find(store.value(), second.id()))
                .as("another store's partition")
                .isEmpty();
        assertThat(reader.find("../x", second.id())).isEmpty();
        assertThat(emulators
                        .dynamo()
                        .query(r -> r.tableName(Emulators.TABLE)
                                .keyConditionExpression("pk = :pk")
                                .expressionAttributeValues(java.util.Map.of(":pk", Keys.s(Keys.outbox(store)))))
                        .items())
                .hasSize(1);
    }
}
