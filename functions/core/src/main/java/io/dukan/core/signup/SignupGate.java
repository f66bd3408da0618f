package io.dukan.core.signup;

import io.dukan.core.account.InvalidLinkException;
import io.dukan.core.account.OneTimeTokens;
import io.dukan.core.account.PasswordHasher;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.ProvisioningService;
import io.dukan.core.tenant.SignupCommand;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.core.tenant.StoreSlugTakenException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What stands between the internet and provisioning. A signup request is counted per client address (before any
 * work, the password's hash included) and per e-mail, then kept as a {@link PendingSignup} while a one-time link
 * goes to the owner's e-mail: nothing is provisioned until that link is followed. Following it takes the pending
 * signup once; then, in approval mode, it waits for an operator; else it counts against the platform-wide
 * provisioning rate and is handed to {@link ProvisioningService}. A refusal leaves nothing behind but its counts.
 */
public class SignupGate {

    private static final System.Logger LOG = System.getLogger(SignupGate.class.getName());
    /** Keeps a verified signup this long for an operator. */
    static final Duration APPROVAL_KEPT_FOR = Duration.ofDays(30);

    private final ProvisioningService provisioning;
    private final StoreRegistry registry;
    private final PendingSignups pending;
    private final RateCounters counters;
    private final SignupMail mail;
    private final PasswordHasher hasher;
    private final SignupLimits limits;
    private final Clock clock;

    public SignupGate(
            ProvisioningService provisioning,
            StoreRegistry registry,
            PendingSignups pending,
            RateCounters counters,
            SignupMail mail,
            PasswordHasher hasher,
            SignupLimits limits,
            Clock clock) {
        this.provisioning = provisioning;
        this.registry = registry;
        this.pending = pending;
        this.counters = counters;
        this.mail = mail;
        this.hasher = hasher;
        this.limits = limits;
        this.clock = clock;
    }

    public SignupLimits limits() {
        return limits;
    }

    /**
     * Counts the request against its client address; refuses it (SignupLimitedException) over the limit, before
     * anything else is done. Called before the form is even parsed, so refused scripts cost one counter write.
     */
    public void admitAddress(String clientAddress) {
        Instant now = clock.instant();
        RateCounters.Count count =
                counters.increment("ADDRESS#" + addressKey(clientAddress), now, now.plus(limits.addressWindow()));
        if (count.count() > limits.perAddress()) {
            throw new SignupLimitedException(
                    SignupLimitedException.Limit.ADDRESS, Duration.between(now, count.windowEnd()));
        }
    }

    /**
     * A valid signup request, already admitted for its address: counted against its e-mail, checked for a free
     * address, then kept while the verification link is mailed ({@code linkBase} + the token). Returns what was kept.
     */
    public Outcome request(SignupCommand command, String clientAddress, String linkBase) {
        Instant now = clock.instant();
        RateCounters.Count perEmail =
                counters.increment("EMAIL#" + command.ownerEmail(), now, now.plus(limits.emailWindow()));
        if (perEmail.count() > limits.perEmail()) {
            throw new SignupLimitedException(
                    SignupLimitedException.Limit.EMAIL, Duration.between(now, perEmail.windowEnd()));
        }
        String token = Ids.newSecret();
        PendingSignup signup = PendingSignup.of(
                Ids.newId(),
                OneTimeTokens.hash(token),
                command,
                hasher.hash(command.password()),
                addressKey(clientAddress),
                now,
                now.plus(limits.verificationTtl()));
        if (!limits.emailVerification()) {
            return verified(signup, now); // provisioning itself refuses a taken address, or repeats an idempotent one
        }
        // said now rather than after the link is followed (the address is claimed only then, and may still go)
        if (registry.findBySlug(command.slug()).isPresent()) {
            throw new StoreSlugTakenException(command.slug());
        }
        pending.saveUnverified(signup);
        mail.sendVerification(signup, linkBase + token);
        return new Outcome(signup, null, null);
    }

    /**
     * Where a signup stands: its link was mailed ({@code mailed}), it waits for an operator ({@code awaitingApproval})
     * or it is a store (ACTIVE, PROVISIONING or FAILED). Exactly one is set.
     */
    public record Outcome(PendingSignup mailed, PendingSignup awaitingApproval, Store store) {}

    /**
     * Follows a verification link, once. An unknown, used or expired link is InvalidLinkException. Over the
     * platform's rate, the link is put back (it works again later) and SignupLimitedException says when.
     */
    public Outcome verify(String token) {
        if (!Ids.looksLikeId(token, 64)) {
            throw new InvalidLinkException();
        }
        Instant now = clock.instant();
        PendingSignup signup =
                pending.takeUnverified(OneTimeTokens.hash(token), now).orElseThrow(InvalidLinkException::new);
        try {
            return verified(signup, now);
        } catch (SignupLimitedException overTheRate) {
            pending.saveUnverified(signup);
            throw overTheRate;
        }
    }

    private Outcome verified(PendingSignup signup, Instant now) {
        if (limits.approvalRequired()) {
            pending.saveAwaitingApproval(signup.withExpiry(now.plus(APPROVAL_KEPT_FOR)));
            LOG.log(Level.INFO, "signup {0} for {1} is verified and waits for approval", signup.id(), signup.slug());
            return new Outcome(null, signup, null);
        }
        return new Outcome(null, null, provision(signup, now));
    }

    /** The signup a verification link stands for, if it still works (it is not used up by looking). */
    public PendingSignup pendingFor(String token) {
        if (!Ids.looksLikeId(token, 64)) {
            throw new InvalidLinkException();
        }
        return pending.findUnverified(OneTimeTokens.hash(token), clock.instant())
                .orElseThrow(InvalidLinkException::new);
    }

    /** Verified signups waiting for an operator, oldest first. */
    public List<PendingSignup> awaitingApproval(int limit) {
        return pending.awaitingApproval(Math.max(1, Math.min(limit, 500)), clock.instant());
    }

    /** An operator's yes: the signup is provisioned (within the platform's rate; over it, it stays waiting). */
    public Store approve(String id) {
        Instant now = clock.instant();
        PendingSignup signup = pending.takeAwaitingApproval(id, now)
                .orElseThrow(() -> new NotFoundException("no signup '" + id + "' is waiting for approval"));
        try {
            return provision(signup, now);
        } catch (SignupLimitedException overTheRate) {
            pending.saveAwaitingApproval(signup);
            throw overTheRate;
        }
    }

    /** An operator's no: the signup is dropped; nothing was provisioned for it. */
    public PendingSignup reject(String id) {
        PendingSignup signup = pending.takeAwaitingApproval(id, clock.instant())
                .orElseThrow(() -> new NotFoundException("no signup '" + id + "' is waiting for approval"));
        LOG.log(Level.INFO, "signup {0} for {1} was rejected by an operator", signup.id(), signup.slug());
        return signup;
    }

    private Store provision(PendingSignup signup, Instant now) {
        // one counter per configured window length, so changing the window starts a fresh count
        RateCounters.Count platform = counters.increment(
                "PROVISIONING#" + limits.platformWindow().toSeconds() + "s", now, now.plus(limits.platformWindow()));
        if (platform.count() > limits.platformRate()) {
            LOG.log(
                    Level.WARNING,
                    "platform provisioning rate reached ({0} per {1}); signup {2} waits",
                    limits.platformRate(),
                    limits.platformWindow(),
                    signup.id());
            throw new SignupLimitedException(
                    SignupLimitedException.Limit.PLATFORM, Duration.between(now, platform.windowEnd()));
        }
        return provisioning.signup(signup.command(), signup.passwordHash());
    }

    /**
     * The part of a client address a limit counts: the whole IPv4 address; an IPv6 address's /64 (one subscriber
     * gets a whole /64, so counting single IPv6 addresses would limit nothing).
     */
    static String addressKey(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return "unknown";
        }
        String a = clientAddress.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("[") && a.contains("]")) {
            a = a.substring(1, a.indexOf(']'));
        }
        if (!a.contains(":")) {
            return a.length() > 64 ? a.substring(0, 64) : a;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(a).getAddress();
            if (bytes.length == 16) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    b.append(String.format("%02x%02x", bytes[i], bytes[i + 1])).append(i < 6 ? ":" : "::/64");
                }
                return b.toString();
            }
            return java.net.InetAddress.getByAddress(bytes).getHostAddress();
        } catch (java.net.UnknownHostException notAnAddress) {
            return "unknown";
        }
    }
}
