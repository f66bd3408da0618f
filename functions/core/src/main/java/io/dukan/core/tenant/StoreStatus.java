package io.dukan.core.tenant;

/** Where a store is in its life: PROVISIONING → ACTIVE, or FAILED with a reason. */
public enum StoreStatus {
    PROVISIONING,
    ACTIVE,
    FAILED
}
