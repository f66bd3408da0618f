package io.dukan.core.upgrade;

import io.dukan.core.tenant.TenantId;
import java.util.Optional;

/** Out-port: the shop-code version each store's function runs, on its platform record and its directory entry. */
public interface StoreVersions {

    /** The version recorded for the store; empty if none is (a store from before versions were recorded). */
    Optional<String> current(TenantId store);

    void record(TenantId store, String version);
}
