package io.dukan.core.operator;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.core.tenant.StoreStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** What an operator does to a store: suspend it (with a reason) and reactivate it. Each is in the audit log. */
public class StoreOperations {

    public static final int MAX_REASON = 500;

    private final StoreRegistry registry;
    private final StoreSuspensions suspensions;
    private final PlatformAudit audit;
    private final Clock clock;

    public StoreOperations(StoreRegistry registry, StoreSuspensions suspensions, PlatformAudit audit, Clock clock) {
        this.registry = registry;
        this.suspensions = suspensions;
        this.audit = audit;
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
