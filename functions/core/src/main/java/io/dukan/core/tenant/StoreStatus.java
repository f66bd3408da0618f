package io.dukan.core.tenant;

/**
 * Where a store is in its life: PROVISIONING → ACTIVE, or FAILED with a reason; offboarding: ACTIVE → CLOSING (closed to
 * shoppers, exported, then deleted) → CLOSED (nothing of it left but the platform's record; its slug freed after a
 * grace period).
 */
public enum StoreStatus {
    PROVISIONING,
    ACTIVE,
    FAILED,
    CLOSING,
    CLOSED
}
