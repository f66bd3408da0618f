package io.dukan.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.tenant.ProvisioningStep;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.core.tenant.StoreStatus;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.RecordingFleet;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fleet worker's real handler against DynamoDB Local: SQS messages in, sagas run, failures reported. */
class FleetWorkerIT {

    static Emulators emulators;
    static RecordingFleet fleet = new RecordingFleet();
    static FleetWorker worker;
    static StoreRegistry registry;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.fleet.mode", "local");
        worker = new FleetWorker(
                ApplicationContext.builder().properties(properties).singletons(fleet));
        registry = worker.getApplicationContext().getBean(StoreRegistry.class);
    }

    @AfterAll
    static void stop() throws Exception {
        worker.close();
        emulators.close();
    }

    private static SQSEvent event(String... bodies) {
        SQSEvent event = new SQSEvent();
        event.setRecords(java.util.Arrays.stream(bodies)
                .map(body -> {
                    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
                    message.setMessageId("m-" + body);
                    message.setBody(body);
                    return message;
                })
                .toList());
        return event;
    }

    private static Store recorded(String slug, Set<ProvisioningStep> done) {
        Store store = new Store(
                TenantId.newId(),
                new Slug(slug),
                "Shop " + slug,
                "owner@" + slug + ".example",
                "PKR",
                "PK",
                "ur",
                StoreStatus.PROVISIONING,
                null,
                done,
                Instant.now());
        registry.register(store, null, "hash-of-" + slug);
        done.forEach(step -> registry.markStepDone(store.id(), step));
        return store;
    }

    @Test
    void aMessage_runsTheSaga_andTheStoreIsActive() {
        Store store = recorded("worker-one", Set.of());

        SQSBatchResponse response = worker.handleRequest(event(store.id().value()), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(registry.findById(store.id()).orElseThrow().status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(registry.ownerPasswordHash(store.id())).isEmpty();
        assertThat(fleet.calls).contains("createFunction worker-one", "createRoute worker-one");
    }

    @Test
    void aWorkerThatCrashedAfterTheFunctionStep_isResumedByTheRedelivery_withoutRedoingIt() {
        Store store = recorded("worker-two", Set.of(ProvisioningStep.STORE_DATA, ProvisioningStep.FUNCTION));

        worker.handleRequest(event(store.id().value()), null);

        assertThat(registry.findById(store.id()).orElseThrow().status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(fleet.calls).doesNotContain("createFunction worker-two").contains("createRoute worker-two");
    }

    @Test
    void aMalformedMessage_isDropped_andAnotherOfTheBatchStillRuns() {
        Store store = recorded("worker-three", Set.of());

        SQSBatchResponse response =
                worker.handleRequest(event("NOT A STORE ID!", store.id().value()), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(registry.findById(store.id()).orElseThrow().status()).isEqualTo(StoreStatus.ACTIVE);
    }

    @Test
    void aDeliveryForAStoreAlreadyActive_changesNothing() {
        Store store = recorded("worker-four", Set.of());
        worker.handleRequest(event(store.id().value()), null);
        int calls = fleet.calls.size();

        SQSBatchResponse again = worker.handleRequest(event(store.id().value()), null);

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(fleet.calls).hasSize(calls);
        assertThat(List.copyOf(fleet.calls)).isNotEmpty();
    }
}
