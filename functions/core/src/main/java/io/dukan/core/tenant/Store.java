package io.dukan.core.tenant;

import java.time.Instant;
import java.util.Set;

/** The platform's record of a store: who, where, and how far provisioning got. */
public record Store(
        TenantId id,
        Slug slug,
        String name,
        String ownerEmail,
        String currency,
        String country,
        String language,
        StoreStatus status,
        String failureReason,
        Set<ProvisioningStep> stepsDone,
        Instant createdAt) {

    public Store {
        stepsDone = Set.copyOf(stepsDone);
    }

    public StoreSettings settings() {
        return new StoreSettings(id, slug, name, currency, country, language);
    }

    public Store withStatus(StoreStatus newStatus, String reason) {
        return new Store(
                id, slug, name, ownerEmail, currency, country, language, newStatus, reason, stepsDone, createdAt);
    }
}
