package io.dukan.core.tenant;

/**
 * Out-port: hands a recorded signup to the fleet worker, which runs the privileged part of provisioning
 * ({@link ProvisioningSaga}). Delivery is at least once: handing the same store over twice is harmless, since the
 * saga skips the steps a store has done and leaves an ACTIVE or FAILED store as it is.
 */
public interface ProvisioningQueue {

    /** Queues the store's provisioning; returns once the queue has accepted it. */
    void submit(TenantId store);
}
