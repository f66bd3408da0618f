package io.dukan.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.InMemoryAccounts;
import io.dukan.core.testing.InMemoryAuditLog;
import io.dukan.core.testing.PlainHasher;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuthServiceTest {

    private final TenantId store = TenantId.newId();
    private final TenantId otherStore = TenantId.newId();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final PlainHasher hasher = new PlainHasher();
    private Instant now = Instant.parse("2026-05-01T09:00:00Z");
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final AuthService auth = new AuthService(accounts, accounts, audit, hasher, new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    AuthServiceTest() {
        accounts.add(new StoreUser(store, "owner@example.com", hasher.hash("right password"), Role.OWNER));
        accounts.add(new StoreUser(otherStore, "owner@example.com", hasher.hash("right password"), Role.OWNER));
    }

    private void failTimes(int n) {
        for (int i = 0; i < n; i++) {
            assertThatThrownBy(() -> auth.login(store, "owner@example.com", "wrong"))
                    .isInstanceOf(LoginFailedException.class);
        }
    }

    @Test
    void login_givesASessionOfThisStoreOnly() {
        Session session = auth.login(store, " Owner@Example.com ", "right password");

        assertThat(auth.session(store, session.token())).isPresent();
        assertThat(auth.session(otherStore, session.token())).isEmpty();
    }

    @Test
    void signingInAndOut_isRecordedInTheStoresAuditLog_only() {
        Session session = auth.login(store, "owner@example.com", "right password");
        auth.logout(store, session.token());

        assertThat(auth.activity(store, 10))
                .extracting(AuditEntry::action)
                .containsExactlyInAnyOrder("signed in", "signed out");
        assertThat(auth.activity(store, 10)).allMatch(e -> e.actor().equals("owner@example.com"));
        assertThat(auth.activity(otherStore, 10)).isEmpty();
    }

    @Test
    void afterFiveFailures_evenTheRightPasswordIsRefused_untilTheLockoutEnds() {
        failTimes(AuthService.MAX_FAILURES);

        assertThatThrownBy(() -> auth.login(store, "owner@example.com", "right password"))
                .isInstanceOf(LoginThrottledException.class)
                .hasMessageContaining("15 minutes");

        now = now.plus(AuthService.LOCKOUT).plusSeconds(1);
        assertThat(auth.login(store, "owner@example.com", "right password")).isNotNull();
    }

    @Test
    void theLockout_isPerStoreAndEmail() {
        failTimes(AuthService.MAX_FAILURES);

        assertThat(auth.login(otherStore, "owner@example.com", "right password"))
                .isNotNull();
    }

    @Test
    void aSuccessfulSignIn_clearsEarlierFailures() {
        failTimes(AuthService.MAX_FAILURES - 1);
        auth.login(store, "owner@example.com", "right password");
        failTimes(AuthService.MAX_FAILURES - 1);

        assertThat(auth.login(store, "owner@example.com", "right password")).isNotNull();
    }

    @Test
    void expiredSessions_areIgnored_evenBeforeTheDatabaseRemovesThem() {
        Session session = auth.login(store, "owner@example.com", "right password");
        now = now.plus(AuthService.SESSION_LIFETIME).plusSeconds(1);

        assertThat(auth.session(store, session.token())).isEmpty();
    }
}
