package io.dukan.core.tenant;

import io.dukan.core.account.PasswordHasher;
import io.dukan.core.account.Role;
import io.dukan.core.account.StoreUser;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
        return signup(command, hasher.hash(command.password()));
    }

    /**
     * As {@link #signup(SignupCommand)}, with the password already hashed (a signup that waited for its e-mail to be
     * verified kept only the hash; the command's password is then not read).
     */
    public Store signup(SignupCommand command, String passwordHash) {
        Store draft = new Store(TenantId.newId(), command.slug(), command.storeName(), command.ownerEmail(),
                command.currency(), command.country(), command.language(), StoreStatus.PROVISIONING, null, Set.of(),
                clock.instant());
        StoreRegistry.Registration registration = register(draft, command.idempotencyKey());
        Store store = registration.store();
        if (!registration.created()) {
            if (!sameSignup(store, command)) {
                throw new InvalidInputException("idempotencyKey",
                        "this idempotency key was already used for a different signup");
            }
            if (!abandoned(store)) {
                return store;
            }
            LOG.log(Level.INFO, "resuming abandoned provisioning of store {0}", store.id());
        }
        return provision(store, passwordHash);
    }

    /**
     * Registers the store. A slug held by a store whose provisioning was abandoned (its run crashed or timed out
     * and nobody retried) is reclaimed: that store is undone and marked FAILED, then the slug is claimed again.
     */
    private StoreRegistry.Registration register(Store draft, String idempotencyKey) {
        try {
            return registry.register(draft, idempotencyKey);
        } catch (StoreSlugTakenException taken) {
            Store holder = registry.findBySlug(draft.slug()).orElse(null);
            if (holder == null || !abandoned(holder)) {
                throw taken;
            }
            LOG.log(Level.INFO, "reclaiming slug {0} from abandoned store {1}", draft.slug(), holder.id());
            compensate(holder, List.of(ProvisioningStep.values()));
            registry.setStatus(holder.id(), StoreStatus.FAILED, "provisioning was abandoned");
            return registry.register(draft, idempotencyKey);
        }
    }

    private boolean abandoned(Store store) {
        return store.status() == StoreStatus.PROVISIONING
                && store.createdAt().plus(ABANDONED_AFTER).isBefore(clock.instant());
    }

    /** A retry must ask for the same store; the password cannot be compared (only its hash is kept). */
    private static boolean sameSignup(Store store, SignupCommand command) {
        return store.slug().equals(command.slug()) && store.ownerEmail().equals(command.ownerEmail())
                && store.name().equals(command.storeName()) && store.currency().equals(command.currency())
                && store.country().equals(command.country()) && store.language().equals(command.language());
    }

    public Store status(Slug slug) {
        return registry.findBySlug(slug).orElseThrow(() -> new NotFoundException("no store at '" + slug + "'"));
    }

    private Store provision(Store store, String passwordHash) {
        StoreRef ref = new StoreRef(store.id(), store.slug());
        List<ProvisioningStep> done = new ArrayList<>(store.stepsDone());
        ProvisioningStep current = null;
        try {
            for (ProvisioningStep step : ProvisioningStep.values()) {
                if (!done.contains(step)) {
                    current = step;
                    run(step, store, ref, passwordHash);
                    registry.markStepDone(store.id(), step);
                    done.add(step);
                }
            }
            registry.setStatus(store.id(), StoreStatus.ACTIVE, null);
            LOG.log(Level.INFO, "store {0} ({1}) is ACTIVE", store.slug(), store.id());
            return store.withStatus(StoreStatus.ACTIVE, null);
        } catch (RuntimeException failure) {
            // The reason is shown to the owner: it names the step, not the infrastructure's own words (which can
            // carry account ids and ARNs); those go to the log.
            String reason = "could not " + describe(current);
            LOG.log(Level.WARNING, "provisioning store " + store.slug() + " (" + store.id() + ") failed: " + reason,
                    failure);
            // The failing step may have done part of its work: undo it too (every undo is idempotent).
            if (current != null && !done.contains(current)) {
                done.add(current);
            }
            compensate(store, done);
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
                LOG.log(Level.ERROR, "could not undo step " + step + " of store " + store.id()
                        + "; it needs an operator", undoFailure);
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
