package io.dukan.core.testing;

import io.dukan.core.account.AccountRepository;
import io.dukan.core.account.LoginAttempts;
import io.dukan.core.account.Session;
import io.dukan.core.account.StoreUser;
import io.dukan.core.tenant.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A store's users, sessions and failed sign-ins, in memory. */
public final class InMemoryAccounts implements AccountRepository, LoginAttempts {

    public final Map<String, StoreUser> users = new HashMap<>();
    public final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Instant> windowEnds = new HashMap<>();

    public void add(StoreUser user) {
        users.put(user.tenantId() + "/" + user.email(), user);
    }

    @Override
    public Optional<StoreUser> findUser(TenantId tenant, String email) {
        return Optional.ofNullable(users.get(tenant + "/" + email));
    }

    @Override
    public void saveSession(Session session) {
        sessions.put(session.tenantId() + "/" + session.token(), session);
    }

    @Override
    public Optional<Session> findSession(TenantId tenant, String token) {
        return Optional.ofNullable(sessions.get(tenant + "/" + token));
    }

    @Override
    public void deleteSession(TenantId tenant, String token) {
        sessions.remove(tenant + "/" + token);
    }

    @Override
    public void deleteSessions(TenantId tenant, String email) {
        sessions.values().removeIf(s -> s.tenantId().equals(tenant) && s.email().equals(email));
    }

    @Override
    public synchronized int begin(TenantId tenant, String email, Instant now, Instant windowEnd) {
        String key = tenant + "/" + email;
        if (!windowEnds.containsKey(key) || !windowEnds.get(key).isAfter(now)) {
            failures.put(key, 0);
            windowEnds.put(key, windowEnd);
        }
        return failures.merge(key, 1, Integer::sum);
    }

    @Override
    public synchronized void succeeded(TenantId tenant, String email, int taken, Instant now) {
        String key = tenant + "/" + email;
        if (failures.getOrDefault(key, 0) == taken) {
            clear(tenant, email);
        } else if (windowEnds.containsKey(key) && windowEnds.get(key).isAfter(now) && failures.get(key) > 0) {
            failures.merge(key, -1, Integer::sum);
        }
    }

    @Override
    public synchronized void clear(TenantId tenant, String email) {
        failures.remove(tenant + "/" + email);
        windowEnds.remove(tenant + "/" + email);
    }
}
