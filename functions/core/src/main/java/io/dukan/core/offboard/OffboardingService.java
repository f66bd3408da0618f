package io.dukan.core.offboard;

import io.dukan.core.shared.ConflictException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.ProvisioningQueue;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.core.tenant.StoreStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * Starts a store's offboarding (the operator's console, or the worker on the owner's request): records it and hands
 * the store to the fleet worker, which runs {@link OffboardingSaga}. Starting it again while it runs changes nothing.
 */
public class OffboardingService {

    private final StoreRegistry registry;
    private final OffboardingRepository offboardings;
    private final ProvisioningQueue queue;
    private final Clock clock;

    public OffboardingService(
            StoreRegistry registry, OffboardingRepository offboardings, ProvisioningQueue queue, Clock clock) {
        this.registry = registry;
        this.offboardings = offboardings;
        this.queue = queue;
        this.clock = clock;
    }

    /** The store is open, or its offboarding already started: the offboarding as it stands after this call. */
    public Offboarding start(Slug slug, String requestedBy) {
        Store store = registry.findBySlug(slug).orElseThrow(() -> new NotFoundException("no store at '" + slug + "'"));
        Optional<Offboarding> running =
                offboardings.find(store.id()).filter(o -> o.state() != OffboardingState.REOPENED);
        if (running.isPresent()) {
            queue.submit(store.id()); // at least once: a lost hand-over is repaired by asking again
            return running.get();
        }
        if (store.status() != StoreStatus.ACTIVE) {
            throw new StoreNotOpenException(store);
        }
        Offboarding requested = Offboarding.requested(store.id(), store.slug(), requestedBy, clock.instant());
        offboardings.start(requested);
        queue.submit(store.id());
        return offboardings.find(store.id()).orElse(requested);
    }

    public Optional<Offboarding> status(Slug slug) {
        return registry.findBySlug(slug).flatMap(store -> offboardings.find(store.id()));
    }

    /** Only an open store can be closed (one still being set up, or failed, has nothing to export). */
    public static class StoreNotOpenException extends ConflictException {

        public StoreNotOpenException(Store store) {
            super("the store '" + store.slug() + "' is " + store.status().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not open: only an open store can be closed");
        }

        @Override
        public String code() {
            return "store-not-open";
        }
    }
}
