package io.dukan.core.testing;

import io.dukan.core.account.AccountExistsException;
import io.dukan.core.account.InvalidLinkException;
import io.dukan.core.account.Invite;
import io.dukan.core.account.PasswordResets;
import io.dukan.core.account.ResetRequests;
import io.dukan.core.account.ResetToken;
import io.dukan.core.account.Role;
import io.dukan.core.account.StoreUser;
import io.dukan.core.account.TeamMember;
import io.dukan.core.account.TeamRepository;
import io.dukan.core.tenant.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Staff, invitations, password resets and reset-request counts, in memory, over {@link InMemoryAccounts}' users. */
public final class InMemoryTeam implements TeamRepository, PasswordResets, ResetRequests {

    private final InMemoryAccounts accounts;
    private final Map<String, Invite> invites = new LinkedHashMap<>();
    private final Map<String, TeamMember> members = new HashMap<>();
    private final Map<String, ResetToken> resets = new HashMap<>();
    private final Map<String, Integer> requestCounts = new HashMap<>();
    private final Map<String, Instant> requestWindows = new HashMap<>();

    public InMemoryTeam(InMemoryAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public synchronized void saveInvite(Invite invite) {
        invites.put(invite.tenantId() + "/" + invite.id(), invite);
    }

    @Override
    public synchronized Optional<Invite> findInvite(TenantId tenant, String tokenHash) {
        return invites.values().stream()
                .filter(i -> i.tenantId().equals(tenant) && i.tokenHash().equals(tokenHash))
                .findFirst();
    }

    @Override
    public synchronized List<Invite> invites(TenantId tenant) {
        return invites.values().stream()
                .filter(i -> i.tenantId().equals(tenant))
                .sorted(Comparator.comparing(Invite::id))
                .toList();
    }

    @Override
    public synchronized List<TeamMember> members(TenantId tenant) {
        return members.entrySet().stream()
                .filter(e -> e.getKey().startsWith(tenant + "/"))
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparing(TeamMember::email))
                .toList();
    }

    @Override
    public synchronized void join(Invite invite, StoreUser user, TeamMember member) {
        if (invites.remove(invite.tenantId() + "/" + invite.id()) == null) {
            throw new InvalidLinkException();
        }
        if (accounts.findUser(user.tenantId(), user.email()).isPresent()) {
            invites.put(invite.tenantId() + "/" + invite.id(), invite);
            throw new AccountExistsException(user.email());
        }
        accounts.add(user);
        members.put(user.tenantId() + "/" + member.email(), member);
    }

    @Override
    public synchronized void deleteInvite(TenantId tenant, String inviteId) {
        invites.remove(tenant + "/" + inviteId);
    }

    @Override
    public synchronized boolean removeMember(TenantId tenant, String email) {
        Optional<StoreUser> user = accounts.findUser(tenant, email);
        if (user.isEmpty() || user.get().role() != Role.STAFF) {
            return false;
        }
        accounts.users.remove(tenant + "/" + email);
        members.remove(tenant + "/" + email);
        return true;
    }

    @Override
    public synchronized void save(ResetToken token) {
        resets.put(token.tenantId() + "/" + token.tokenHash(), token);
    }

    @Override
    public synchronized Optional<ResetToken> find(TenantId tenant, String tokenHash) {
        return Optional.ofNullable(resets.get(tenant + "/" + tokenHash));
    }

    @Override
    public synchronized void reset(ResetToken token, String newPasswordHash) {
        if (resets.remove(token.tenantId() + "/" + token.tokenHash()) == null) {
            throw new InvalidLinkException();
        }
        StoreUser user = accounts.findUser(token.tenantId(), token.email()).orElseThrow(InvalidLinkException::new);
        accounts.add(new StoreUser(user.tenantId(), user.email(), newPasswordHash, user.role()));
    }

    @Override
    public synchronized int recent(TenantId tenant, String email, Instant now) {
        String key = tenant + "/" + email;
        return requestWindows.containsKey(key) && requestWindows.get(key).isAfter(now) ? requestCounts.get(key) : 0;
    }

    @Override
    public synchronized void record(TenantId tenant, String email, Instant now, Instant windowEnd) {
        String key = tenant + "/" + email;
        if (recent(tenant, email, now) == 0) {
            requestCounts.put(key, 0);
            requestWindows.put(key, windowEnd);
        }
        requestCounts.merge(key, 1, Integer::sum);
    }
}
