package io.dukan.core.offboard;

/** Where an offboarding stands, as the owner's status page and the operator see it. */
public enum OffboardingState {
    /** Steps are running (or waiting for the worker's next delivery). */
    RUNNING,
    /** The export failed: the store was opened again and the owner told; nothing was deleted. */
    REOPENED,
    /** Everything of the store is deleted; its address stays reserved until the grace period ends. */
    DELETED,
    /** The address is free again and the archive deleted. */
    DONE
}
