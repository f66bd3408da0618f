package io.dukan.core.offboard;

import io.dukan.core.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;

/** Out-port: the offboarding records (platform keys: the provisioning function starts one, the fleet worker runs it). */
public interface OffboardingRepository {

    /**
     * Records a new offboarding, unless one is already running or finished for the store (then false, nothing
     * written). One that ended REOPENED is replaced: the owner may try again.
     */
    boolean start(Offboarding offboarding);

    Optional<Offboarding> find(TenantId id);

    void markStepDone(TenantId id, OffboardingStep step);

    /** Where the data deletion got to, and how many items it deleted so far. */
    void saveCursor(TenantId id, String cursor, long itemsDeleted);

    void exported(TenantId id, String key, Instant expiresAt);

    void setState(TenantId id, OffboardingState state, String failure, Instant deletedAt);
}
