package io.dukan.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.testing.InMemoryStoreData;
import io.dukan.core.testing.InMemoryStoreRegistry;
import io.dukan.core.testing.PlainHasher;
import io.dukan.core.testing.RecordingFleet;
import io.dukan.core.testing.RecordingQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The signup half: it records and hands over; it never touches the fleet or the store's own data. */
class ProvisioningServiceTest {

    private final InMemoryStoreRegistry registry = new InMemoryStoreRegistry();
    private final InMemoryStoreData storeData = new InMemoryStoreData();
    private final RecordingFleet fleet = new RecordingFleet();
    private final RecordingQueue queue = new RecordingQueue();
    private Instant now = Instant.parse("2026-03-01T08:00:00Z");
    private final Clock clock = new Clock() {
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
    };
    private final ProvisioningService service = new ProvisioningService(registry, queue, new PlainHasher(), clock);
    private final ProvisioningSaga saga = new ProvisioningSaga(registry, storeData, fleet, clock);

    private static SignupCommand signup(String slug, String key) {
        return SignupCommand.of(
                "Turpan Raisins", slug, "owner@turpan.example", "long enough password", "CNY", "CN", "zh", key);
    }

    @Test
    void signup_recordsTheStoreAndItsOwnersHash_handsItOver_andCreatesNothingItself() {
        Store store = service.signup(signup("turpan", null));

        assertThat(store.status()).isEqualTo(StoreStatus.PROVISIONING);
        assertThat(queue.submitted).containsExactly(store.id());
        assertThat(registry.findBySlug(new Slug("turpan"))).contains(store);
        assertThat(registry.ownerPasswordHash(store.id())).contains(new PlainHasher().hash("long enough password"));
        assertThat(fleet.calls).isEmpty();
        assertThat(storeData.stores).isEmpty();
    }

    @Test
    void aSignupWaitingForItsStore_answersActive_whenTheWorkerIsQuick() {
        queue.worker = saga::run;
        ProvisioningService waiting =
                new ProvisioningService(registry, queue, new PlainHasher(), clock, Duration.ofSeconds(2));

        Store store = waiting.signup(signup("turpan", null));

        assertThat(store.status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(fleet.calls).containsExactly("createFunction turpan", "createRoute turpan");
    }

    @Test
    void aSignupWaitingForItsStore_answersProvisioning_whenTheWaitRunsOut() {
        ProvisioningService waiting =
                new ProvisioningService(registry, queue, new PlainHasher(), clock, Duration.ofMillis(100));

        assertThat(waiting.signup(signup("turpan", null)).status()).isEqualTo(StoreStatus.PROVISIONING);
    }

    @Test
    void theSameIdempotencyKey_returnsTheSameStore_andHandsItOverAgainWhileItIsProvisioning() {
        Store first = service.signup(signup("turpan", "key-00000001"));
        Store again = service.signup(signup("turpan", "key-00000001"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(queue.submitted).containsExactly(first.id(), first.id());
    }

    @Test
    void theSameIdempotencyKey_forASettledStore_returnsIt_withoutHandingItOver() {
        Store first = service.signup(signup("turpan", "key-00000001"));
        saga.run(first.id());
        queue.submitted.clear();

        Store again = service.signup(signup("turpan", "key-00000001"));

        assertThat(again.status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(queue.submitted).isEmpty();
    }

    @Test
    void aSlugHeldByAnAbandonedStore_staysTaken_andTheStoreIsHandedToTheWorkerAgain() {
        Store abandoned = new Store(
                TenantId.newId(),
                new Slug("turpan"),
                "Old",
                "old@turpan.example",
                "CNY",
                "CN",
                "zh",
                StoreStatus.PROVISIONING,
                null,
                Set.of(),
                now);
        registry.register(abandoned, null, "hash");
        now = now.plus(ProvisioningService.ABANDONED_AFTER).plusSeconds(1);

        assertThatThrownBy(() -> service.signup(signup("turpan", null))).isInstanceOf(StoreSlugTakenException.class);
        assertThat(queue.submitted).containsExactly(abandoned.id());
    }

    @Test
    void aSlugHeldByAStoreStillBeingProvisioned_staysTaken_andNothingIsHandedOver() {
        Store running = new Store(
                TenantId.newId(),
                new Slug("turpan"),
                "Old",
                "old@turpan.example",
                "CNY",
                "CN",
                "zh",
                StoreStatus.PROVISIONING,
                null,
                Set.of(),
                now);
        registry.register(running, null, "hash");

        assertThatThrownBy(() -> service.signup(signup("turpan", null))).isInstanceOf(StoreSlugTakenException.class);
        assertThat(queue.submitted).isEmpty();
    }

    @Test
    void anIdempotencyKeyReusedForADifferentSignup_isRefused() {
        service.signup(signup("turpan", "key-00000009"));

        assertThatThrownBy(() -> service.signup(signup("kashgar", "key-00000009")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("different signup");
    }

    @Test
    void aTakenSlug_isRefused_andNothingIsHandedOver() {
        service.signup(signup("turpan", null));
        queue.submitted.clear();

        assertThatThrownBy(() -> service.signup(signup("turpan", null))).isInstanceOf(StoreSlugTakenException.class);
        assertThat(queue.submitted).isEmpty();
    }
}
