package io.dukan.core.tenant;

import io.dukan.core.account.PasswordHasher;
import io.dukan.core.account.Role;
import io.dukan.core.account.StoreUser;
import io.dukan.core.shared.NotFoundException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Signup as a saga: register (slug claim + store record, atomically), then each {@link ProvisioningStep}, its
 * completion recorded; a failed step undoes the steps done, frees the slug and leaves the store FAILED with a reason.
 */
public class ProvisioningService {

    private static final System.Logger LOG = System.getLogger(ProvisioningService.class.getName());
    /** A PROVISIONING store untouched this long was abandoned by a crashed run; a retry may resume it. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final StoreRegistry registry;
    private final StoreDataRepository storeData;
    private final StoreFleet fleet;
    private final PasswordHasher hasher;
    private final Clock clock;

    public ProvisioningService(StoreRegistry registry, StoreDataRepository storeData, StoreFleet fleet,
            PasswordHasher hasher, Clock clock) {
        this.registry = registry;
        this.storeData = storeData;
        this.fleet = fleet;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Creates the store, or returns the one an earlier signup with the same idempotency key created. */
    public Store signup(SignupCommand command) {
        String passwordHash = hasher.hash(command.password());
        Store draft = new Store(TenantId.newId(), command.slug(), command.storeName(), command.ownerEmail(),
                command.currency(), command.country(), command.language(), StoreStatus.PROVISIONING, null, Set.of(),
                clock.instant());
        StoreRegistry.Registration registration = registry.register(draft, command.idempotencyKey());
        Store store = registration.store();
        if (!registration.created()) {
            boolean abandoned = store.status() == StoreStatus.PROVISIONING
                    && store.createdAt().plus(ABANDONED_AFTER).isBefore(clock.instant());
            if (!abandoned) {
                return store;
            }
            LOG.log(Level.INFO, "resuming abandoned provisioning of store {0}", store.id());
        }
        return provision(store, passwordHash);
    }

    public Store status(Slug slug) {
        return registry.findBySlug(slug).orElseThrow(() -> new NotFoundException("no store at '" + slug + "'"));
    }

    private Store provision(Store store, String passwordHash) {
        StoreRef ref = new StoreRef(store.id(), store.slug());
        List<ProvisioningStep> done = new ArrayList<>(store.stepsDone());
        try {
            for (ProvisioningStep step : ProvisioningStep.values()) {
                if (!done.contains(step)) {
                    run(step, store, ref, passwordHash);
                    registry.markStepDone(store.id(), step);
                    done.add(step);
                }
            }
            registry.setStatus(store.id(), StoreStatus.ACTIVE, null);
            LOG.log(Level.INFO, "store {0} ({1}) is ACTIVE", store.slug(), store.id());
            return store.withStatus(StoreStatus.ACTIVE, null);
        } catch (RuntimeException failure) {
            String reason = describe(failure);
            LOG.log(Level.WARNING, "provisioning store " + store.slug() + " failed: " + reason, failure);
            compensate(store, ref, done);
            registry.setStatus(store.id(), StoreStatus.FAILED, reason);
            return store.withStatus(StoreStatus.FAILED, reason);
        }
    }

    private void run(ProvisioningStep step, Store store, StoreRef ref, String passwordHash) {
        switch (step) {
            case STORE_DATA -> storeData.createStoreData(store.settings(),
                    new StoreUser(store.id(), store.ownerEmail(), passwordHash, Role.OWNER));
            case FUNCTION -> fleet.createFunction(ref);
            case ROUTE -> fleet.createRoute(ref);
        }
    }

    /** Undoes the steps done, newest first; keeps going past a failing undo so as much as possible is removed. */
    private void compensate(Store store, StoreRef ref, List<ProvisioningStep> done) {
        for (int i = done.size() - 1; i >= 0; i--) {
            ProvisioningStep step = done.get(i);
            try {
                switch (step) {
                    case STORE_DATA -> storeData.deleteStoreData(store.id(), store.ownerEmail());
                    case FUNCTION -> fleet.deleteFunction(ref);
                    case ROUTE -> fleet.deleteRoute(ref);
                }
                registry.markStepUndone(store.id(), step);
            } catch (RuntimeException undoFailure) {
                LOG.log(Level.ERROR, "could not undo step " + step + " of store " + store.id()
                        + "; it needs an operator", undoFailure);
            }
        }
        registry.releaseSlug(store.slug(), store.id());
    }

    private static String describe(RuntimeException failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
