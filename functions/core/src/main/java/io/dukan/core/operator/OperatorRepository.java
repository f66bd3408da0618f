package io.dukan.core.operator;

import java.time.Instant;
import java.util.Optional;

/** Out-port: operator accounts, their sessions and sign-in failures, under PLATFORM# keys. */
public interface OperatorRepository {

    Optional<Operator> find(String email);

    /** Creates the account unless one with this e-mail exists (then false, nothing written). */
    boolean create(Operator operator);

    /** Whether any operator exists (the deploy-time bootstrap creates the first one only). */
    boolean anyOperator();

    /** Records that the code of {@code step} was used, unless it or a later one was (then false). */
    boolean useTotpStep(String email, long step);

    /** Counts a sign-in attempt in the window ending at {@code windowEnd}; returns the window's count. */
    int countAttempt(String email, Instant now, Instant windowEnd);

    void clearAttempts(String email);

    /** Stores the session under the SHA-256 of its token. */
    void saveSession(OperatorSession session);

    Optional<OperatorSession> findSession(String token);

    void deleteSession(String token);
}
