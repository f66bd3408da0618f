package io.dukan.core.account;

import io.dukan.core.notify.AccountMails;
import io.dukan.core.notify.EmailMessage;
import io.dukan.core.notify.EmailSender;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.shared.Text;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The owner's staff: invite by e-mail (a one-time link), accept, withdraw, remove. Every change is audited. The
 * acting session is checked here as well as at the door, so no caller can skip the role check.
 */
public class TeamService {

    public static final Duration INVITE_LIFETIME = Duration.ofDays(7);
    /** Pending invitations a store may have at once (a bound on what one owner session can send). */
    public static final int MAX_PENDING_INVITES = 50;

    private final AccountRepository accounts;
    private final TeamRepository team;
    private final EmailSender email;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Clock clock;

    public TeamService(
            AccountRepository accounts,
            TeamRepository team,
            EmailSender email,
            AuditLog audit,
            PasswordHasher hasher,
            Clock clock) {
        this.accounts = accounts;
        this.team = team;
        this.email = email;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Invites someone to the staff: stores the invitation (its token hashed) and e-mails them the link
     * {@code {adminUrl}/invite/{token}}. A pending invitation for the same address is replaced.
     *
     * @param adminUrl the store's admin as an absolute URL, e.g. https://…/s/kashgar-fruit/admin
     */
    public Invite invite(TenantId tenant, Session actor, String address, String storeName, String adminUrl) {
        return invite(tenant, actor, address, storeName, adminUrl, AccountMails.ENGLISH);
    }

    /** {@link #invite(TenantId, Session, String, String, String)} with the message in {@code mails}' words. */
    public Invite invite(
            TenantId tenant, Session actor, String address, String storeName, String adminUrl, AccountMails mails) {
        require(actor, tenant);
        String invitee = EmailMessage.address("email", address);
        if (accounts.findUser(tenant, invitee).isPresent()) {
            throw new AccountExistsException(invitee);
        }
        Instant now = clock.instant();
        List<Invite> pending = team.invites(tenant);
        pending.stream().filter(i -> i.email().equals(invitee)).forEach(i -> team.deleteInvite(tenant, i.id()));
        if (pending.stream()
                        .filter(i -> !i.isExpired(now) && !i.email().equals(invitee))
                        .count()
                >= MAX_PENDING_INVITES) {
            throw new InvalidInputException(
                    "email", "there are " + MAX_PENDING_INVITES + " pending invitations already; withdraw some first");
        }
        String token = OneTimeTokens.newToken();
        Invite invite = new Invite(
                tenant,
                Ids.newId(),
                invitee,
                Role.STAFF,
                actor.email(),
                now,
                now.plus(INVITE_LIFETIME),
                OneTimeTokens.hash(token));
        team.saveInvite(invite);
        String name = oneLine(storeName);
        AccountMails.Text text = mails.invitation(actor.email(), name, adminUrl + "/invite/" + token, INVITE_LIFETIME);
        try {
            email.send(tenant, new EmailMessage(invitee, text.subject(), text.body(), actor.email()));
        } catch (RuntimeException notSent) {
            team.deleteInvite(tenant, invite.id()); // an invitation nobody received must not stay pending
            throw notSent;
        }
        audit.record(tenant, new AuditEntry(now, actor.email(), "invited staff", invitee));
        return invite;
    }

    /** The pending invitation behind a link, or InvalidLinkException (unknown, used, withdrawn or expired). */
    public Invite pendingInvite(TenantId tenant, String token) {
        if (!OneTimeTokens.looksLikeToken(token)) {
            throw new InvalidLinkException();
        }
        return team.findInvite(tenant, OneTimeTokens.hash(token))
                .filter(i -> i.tenantId().equals(tenant) && !i.isExpired(clock.instant()))
                .orElseThrow(InvalidLinkException::new);
    }

    /**
     * The invitee accepts: their account is created with the name and password they chose, the link is used up,
     * and they are signed in.
     */
    public Session accept(TenantId tenant, String token, String name, String password) {
        String cleanName = Text.required("name", name, 120);
        PasswordRules.check("password", password);
        Invite invite = pendingInvite(tenant, token);
        Instant now = clock.instant();
        StoreUser user = new StoreUser(tenant, invite.email(), hasher.hash(password), invite.role());
        team.join(invite, user, new TeamMember(invite.email(), oneLine(cleanName), invite.role(), now));
        audit.record(
                tenant, new AuditEntry(now, invite.email(), "joined the staff", "invited by " + invite.invitedBy()));
        Session session =
                new Session(tenant, Ids.newSecret(), user.email(), user.role(), now.plus(AuthService.SESSION_LIFETIME));
        accounts.saveSession(session);
        return session;
    }

    public List<TeamMember> members(TenantId tenant, Session actor) {
        require(actor, tenant);
        return team.members(tenant);
    }

    /** Invitations not yet accepted nor expired, oldest first. */
    public List<Invite> pendingInvites(TenantId tenant, Session actor) {
        require(actor, tenant);
        Instant now = clock.instant();
        return team.invites(tenant).stream().filter(i -> !i.isExpired(now)).toList();
    }

    public void withdrawInvite(TenantId tenant, Session actor, String inviteId) {
        require(actor, tenant);
        if (!Ids.looksLikeId(inviteId, 16)) {
            throw new NotFoundException("there is no such invitation");
        }
        Invite invite = team.invites(tenant).stream()
                .filter(i -> i.id().equals(inviteId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("there is no such invitation"));
        team.deleteInvite(tenant, inviteId);
        audit.record(
                tenant, new AuditEntry(clock.instant(), actor.email(), "withdrew the invitation of", invite.email()));
    }

    /** Removes a staff member: their account goes, and every session they have ends at once. */
    public void removeMember(TenantId tenant, Session actor, String memberEmail) {
        require(actor, tenant);
        if (!EmailMessage.isAddress(memberEmail)) {
            throw new NotFoundException("there is no such staff member");
        }
        String member = EmailMessage.address("email", memberEmail);
        if (!team.removeMember(tenant, member)) {
            throw new NotFoundException("there is no such staff member");
        }
        accounts.deleteSessions(tenant, member);
        audit.record(tenant, new AuditEntry(clock.instant(), actor.email(), "removed staff member", member));
    }

    private static void require(Session actor, TenantId tenant) {
        if (actor == null || !actor.tenantId().equals(tenant) || !actor.role().may(Permission.STAFF)) {
            throw new PermissionDeniedException(Permission.STAFF);
        }
    }

    /** Text for a mail header or a one-line field: control characters (line breaks) become spaces. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.strip().codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString();
    }
}
