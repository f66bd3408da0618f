package io.dukan.core.operator;

import io.dukan.core.tenant.TenantId;
import java.time.Instant;

/**
 * A store as the operators' list shows it: one item of the platform's store directory (PLATFORM#STORES), kept by
 * signup, provisioning and suspension, so a page of the list is one Query.
 *
 * @param status PROVISIONING, ACTIVE, FAILED or SUSPENDED
 * @param shopVersion the shop code the store runs, "" until the fleet records it
 */
public record StoreListing(
        TenantId id,
        String slug,
        String name,
        String ownerEmail,
        String country,
        String language,
        String status,
        Instant createdAt,
        String shopVersion) {}
