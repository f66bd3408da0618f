package io.dukan.core.offboard;

import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreFleet;
import io.dukan.core.tenant.StoreRef;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.core.tenant.StoreStatus;
import io.dukan.core.tenant.TenantId;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Provisioning backwards, run by the fleet worker for each store id its queue delivers: CLOSE (status CLOSING, route
 * removed: shoppers get the "closed" page, no order can be placed) → EXPORT (the archive stored, the owner mailed its
 * link) → FUNCTION (function, role, log group) → DATA (a batch at a time, the cursor stored after each, so a worker
 * that dies between batches is resumed by the queue's redelivery where it stopped) → MEDIA → the store CLOSED, the
 * offboarding DELETED; after {@code gracePeriod} (a later delivery) → SLUG: the address freed, the archive deleted.
 *
 * <p>Compensation: a failed export opens the store again (route back, ACTIVE), records REOPENED and tells the owner;
 * no deletion step runs before the export is stored. A deletion step that fails throws: it is retried by the queue
 * (deletions are idempotent), never undone.
 */
public class OffboardingSaga {

    private static final System.Logger LOG = System.getLogger(OffboardingSaga.class.getName());

    private final StoreRegistry registry;
    private final OffboardingRepository offboardings;
    private final OwnerRequests ownerRequests;
    private final StoreFleet fleet;
    private final StoreExporter exporter;
    private final TenantEraser eraser;
    private final OffboardingMail mail;
    private final Clock clock;
    private final Duration gracePeriod;
    private final Duration linkLifetime;
    private final Duration archiveLifetime;

    public OffboardingSaga(
            StoreRegistry registry,
            OffboardingRepository offboardings,
            OwnerRequests ownerRequests,
            StoreFleet fleet,
            StoreExporter exporter,
            TenantEraser eraser,
            OffboardingMail mail,
            Clock clock,
            Duration gracePeriod,
            Duration linkLifetime,
            Duration archiveLifetime) {
        this.registry = registry;
        this.offboardings = offboardings;
        this.ownerRequests = ownerRequests;
        this.fleet = fleet;
        this.exporter = exporter;
        this.eraser = eraser;
        this.mail = mail;
        this.clock = clock;
        this.gracePeriod = gracePeriod;
        this.linkLifetime = linkLifetime;
        this.archiveLifetime = archiveLifetime;
    }

    public Duration linkLifetime() {
        return linkLifetime;
    }

    /**
     * Runs (or resumes) the store's offboarding if it has one, or its owner asked for one; anything else is left as
     * it is. Returns the offboarding as it stands afterwards.
     */
    public Optional<Offboarding> run(TenantId id) {
        Optional<Store> found = registry.findById(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Store store = found.get();
        if (store.status() == StoreStatus.PROVISIONING || store.status() == StoreStatus.FAILED) {
            return Optional.empty(); // provisioning's business
        }
        Optional<Offboarding> recorded = offboardings.find(id);
        if (recorded.isEmpty() || recorded.get().state() == OffboardingState.REOPENED) {
            recorded = startFromOwnerRequest(store, recorded);
            if (recorded.isEmpty()) {
                return Optional.empty();
            }
        }
        Offboarding o = recorded.get();
        if (o.state() == OffboardingState.RUNNING) {
            o = delete(store, o);
        }
        if (o.state() == OffboardingState.DELETED) {
            o = releaseIfDue(store, o);
        }
        return Optional.of(o);
    }

    /** An owner's request newer than any earlier (reopened) attempt starts an offboarding of an open store. */
    private Optional<Offboarding> startFromOwnerRequest(Store store, Optional<Offboarding> earlier) {
        Optional<OwnerRequests.Request> request = ownerRequests.find(store.id());
        if (request.isEmpty() || store.status() != StoreStatus.ACTIVE) {
            return Optional.empty();
        }
        if (earlier.isPresent() && !request.get().at().isAfter(earlier.get().requestedAt())) {
            return Optional.empty();
        }
        offboardings.start(Offboarding.requested(
                store.id(),
                store.slug(),
                "owner " + request.get().ownerEmail(),
                request.get().at()));
        return offboardings.find(store.id());
    }

    private Offboarding delete(Store store, Offboarding o) {
        StoreRef ref = new StoreRef(store.id(), store.slug());
        if (!o.done(OffboardingStep.CLOSE)) {
            registry.setStatus(store.id(), StoreStatus.CLOSING, null);
            fleet.deleteRoute(ref);
            step(store, OffboardingStep.CLOSE);
        }
        if (!o.done(OffboardingStep.EXPORT)) {
            try {
                String key = exporter.export(store);
                offboardings.exported(store.id(), key, clock.instant().plus(archiveLifetime));
                URI link = exporter.downloadLink(key, linkLifetime);
                mail.exportReady(store, link, linkLifetime);
                step(store, OffboardingStep.EXPORT);
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "export of store " + store.slug() + " (" + store.id() + ") failed", failure);
                return reopen(store, ref);
            }
        }
        if (!o.done(OffboardingStep.FUNCTION)) {
            fleet.deleteFunction(ref);
            step(store, OffboardingStep.FUNCTION);
        }
        if (!o.done(OffboardingStep.DATA)) {
            String cursor = o.dataCursor();
            long deleted = o.itemsDeleted();
            while (true) {
                TenantEraser.Batch batch = eraser.deleteDataBatch(store.id(), cursor);
                deleted += batch.deleted();
                if (batch.next() == null) {
                    offboardings.saveCursor(store.id(), "", deleted);
                    break;
                }
                cursor = batch.next();
                offboardings.saveCursor(store.id(), cursor, deleted);
            }
            step(store, OffboardingStep.DATA);
        }
        if (!o.done(OffboardingStep.MEDIA)) {
            eraser.deleteMedia(store.id());
            step(store, OffboardingStep.MEDIA);
        }
        registry.setStatus(store.id(), StoreStatus.CLOSED, null);
        offboardings.setState(store.id(), OffboardingState.DELETED, null, clock.instant());
        LOG.log(
                Level.INFO,
                "store {0} ({1}) is deleted; its address is kept for {2}",
                store.slug(),
                store.id(),
                gracePeriod);
        return offboardings.find(store.id()).orElseThrow();
    }

    private Offboarding reopen(Store store, StoreRef ref) {
        fleet.createRoute(ref);
        registry.setStatus(store.id(), StoreStatus.ACTIVE, null);
        offboardings.setState(
                store.id(), OffboardingState.REOPENED, "the export could not be made; nothing was deleted", null);
        try {
            mail.exportFailed(store);
        } catch (RuntimeException mailFailure) {
            LOG.log(
                    Level.ERROR,
                    "could not tell the owner of " + store.slug() + " that the export failed",
                    mailFailure);
        }
        return offboardings.find(store.id()).orElseThrow();
    }

    /** Past the grace period: the address is freed (if this store still holds it) and the archive deleted. */
    private Offboarding releaseIfDue(Store store, Offboarding o) {
        if (o.deletedAt() == null || o.deletedAt().plus(gracePeriod).isAfter(clock.instant())) {
            return o;
        }
        registry.releaseSlug(store.slug(), store.id());
        if (o.exportKey() != null) {
            exporter.deleteArchive(o.exportKey());
        }
        offboardings.markStepDone(store.id(), OffboardingStep.SLUG);
        offboardings.setState(store.id(), OffboardingState.DONE, null, o.deletedAt());
        LOG.log(Level.INFO, "store {0}: address freed, archive deleted", store.slug());
        return offboardings.find(store.id()).orElseThrow();
    }

    private void step(Store store, OffboardingStep step) {
        offboardings.markStepDone(store.id(), step);
    }
}
