package io.dukan.core.account;

import io.dukan.core.tenant.TenantId;
import java.util.Optional;

/** Out-port: pending password resets, in the store's partition. */
public interface PasswordResets {

    void save(ResetToken token);

    /** The pending reset whose token hashes to this (callers check expiry). */
    Optional<ResetToken> find(TenantId tenant, String tokenHash);

    /**
     * Uses up the token and sets the user's new password hash, all or nothing.
     *
     * @throws InvalidLinkException when the token was used meanwhile, or the account is gone
     */
    void reset(ResetToken token, String newPasswordHash);
}
