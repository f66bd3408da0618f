package io.dukan.core.offboard;

import io.dukan.core.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * Out-port: an owner's request to close the store, kept in the store's own partition (the store's function may write
 * nothing else of the platform's): the fleet worker reads it when the store's id arrives on its queue. Only the
 * store's own function (or the platform) can write under the store's keys, so a request found there is the owner's.
 */
public interface OwnerRequests {

    record Request(String ownerEmail, Instant at) {}

    /** Records the request (again: harmless). */
    void request(TenantId tenant, String ownerEmail, Instant at);

    Optional<Request> find(TenantId tenant);
}
