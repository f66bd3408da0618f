package io.dukan.core.signup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Out-port: signups waiting for their e-mail link, and verified ones waiting for an operator's approval. */
public interface PendingSignups {

    /** Keeps a signup until its link is followed or it expires. */
    void saveUnverified(PendingSignup pending);

    /** The signup whose link has this hash, while it works (looking does not use the link). */
    Optional<PendingSignup> findUnverified(String tokenHash, Instant now);

    /** Takes the signup whose link has this hash, once: the first caller gets it, and it is gone for the next. */
    Optional<PendingSignup> takeUnverified(String tokenHash, Instant now);

    /** Keeps a verified signup for an operator to approve or reject. */
    void saveAwaitingApproval(PendingSignup pending);

    /** Verified signups waiting for an operator, oldest first. */
    List<PendingSignup> awaitingApproval(int limit, Instant now);

    /** Takes a waiting signup, once (an approval or a rejection). */
    Optional<PendingSignup> takeAwaitingApproval(String id, Instant now);
}
