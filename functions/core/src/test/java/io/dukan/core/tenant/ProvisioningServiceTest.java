package io.dukan.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.testing.InMemoryStoreData;
import io.dukan.core.testing.InMemoryStoreRegistry;
import io.dukan.core.testing.PlainHasher;
import io.dukan.core.testing.RecordingFleet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProvisioningServiceTest {

    private final InMemoryStoreRegistry registry = new InMemoryStoreRegistry();
    private final InMemoryStoreData storeData = new InMemoryStoreData();
    private final RecordingFleet fleet = new RecordingFleet();
    private Instant now = Instant.parse("2026-03-01T08:00:00Z");
    private final ProvisioningService service = new ProvisioningService(registry, storeData, fleet, new PlainHasher(),
            new Clock() {
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

    private static SignupCommand signup(String slug, String key) {
        return SignupCommand.of("Turpan Raisins", slug, "owner@turpan.example", "long enough password", "CNY", "CN",
                "zh", key);
    }

    @Test
    void signup_runsEveryStepInOrder_andLeavesTheStoreActive() {
        Store store = service.signup(signup("turpan", null));

        assertThat(store.status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(fleet.calls).containsExactly("createFunction turpan", "createRoute turpan");
        assertThat(registry.steps.get(store.id())).containsExactlyInAnyOrder(ProvisioningStep.values());
        assertThat(storeData.stores).contains(store.id());
    }

    @Test
    void aFailedStep_undoesTheStepsDone_newestFirst_freesTheSlug_andRecordsTheReason() {
        fleet.failOn = "createRoute";

        Store store = service.signup(signup("turpan", null));

        assertThat(store.status()).isEqualTo(StoreStatus.FAILED);
        assertThat(store.failureReason()).isEqualTo("could not create the store's web address");
        assertThat(fleet.calls).containsExactly("createFunction turpan", "createRoute turpan", "deleteRoute turpan",
                "deleteFunction turpan");
        assertThat(storeData.stores).doesNotContain(store.id());
        assertThat(registry.slugs).doesNotContainKey(new Slug("turpan"));
        assertThat(registry.steps.get(store.id())).isEmpty();
        assertThat(registry.findById(store.id()).orElseThrow().status()).isEqualTo(StoreStatus.FAILED);
    }

    @Test
    void theSameIdempotencyKey_returnsTheSameStore_withoutProvisioningAgain() {
        Store first = service.signup(signup("turpan", "key-00000001"));
        Store again = service.signup(signup("turpan", "key-00000001"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(fleet.calls).hasSize(2);
    }

    @Test
    void aStoreLeftProvisioningByACrashedRun_isResumedByARetry_fromTheFirstStepNotDone() {
        Store crashed = new Store(TenantId.newId(), new Slug("turpan"), "Turpan Raisins", "owner@turpan.example", "CNY",
                "CN", "zh", StoreStatus.PROVISIONING, null, Set.of(ProvisioningStep.STORE_DATA), now);
        registry.register(crashed, "key-00000002");
        registry.markStepDone(crashed.id(), ProvisioningStep.STORE_DATA);
        now = now.plus(ProvisioningService.ABANDONED_AFTER).plusSeconds(1);

        Store resumed = service.signup(signup("turpan", "key-00000002"));

        assertThat(resumed.id()).isEqualTo(crashed.id());
        assertThat(resumed.status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(fleet.calls).containsExactly("createFunction turpan", "createRoute turpan");
    }

    @Test
    void aStoreStillProvisioningInAnotherRequest_isReturnedAsItIs_notProvisionedTwice() {
        Store running = new Store(TenantId.newId(), new Slug("turpan"), "Turpan Raisins", "owner@turpan.example", "CNY",
                "CN", "zh", StoreStatus.PROVISIONING, null, Set.of(), now);
        registry.register(running, "key-00000003");

        Store answer = service.signup(signup("turpan", "key-00000003"));

        assertThat(answer.status()).isEqualTo(StoreStatus.PROVISIONING);
        assertThat(fleet.calls).isEmpty();
    }

    @Test
    void theFailureReason_namesTheStep_notTheInfrastructuresOwnWords() {
        fleet.failOn = "createFunction";

        Store store = service.signup(signup("turpan", null));

        assertThat(store.failureReason()).isEqualTo("could not create the store's function")
                .doesNotContain("failed").doesNotContain("Exception");
    }

    @Test
    void aSlugHeldByAnAbandonedStore_isReclaimed_byTheNextSignup() {
        Store abandoned = new Store(TenantId.newId(), new Slug("turpan"), "Old", "old@turpan.example", "CNY", "CN",
                "zh", StoreStatus.PROVISIONING, null, Set.of(), now);
        registry.register(abandoned, null);
        now = now.plus(ProvisioningService.ABANDONED_AFTER).plusSeconds(1);

        Store fresh = service.signup(signup("turpan", null));

        assertThat(fresh.status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(fresh.id()).isNotEqualTo(abandoned.id());
        assertThat(registry.findById(abandoned.id()).orElseThrow().status()).isEqualTo(StoreStatus.FAILED);
        assertThat(fleet.calls).startsWith("deleteRoute turpan", "deleteFunction turpan");
    }

    @Test
    void aSlugHeldByAStoreStillBeingProvisioned_staysTaken() {
        Store running = new Store(TenantId.newId(), new Slug("turpan"), "Old", "old@turpan.example", "CNY", "CN",
                "zh", StoreStatus.PROVISIONING, null, Set.of(), now);
        registry.register(running, null);

        assertThatThrownBy(() -> service.signup(signup("turpan", null))).isInstanceOf(StoreSlugTakenException.class);
        assertThat(fleet.calls).isEmpty();
    }

    @Test
    void anIdempotencyKeyReusedForADifferentSignup_isRefused() {
        service.signup(signup("turpan", "key-00000009"));

        assertThatThrownBy(() -> service.signup(signup("kashgar", "key-00000009")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("different signup");
    }

    @Test
    void aTakenSlug_isRefused_andNothingIsProvisioned() {
        service.signup(signup("turpan", null));
        fleet.calls.clear();

        assertThatThrownBy(() -> service.signup(signup("turpan", null))).isInstanceOf(StoreSlugTakenException.class);
        assertThat(fleet.calls).isEmpty();
    }
}
