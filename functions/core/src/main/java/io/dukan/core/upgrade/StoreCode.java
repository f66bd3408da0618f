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

    /**
     * The check after a deploy (as CodeDeploy's post-traffic hook): one synthetic request for the store's storefront
     * home page, sent to its function as its route would (marked with the header {@value #CHECK_HEADER}: {@value
     * #CHECK_VALUE}); returns the HTTP status it answered.
     *
     * @throws RuntimeException when the function gave no answer (it failed, or took longer than the check waits)
     */
    int check(StoreRef store);

    /** The header that marks a check request (a store may leave it out of its traffic counts). */
    String CHECK_HEADER = "x-dukan-check";

    String CHECK_VALUE = "upgrade";
}
