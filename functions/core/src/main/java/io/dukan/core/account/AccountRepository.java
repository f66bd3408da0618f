package io.dukan.core.account;

import io.dukan.core.tenant.TenantId;
import java.util.Optional;

/** Out-port: a store's users and their sessions, all in the store's partition. */
public interface AccountRepository {

    Optional<StoreUser> findUser(TenantId tenant, String email);

    void saveSession(Session session);

    /** The session, if it exists in this store; callers check expiry (TTL deletion lags). */
    Optional<Session> findSession(TenantId tenant, String token);

    void deleteSession(TenantId tenant, String token);

    /** Ends every session of this user in this store (after a password reset, or when staff are removed). */
    void deleteSessions(TenantId tenant, String email);
}
