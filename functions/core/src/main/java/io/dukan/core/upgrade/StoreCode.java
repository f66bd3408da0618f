package io.dukan.core.upgrade;

import io.dukan.core.tenant.StoreRef;

/**
 * Out-port: the fleet's side of shop-code versions. On AWS a store function's layer (and the version and alias it
 * is invoked through); in the local cloud the code a store's function instance is started from.
 */
public interface StoreCode {

    /**
     * The version deployed with the platform (the stack's layer), registered if it is not yet: what a function
     * created runs until a first upgrade finishes; after that it runs the fleet's version ({@link
     * ShopVersions#forNewStores}).
     */
    ShopVersion defaultVersion();

    /**
     * Makes the store's function run {@code version}: returns once new requests are served by it. Idempotent.
     *
     * @throws RuntimeException when the function could not be changed (it then still runs what it ran)
     */
    void deploy(StoreRef store, ShopVersion version);
}
