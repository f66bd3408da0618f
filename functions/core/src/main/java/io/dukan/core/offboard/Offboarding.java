package io.dukan.core.offboard;

import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.TenantId;
import java.time.Instant;
import java.util.Set;

/**
 * The platform's record of one store's offboarding (kept after the store's own data is gone, without personal data
 * but who asked). {@code dataCursor} is where the data deletion goes on after a crash ("" before it starts);
 * {@code exportKey} the archive's object key once stored.
 */
public record Offboarding(
        TenantId tenantId,
        Slug slug,
        String requestedBy,
        Instant requestedAt,
        OffboardingState state,
        Set<OffboardingStep> stepsDone,
        String dataCursor,
        long itemsDeleted,
        String exportKey,
        Instant exportExpiresAt,
        Instant deletedAt,
        String failure) {

    public Offboarding {
        stepsDone = Set.copyOf(stepsDone);
        dataCursor = dataCursor == null ? "" : dataCursor;
    }

    public static Offboarding requested(TenantId tenantId, Slug slug, String requestedBy, Instant at) {
        return new Offboarding(
                tenantId, slug, requestedBy, at, OffboardingState.RUNNING, Set.of(), "", 0, null, null, null, null);
    }

    public boolean done(OffboardingStep step) {
        return stepsDone.contains(step);
    }
}
