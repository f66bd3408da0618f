package io.dukan.core.tenant;

/** The saga's steps after the store record and slug claim, in order; each is idempotent. */
public enum ProvisioningStep {
    /** The store's own settings and owner account, in the store's partition. */
    STORE_DATA,
    /** The store's shop function (and, on AWS, its execution role). */
    FUNCTION,
    /** The route /s/{slug}/… to that function. */
    ROUTE
}
