package io.dukan.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.testing.InMemoryStoreData;
import io.dukan.core.testing.InMemoryStoreRegistry;
import io.dukan.core.testing.RecordingFleet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The worker's half: steps in order, progress on the store record, resumption, compensation. */
class ProvisioningSagaTest {

    private final InMemoryStoreRegistry registry = new InMemoryStoreRegistry();
    private final InMemoryStoreData storeData = new InMemoryStoreData();
    private final RecordingFleet fleet = new RecordingFleet();
    private Instant now = Instant.parse("2026-03-01T08:00:00Z");
    private final ProvisioningSaga saga = new ProvisioningSaga(registry, storeData, fleet, new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private Store recorded(Set<ProvisioningStep> done) {
        Store store = new Store(
                TenantId.newId(),
                new Slug("turpan"),
                "Turpan Raisins",
                "owner@turpan.example",
                "CNY",
                "CN",
                "zh",
                StoreStatus.PROVISIONING,
                null,
                done,
                now);
        registry.register(store, "key-00000002", "hash-of-password");
        return store;
    }

    @Test
    void run_doesEveryStepInOrder_leavesTheStoreActive_andForgetsTheOwnersHash() {
        Store store = recorded(Set.of());

        Store done = saga.run(store.id()).orElseThrow();

        assertThat(done.status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(fleet.calls).containsExactly("createFunction turpan", "createRoute turpan");
        assertThat(registry.steps.get(store.id())).containsExactlyInAnyOrder(ProvisioningStep.values());
        assertThat(storeData.stores).contains(store.id());
        assertThat(registry.ownerPasswordHash(store.id())).isEmpty();
    }

    @Test
    void aWorkerThatCrashedMidSaga_isResumedByTheRedelivery_fromTheFirstStepNotDone() {
        Store store = recorded(Set.of(ProvisioningStep.STORE_DATA, ProvisioningStep.FUNCTION));

        Store resumed = saga.run(store.id()).orElseThrow();

        assertThat(resumed.status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(fleet.calls).containsExactly("createRoute turpan");
    }

    @Test
    void aFailedStep_undoesTheStepsDone_newestFirst_freesTheSlug_andRecordsTheReason() {
        Store store = recorded(Set.of());
        fleet.failOn = "createRoute";

        Store failed = saga.run(store.id()).orElseThrow();

        assertThat(failed.status()).isEqualTo(StoreStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("could not create the store's web address");
        assertThat(fleet.calls)
                .containsExactly(
                        "createFunction turpan", "createRoute turpan", "deleteRoute turpan", "deleteFunction turpan");
        assertThat(storeData.stores).doesNotContain(store.id());
        assertThat(registry.slugs).doesNotContainKey(new Slug("turpan"));
        assertThat(registry.steps.get(store.id())).isEmpty();
        assertThat(registry.findById(store.id()).orElseThrow().status()).isEqualTo(StoreStatus.FAILED);
        assertThat(registry.ownerPasswordHash(store.id())).isEmpty();
    }

    @Test
    void theFailureReason_namesTheStep_notTheInfrastructuresOwnWords() {
        Store store = recorded(Set.of());
        fleet.failOn = "createFunction";

        assertThat(saga.run(store.id()).orElseThrow().failureReason())
                .isEqualTo("could not create the store's function")
                .doesNotContain("failed")
                .doesNotContain("Exception");
    }

    @Test
    void aSecondDelivery_ofASettledStore_changesNothing() {
        Store store = recorded(Set.of());
        saga.run(store.id());
        fleet.calls.clear();

        assertThat(saga.run(store.id()).orElseThrow().status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(fleet.calls).isEmpty();
    }

    @Test
    void aStoreStillProvisioningLongAfterItsSignup_isGivenUp_undone_andItsSlugFreed() {
        Store store = recorded(Set.of(ProvisioningStep.STORE_DATA));
        now = now.plus(ProvisioningSaga.GIVE_UP_AFTER).plusSeconds(1);

        Store given = saga.run(store.id()).orElseThrow();

        assertThat(given.status()).isEqualTo(StoreStatus.FAILED);
        assertThat(fleet.calls).containsExactly("deleteRoute turpan", "deleteFunction turpan");
        assertThat(registry.slugs).doesNotContainKey(new Slug("turpan"));
    }

    @Test
    void aDeliveryForAStoreNobodyRecorded_isIgnored() {
        assertThat(saga.run(TenantId.newId())).isEmpty();
        assertThat(fleet.calls).isEmpty();
    }
}
