package io.dukan.core.operator;

import io.dukan.core.offboard.Offboarding;
import io.dukan.core.offboard.OffboardingService;
import io.dukan.core.offboard.OffboardingState;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.core.tenant.StoreStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What an operator does to a store: suspend it (with a reason), reactivate it, and close it for good (offboarding,
 * with a reason and the store's address typed to confirm). Each is in the audit log.
 */
public class StoreOperations {

    public static final int MAX_REASON = 500;

    private final StoreRegistry registry;
    private final StoreSuspensions suspensions;
    private final PlatformAudit audit;
    private final OffboardingService offboarding;
    private final Clock clock;

    public StoreOperations(
            StoreRegistry registry,
            StoreSuspensions suspensions,
            PlatformAudit audit,
            OffboardingService offboarding,
            Clock clock) {
        this.registry = registry;
        this.suspensions = suspensions;
        this.audit = audit;
        this.offboarding = offboarding;
        this.clock = clock;
    }

    public Store store(String slug) {
        Slug parsed;
        try {
            parsed = new Slug(slug);
        } catch (RuntimeException e) {
            throw new NotFoundException("there is no store " + slug);
        }
        return registry.findBySlug(parsed).orElseThrow(() -> new NotFoundException("there is no store " + slug));
    }

    public Optional<Suspension> suspension(Store store) {
        return suspensions.current(store.id());
    }

    /** Closes an active store: its storefront shows "temporarily closed", its admin is read-only. */
    public Suspension suspend(String operator, String slug, String reason) {
        String why = reason(reason);
        Store store = store(slug);
        if (store.status() != StoreStatus.ACTIVE) {
            throw new InvalidInputException(
                    "slug",
                    "only an active store can be suspended (this one is "
                            + store.status().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        Instant now = clock.instant();
        Suspension suspension = new Suspension(why, operator, now);
        suspensions.suspend(store.id(), suspension);
        audit.record(
                new PlatformAuditEntry(
                        now, operator, "suspended store", store.slug().value(), why),
                store.id());
        return suspension;
    }

    /** Opens a suspended store again, as it was. */
    public void reactivate(String operator, String slug, String reason) {
        String why = reason(reason);
        Store store = store(slug);
        if (suspensions.current(store.id()).isEmpty()) {
            throw new InvalidInputException("slug", "the store is not suspended");
        }
        suspensions.lift(store.id());
        audit.record(
                new PlatformAuditEntry(
                        clock.instant(),
                        operator,
                        "reactivated store",
                        store.slug().value(),
                        why),
                store.id());
    }

    /** The store's offboarding (running, done, or one whose export failed and reopened the store), if it has one. */
    public Optional<Offboarding> offboarding(Store store) {
        return offboarding.status(store.slug());
    }

    /**
     * Starts closing the store for good: the same offboarding as the operators' API and the owner's request (the
     * fleet worker closes it to shoppers, exports its data for the owner, then deletes it). {@code typedSlug} must be
     * the store's address, typed to confirm; nothing is written when it differs or no reason is given. Asked again
     * while the offboarding runs, it hands the store to the worker again and records nothing new.
     *
     * @throws OffboardingService.StoreNotOpenException the store is not open (being set up, failed, or closed)
     */
    public Offboarding offboard(String operator, String slug, String typedSlug, String reason) {
        String why = reason(reason);
        Store store = store(slug);
        if (typedSlug == null || !typedSlug.strip().equals(store.slug().value())) {
            throw new InvalidInputException("confirm", "type the store's address to confirm");
        }
        boolean wasRunning = isRunning(store);
        Offboarding started;
        try {
            started = offboarding.start(store.slug(), "operator " + operator);
        } catch (TryAgainLaterException notHandedOver) {
            // recorded but not yet on the worker's queue: the log still says who started it and why
            if (!wasRunning && isRunning(store)) {
                auditOffboarding(operator, store, why);
            }
            throw notHandedOver;
        }
        if (!wasRunning) {
            auditOffboarding(operator, store, why);
        }
        return started;
    }

    private boolean isRunning(Store store) {
        return offboarding(store)
                .filter(o -> o.state() != OffboardingState.REOPENED)
                .isPresent();
    }

    private void auditOffboarding(String operator, Store store, String why) {
        audit.record(
                new PlatformAuditEntry(
                        clock.instant(),
                        operator,
                        "started offboarding",
                        store.slug().value(),
                        why),
                store.id());
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip().replaceAll("\\p{Cntrl}", " ");
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "say why: the reason is kept in the audit log");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "the reason must be at most " + MAX_REASON + " characters");
        }
        return why;
    }
}
