package io.dukan.core.tenant;

import io.dukan.core.account.Role;
import io.dukan.core.account.StoreUser;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The privileged half of provisioning, run by the fleet worker for each store {@link ProvisioningService} hands
 * over: each {@link ProvisioningStep} in order, its completion recorded on the store record, so a worker that
 * crashes mid-saga is resumed by the queue's redelivery from the first step not done. A failed step undoes the
 * steps done (latest first), frees the slug and leaves the store FAILED with a reason. Running it again for a store
 * already ACTIVE or FAILED changes nothing (delivery is at least once).
 */
public class ProvisioningSaga {

    private static final System.Logger LOG = System.getLogger(ProvisioningSaga.class.getName());
    /** A store still PROVISIONING this long after its signup is given up: undone, FAILED, its slug freed. */
    public static final Duration GIVE_UP_AFTER = Duration.ofMinutes(15);

    private final StoreRegistry registry;
    private final StoreDataRepository storeData;
    private final StoreFleet fleet;
    private final Clock clock;

    public ProvisioningSaga(StoreRegistry registry, StoreDataRepository storeData, StoreFleet fleet, Clock clock) {
        this.registry = registry;
        this.storeData = storeData;
        this.fleet = fleet;
        this.clock = clock;
    }

    /** Runs (or resumes) the store's provisioning; the store as it is afterwards, empty if there is no such store. */
    public Optional<Store> run(TenantId id) {
        Optional<Store> found = registry.findById(id);
        if (found.isEmpty()) {
            LOG.log(Level.WARNING, "asked to provision store {0}, which is not recorded; ignored", id);
            return Optional.empty();
        }
        Store store = found.get();
        if (store.status() != StoreStatus.PROVISIONING) {
            return Optional.of(store);
        }
        if (store.createdAt().plus(GIVE_UP_AFTER).isBefore(clock.instant())) {
            LOG.log(
                    Level.WARNING,
                    "store {0} ({1}) is still provisioning after {2}; giving it up",
                    store.slug(),
                    store.id(),
                    GIVE_UP_AFTER);
            return Optional.of(fail(store, new ArrayList<>(List.of(ProvisioningStep.values())), "finish in time"));
        }
        return Optional.of(provision(store));
    }

    private Store provision(Store store) {
        StoreRef ref = new StoreRef(store.id(), store.slug());
        List<ProvisioningStep> done = new ArrayList<>(store.stepsDone());
        ProvisioningStep current = null;
        try {
            for (ProvisioningStep step : ProvisioningStep.values()) {
                if (!done.contains(step)) {
                    current = step;
                    run(step, store, ref);
                    registry.markStepDone(store.id(), step);
                    done.add(step);
                    if (step == ProvisioningStep.STORE_DATA) {
                        registry.forgetOwnerPasswordHash(store.id());
                    }
                }
            }
            registry.setStatus(store.id(), StoreStatus.ACTIVE, null);
            LOG.log(Level.INFO, "store {0} ({1}) is ACTIVE", store.slug(), store.id());
            return store.withStatus(StoreStatus.ACTIVE, null);
        } catch (RuntimeException failure) {
            // The reason is shown to the owner: it names the step, not the infrastructure's own words (which can
            // carry account ids and ARNs); those go to the log.
            LOG.log(
                    Level.WARNING,
                    "provisioning store " + store.slug() + " (" + store.id() + ") failed at " + current,
                    failure);
            // The failing step may have done part of its work: undo it too (every undo is idempotent).
            if (current != null && !done.contains(current)) {
                done.add(current);
            }
            return fail(store, done, describe(current));
        }
    }

    private Store fail(Store store, List<ProvisioningStep> done, String what) {
        String reason = "could not " + what;
        compensate(store, done);
        registry.forgetOwnerPasswordHash(store.id());
        registry.setStatus(store.id(), StoreStatus.FAILED, reason);
        return store.withStatus(StoreStatus.FAILED, reason);
    }

    private void run(ProvisioningStep step, Store store, StoreRef ref) {
        switch (step) {
            case STORE_DATA -> {
                String hash = registry.ownerPasswordHash(store.id())
                        .orElseThrow(() -> new IllegalStateException(
                                "store " + store.id() + " has no owner password hash recorded"));
                storeData.createStoreData(
                        store.settings(), new StoreUser(store.id(), store.ownerEmail(), hash, Role.OWNER));
            }
            case FUNCTION -> fleet.createFunction(ref);
            case ROUTE -> fleet.createRoute(ref);
        }
    }

    /** Undoes the given steps, latest step first; keeps going past a failing undo so as much as possible goes. */
    private void compensate(Store store, List<ProvisioningStep> steps) {
        StoreRef ref = new StoreRef(store.id(), store.slug());
        List<ProvisioningStep> newestFirst = new ArrayList<>(steps);
        newestFirst.sort(Comparator.comparing(ProvisioningStep::ordinal).reversed());
        for (ProvisioningStep step : newestFirst) {
            try {
                switch (step) {
                    case STORE_DATA -> storeData.deleteStoreData(store.id(), store.ownerEmail());
                    case FUNCTION -> fleet.deleteFunction(ref);
                    case ROUTE -> fleet.deleteRoute(ref);
                }
                registry.markStepUndone(store.id(), step);
            } catch (RuntimeException undoFailure) {
                LOG.log(
                        Level.ERROR,
                        "could not undo step " + step + " of store " + store.id() + "; it needs an operator",
                        undoFailure);
            }
        }
        registry.releaseSlug(store.slug(), store.id());
    }

    private static String describe(ProvisioningStep step) {
        if (step == null) {
            return "record the store";
        }
        return switch (step) {
            case STORE_DATA -> "save the store's settings and owner account";
            case FUNCTION -> "create the store's function";
            case ROUTE -> "create the store's web address";
        };
    }
}
