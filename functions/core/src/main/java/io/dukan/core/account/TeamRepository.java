package io.dukan.core.account;

import io.dukan.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** Out-port: a store's staff and pending invitations, in the store's partition. */
public interface TeamRepository {

    /** Stores the invitation and its token together. */
    void saveInvite(Invite invite);

    /** The invitation whose token hashes to this, if it is still pending (callers check expiry). */
    Optional<Invite> findInvite(TenantId tenant, String tokenHash);

    /** Pending invitations, expired ones included (callers filter), oldest first. */
    List<Invite> invites(TenantId tenant);

    /** Staff members (the owner is not listed here), in email order. */
    List<TeamMember> members(TenantId tenant);

    /**
     * Uses up the invitation and creates the account and the membership, all or nothing.
     *
     * @throws InvalidLinkException when the invitation was used or withdrawn meanwhile
     * @throws AccountExistsException when the email has an account in this store already
     */
    void join(Invite invite, StoreUser user, TeamMember member);

    /** Withdraws a pending invitation (its link stops working); nothing happens if there is none. */
    void deleteInvite(TenantId tenant, String inviteId);

    /**
     * Removes a staff member's account and membership; never an owner's.
     *
     * @return false when there was no such staff member
     */
    boolean removeMember(TenantId tenant, String email);
}
