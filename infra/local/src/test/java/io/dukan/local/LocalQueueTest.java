package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.dukan.local.template.QueueEvent;
import io.dukan.local.template.QueueSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The local queue does what template.yaml's queue, redrive and event source mapping do on AWS. */
class LocalQueueTest {

    private static final QueueSpec SPEC = new QueueSpec("ProvisioningQueue", 360, "ProvisioningDeadLetterQueue", 3);

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("in time").isTrue();
    }

    @Test
    void aConsumerThatCrashes_getsTheMessageAgain_andTheSecondDeliverySucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> bodies = new CopyOnWriteArrayList<>();
        LocalQueue queue = new LocalQueue(
                SPEC,
                new QueueEvent("ProvisioningQueue", 1, true),
                () -> (event, context) -> {
                    bodies.add(event.getRecords().get(0).getBody() + "#"
                            + event.getRecords().get(0).getAttributes().get("ApproximateReceiveCount"));
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("the worker died mid-saga");
                    }
                    return new SQSBatchResponse(List.of());
                },
                Duration.ofMillis(20),
                1);
        try {
            queue.send("store-1");

            await(() -> queue.inFlight() == 0);
            assertThat(bodies).containsExactly("store-1#1", "store-1#2");
            assertThat(queue.deadLetters()).isEmpty();
        } finally {
            queue.stop();
        }
    }

    @Test
    void aMessageReportedFailedOnEveryDelivery_movesToTheDeadLetterQueue_afterMaxReceiveCount() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        LocalQueue queue = new LocalQueue(
                SPEC,
                new QueueEvent("ProvisioningQueue", 1, true),
                () -> (event, context) -> {
                    calls.incrementAndGet();
                    return new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure(
                            event.getRecords().get(0).getMessageId())));
                },
                Duration.ofMillis(20),
                1);
        try {
            queue.send("store-2");

            await(() -> queue.inFlight() == 0);
            assertThat(calls).hasValue(3);
            assertThat(queue.deadLetters()).singleElement().satisfies(m -> {
                assertThat(m.body()).isEqualTo("store-2");
                assertThat(m.receiveCount()).isEqualTo(3);
            });
        } finally {
            queue.stop();
        }
    }

    @Test
    void onlyTheReportedMessagesOfABatch_areDeliveredAgain() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        LocalQueue queue = new LocalQueue(
                SPEC,
                new QueueEvent("ProvisioningQueue", 10, true),
                () -> (event, context) -> {
                    List<SQSBatchResponse.BatchItemFailure> failed = new java.util.ArrayList<>();
                    for (SQSEvent.SQSMessage message : event.getRecords()) {
                        seen.add(message.getBody());
                        if (message.getBody().equals("bad")
                                && seen.stream().filter("bad"::equals).count() == 1) {
                            failed.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                        }
                    }
                    return new SQSBatchResponse(failed);
                },
                Duration.ofMillis(20),
                1);
        try {
            queue.send("good");
            queue.send("bad");

            await(() -> queue.inFlight() == 0);
            assertThat(seen.stream().filter("good"::equals)).hasSize(1);
            assertThat(seen.stream().filter("bad"::equals)).hasSize(2);
        } finally {
            queue.stop();
        }
    }
}
