package io.dukan.core.account;

import io.dukan.core.notify.AccountMails;
import io.dukan.core.notify.EmailMessage;
import io.dukan.core.notify.EmailSender;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * "Forgot password": a one-time link by e-mail (its token kept hashed, valid for an hour), then a new password,
 * after which every session of that user ends. Asking never tells whether the address has an account.
 */
public class PasswordResetService {

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    /** Reset mails per email and store within {@link #REQUEST_WINDOW}; further requests send nothing. */
    public static final int MAX_REQUESTS = 3;

    public static final Duration REQUEST_WINDOW = Duration.ofHours(1);

    private final AccountRepository accounts;
    private final PasswordResets resets;
    private final ResetRequests requests;
    private final LoginAttempts loginAttempts;
    private final EmailSender email;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Clock clock;

    public PasswordResetService(
            AccountRepository accounts,
            PasswordResets resets,
            ResetRequests requests,
            LoginAttempts loginAttempts,
            EmailSender email,
            AuditLog audit,
            PasswordHasher hasher,
            Clock clock) {
        this.accounts = accounts;
        this.resets = resets;
        this.requests = requests;
        this.loginAttempts = loginAttempts;
        this.email = email;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** What happened to a request; callers show the same page whatever it is. */
    public enum Outcome {
        SENT,
        NO_ACCOUNT,
        THROTTLED
    }

    /**
     * Sends a reset link ({@code {adminUrl}/reset/{token}}) if the address has an account here and has not asked
     * too often. The answer to show is the same in every case.
     */
    public Outcome requestReset(TenantId tenant, String address, String storeName, String adminUrl) {
        return requestReset(tenant, address, storeName, adminUrl, AccountMails.ENGLISH);
    }

    /** {@link #requestReset(TenantId, String, String, String)} with the message in {@code mails}' words. */
    public Outcome requestReset(
            TenantId tenant, String address, String storeName, String adminUrl, AccountMails mails) {
        String user = EmailMessage.address("email", address);
        Instant now = clock.instant();
        // counted before the account is looked up, so an unknown address is throttled the same way
        if (requests.recent(tenant, user, now) >= MAX_REQUESTS) {
            return Outcome.THROTTLED;
        }
        requests.record(tenant, user, now, now.plus(REQUEST_WINDOW));
        Optional<StoreUser> account = accounts.findUser(tenant, user);
        if (account.isEmpty()) {
            return Outcome.NO_ACCOUNT;
        }
        String token = OneTimeTokens.newToken();
        resets.save(new ResetToken(tenant, OneTimeTokens.hash(token), user, now.plus(TOKEN_LIFETIME)));
        String name = TeamService.oneLine(storeName);
        AccountMails.Text text = mails.passwordReset(user, name, adminUrl + "/reset/" + token, TOKEN_LIFETIME);
        email.send(tenant, new EmailMessage(user, text.subject(), text.body()));
        audit.record(tenant, new AuditEntry(now, user, "asked for a password reset", ""));
        return Outcome.SENT;
    }

    /** The pending reset behind a link, or InvalidLinkException (unknown, used or expired). */
    public ResetToken pendingReset(TenantId tenant, String token) {
        if (!OneTimeTokens.looksLikeToken(token)) {
            throw new InvalidLinkException();
        }
        return resets.find(tenant, OneTimeTokens.hash(token))
                .filter(r -> r.tenantId().equals(tenant) && !r.isExpired(clock.instant()))
                .orElseThrow(InvalidLinkException::new);
    }

    /** Sets the new password, uses up the link, ends every session of the user and lifts a sign-in lockout. */
    public void reset(TenantId tenant, String token, String newPassword) {
        PasswordRules.check("password", newPassword);
        ResetToken reset = pendingReset(tenant, token);
        resets.reset(reset, hasher.hash(newPassword));
        accounts.deleteSessions(tenant, reset.email());
        loginAttempts.clear(tenant, reset.email());
        audit.record(
                tenant, new AuditEntry(clock.instant(), reset.email(), "reset the password", "all sessions ended"));
    }
}
