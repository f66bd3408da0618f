package io.dukan.core.offboard;

import io.dukan.core.tenant.Store;
import java.net.URI;
import java.time.Duration;

/** Out-port: what the owner is told, in the store's language. */
public interface OffboardingMail {

    /** The export is ready: its link, valid for {@code lifetime}; the store's deletion follows. */
    void exportReady(Store store, URI link, Duration lifetime);

    /** The export failed: the store is open again, nothing was deleted. */
    void exportFailed(Store store);
}
