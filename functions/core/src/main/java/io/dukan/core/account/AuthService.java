package io.dukan.core.account;

import io.dukan.core.shared.Ids;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Sign in, find the signed-in user, sign out: always within one store. */
public class AuthService {

    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    /** Sign-in attempts checked per email and store within {@link #LOCKOUT} (a success gives its own back). */
    public static final int MAX_FAILURES = 5;

    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final AccountRepository accounts;
    private final LoginAttempts attempts;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Clock clock;
    /** Checked against when the email is unknown, so a wrong email costs as much time as a wrong password. */
    private volatile String decoyHash;

    public AuthService(
            AccountRepository accounts, LoginAttempts attempts, AuditLog audit, PasswordHasher hasher, Clock clock) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
    }

    public Session login(TenantId tenant, String email, String password) {
        if (email == null || password == null || email.length() > 254 || password.length() > 200) {
            throw new LoginFailedException();
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        // Counted atomically before the password is checked, so guesses sent at once get their own numbers and at
        // most MAX_FAILURES of them are checked; guessing costs nothing to the store and gains nothing once locked.
        int attempt = attempts.begin(tenant, normalized, now, now.plus(LOCKOUT));
        if (attempt > MAX_FAILURES) {
            throw new LoginThrottledException(LOCKOUT.toMinutes());
        }
        Optional<StoreUser> user = accounts.findUser(tenant, normalized);
        boolean ok = hasher.matches(password, user.map(StoreUser::passwordHash).orElseGet(this::decoyHash));
        if (user.isEmpty() || !ok) {
            throw new LoginFailedException(); // this attempt stays counted as a failure
        }
        attempts.succeeded(tenant, normalized, attempt, now);
        Session session = new Session(
                tenant,
                Ids.newSecret(),
                user.get().email(),
                user.get().role(),
                clock.instant().plus(SESSION_LIFETIME));
        accounts.saveSession(session);
        audit.record(tenant, new AuditEntry(now, session.email(), "signed in", ""));
        return session;
    }

    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = hasher.hash(Ids.newSecret());
        }
        return decoyHash;
    }

    public Optional<Session> session(TenantId tenant, String token) {
        if (!Ids.looksLikeId(token, 26)) {
            return Optional.empty();
        }
        return accounts.findSession(tenant, token).filter(s -> s.expiresAt().isAfter(clock.instant()));
    }

    public void logout(TenantId tenant, String token) {
        if (Ids.looksLikeId(token, 26)) {
            accounts.findSession(tenant, token)
                    .ifPresent(s -> audit.record(tenant, new AuditEntry(clock.instant(), s.email(), "signed out", "")));
            accounts.deleteSession(tenant, token);
        }
    }

    /** The store's admin actions, newest first. */
    public List<AuditEntry> activity(TenantId tenant, int limit) {
        return audit.recent(tenant, Math.max(1, Math.min(limit, 100)));
    }
}
