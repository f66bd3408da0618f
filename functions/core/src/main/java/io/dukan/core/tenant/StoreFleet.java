package io.dukan.core.tenant;

/**
 * Out-port: the infrastructure that serves a store, its own shop function and its route.
 * Every call is idempotent: creating what exists and deleting what is gone both succeed.
 */
public interface StoreFleet {

    void createFunction(StoreRef store);

    void deleteFunction(StoreRef store);

    void createRoute(StoreRef store);

    void deleteRoute(StoreRef store);
}
