package io.dukan.core.upgrade;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Out-port: the registry of shop-code versions (PLATFORM#SHOPCODE), newest first, and the fleet's version: the one
 * the last finished upgrade moved every store to, which a store function created afterwards runs too.
 *
 * <p>A version registered (an operator's, or a new stack's layer registering itself) is only <em>published</em>: no
 * store runs it, and new stores keep getting the fleet's version, until an upgrade campaign moves the fleet to it
 * and finishes ({@link UpgradeState#DONE}). A campaign rolled back or halted never moves the fleet's version. Until
 * a first campaign finishes there is none, and new stores run what the stack deployed ({@link
 * StoreCode#defaultVersion}).
 *
 * <p>A store signed up while a campaign runs gets the fleet's version of that moment; if the campaign had planned
 * its stores before, the store is not among them and keeps that version until the next campaign moves it.
 */
public interface ShopVersions {

    /** The most versions {@link #all} returns. */
    int LIMIT = 100;

    /** Records a new version; false (nothing written) when the id is taken. */
    boolean publish(ShopVersion version);

    Optional<ShopVersion> version(String id);

    /** The newest {@link #LIMIT} versions, newest first. */
    List<ShopVersion> all();

    /** The id of the version the last finished campaign moved the fleet to; empty before any finished. */
    Optional<String> fleetVersion();

    /** Every store runs {@code id} now (a campaign finished): new stores get it from now on. Idempotent. */
    void setFleetVersion(String id);

    /**
     * The version a store function created now runs: the fleet's version while it is registered, else {@code
     * stack} (the shop code deployed with the platform).
     */
    default ShopVersion forNewStores(Supplier<ShopVersion> stack) {
        return fleetVersion().flatMap(this::version).orElseGet(stack);
    }
}
