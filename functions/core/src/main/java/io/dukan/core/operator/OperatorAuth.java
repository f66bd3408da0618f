package io.dukan.core.operator;

import io.dukan.core.account.LoginFailedException;
import io.dukan.core.account.LoginThrottledException;
import io.dukan.core.account.PasswordHasher;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The operators' accounts: creating one (a command, or the deploy-time secret), signing in with password and TOTP
 * code, the session, signing out. Stricter than a store's admin: a longer password, a second factor always, a
 * shorter session.
 */
public class OperatorAuth {

    public static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** Operators can suspend any store: their passwords are longer than a store owner's minimum. */
    public static final int MIN_PASSWORD = 14;

    public static final int MAX_PASSWORD_BYTES = 72;
    public static final String ISSUER = "Dukan operator";

    /** A new operator account and the TOTP secret to put in their authenticator app (shown once). */
    public record Created(Operator operator, String totpSecret, String otpauthUri) {}

    private final OperatorRepository operators;
    private final PlatformAudit audit;
    private final PasswordHasher hasher;
    private final Clock clock;
    private volatile String decoyHash;

    public OperatorAuth(OperatorRepository operators, PlatformAudit audit, PasswordHasher hasher, Clock clock) {
        this.operators = operators;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The e-mail as stored: trimmed, lower case; refused unless it looks like an address. */
    public static String normalizeEmail(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !e.matches("[^@\\s#]{1,64}@[^@\\s#]{1,190}\\.[^@\\s.#]{2,63}")) {
            throw new InvalidInputException("email", "enter the operator's e-mail address");
        }
        return e;
    }

    /** A strong enough password, else InvalidInputException. */
    public static String checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw new InvalidInputException(
                    "password", "an operator's password must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException("password", "password must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        if (password.isBlank() || password.chars().distinct().count() < 5) {
            throw new InvalidInputException("password", "password is too simple: use a few unrelated words");
        }
        return password;
    }

    /**
     * Creates an operator with a new TOTP secret ({@code totpSecret} null) or the one given (the deploy-time secret
     * carries it, so its holder has it in their app already).
     *
     * @throws OperatorExistsException when the e-mail is an operator already
     */
    public Created create(String email, String password, String totpSecret, String createdBy) {
        String normalized = normalizeEmail(email);
        checkPassword(password);
        String secret = totpSecret == null || totpSecret.isBlank() ? Totp.newSecret() : totpSecret.strip();
        if (Totp.fromBase32(secret).length < 10) {
            throw new InvalidInputException("totpSecret", "the TOTP secret must be base32 of at least 80 bits");
        }
        Instant now = clock.instant();
        Operator operator = new Operator(normalized, hasher.hash(password), secret, 0, now, createdBy);
        if (!operators.create(operator)) {
            throw new OperatorExistsException(normalized);
        }
        audit.record(new PlatformAuditEntry(now, createdBy, "created operator", normalized, ""), null);
        return new Created(operator, secret, Totp.uri(ISSUER, normalized, secret));
    }

    /** The first operator, at deploy time: created only while there is none (a restart changes nothing). */
    public Optional<Created> createFirst(String email, String password, String totpSecret, String createdBy) {
        if (operators.anyOperator()) {
            return Optional.empty();
        }
        return Optional.of(create(email, password, totpSecret, createdBy));
    }

    /**
     * Signs in with password and the authenticator's current code. Attempts are counted per e-mail before anything
     * is checked; after {@link #MAX_FAILURES} in {@link #LOCKOUT}, every attempt is refused whatever it carries.
     * Which of e-mail, password or code was wrong is not said.
     */
    public OperatorSession signIn(String email, String password, String code, String from) {
        if (email == null || password == null || email.length() > 254 || password.length() > 200) {
            throw new LoginFailedException();
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        int attempt = operators.countAttempt(normalized, now, now.plus(LOCKOUT));
        if (attempt > MAX_FAILURES) {
            throw new LoginThrottledException(LOCKOUT.toMinutes());
        }
        Optional<Operator> operator = operators.find(normalized);
        boolean passwordOk =
                hasher.matches(password, operator.map(Operator::passwordHash).orElseGet(this::decoyHash));
        if (operator.isEmpty() || !passwordOk) {
            audit.record(new PlatformAuditEntry(now, normalized, "sign-in failed", "", from), null);
            throw new LoginFailedException();
        }
        OptionalLong step = Totp.verify(
                operator.get().totpSecret(), code, now, operator.get().lastTotpStep());
        if (step.isEmpty() || !operators.useTotpStep(normalized, step.getAsLong())) {
            audit.record(new PlatformAuditEntry(now, normalized, "sign-in failed (code)", "", from), null);
            throw new LoginFailedException();
        }
        operators.clearAttempts(normalized);
        OperatorSession session = new OperatorSession(Ids.newSecret(), normalized, now.plus(SESSION_LIFETIME));
        operators.saveSession(session);
        audit.record(new PlatformAuditEntry(now, normalized, "signed in", "", from), null);
        return session;
    }

    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = hasher.hash(Ids.newSecret());
        }
        return decoyHash;
    }

    public Optional<OperatorSession> session(String token) {
        if (!Ids.looksLikeId(token, 26) || token.length() != 26) {
            return Optional.empty();
        }
        return operators.findSession(token).filter(s -> s.expiresAt().isAfter(clock.instant()));
    }

    public void signOut(String token) {
        session(token).ifPresent(s -> {
            operators.deleteSession(token);
            audit.record(new PlatformAuditEntry(clock.instant(), s.email(), "signed out", "", ""), null);
        });
    }
}
