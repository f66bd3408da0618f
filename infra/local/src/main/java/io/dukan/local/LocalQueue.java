package io.dukan.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.dukan.core.tenant.ProvisioningQueue;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.upgrade.UpgradeQueue;
import io.dukan.local.template.QueueEvent;
import io.dukan.local.template.QueueSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for an SQS queue and its event source mapping, as template.yaml declares them: each message is
 * delivered to the consuming function in batches of at most BatchSize; with ReportBatchItemFailures only the
 * messages the function names as failed are delivered again, and a function that throws (a crash) has its whole
 * batch delivered again. A message delivered more than the RedrivePolicy's maxReceiveCount times moves to the
 * dead-letter queue. Locally a message is visible again after {@code redeliveryDelay}, not after the template's
 * VisibilityTimeout (minutes), so a crash is retried while a test or a person waits.
 *
 * <p>A campaign's steps ({@link UpgradeQueue}) are messages with a delay, as SendMessage's DelaySeconds (at most
 * 15 minutes): they become visible when it has passed.
 *
 * <p>Deliberately not AutoCloseable (as {@link LocalStoreFleet}): the signup function holds it as a Micronaut
 * singleton, and its context must not close it. The local cloud {@link #stop()}s it.
 */
public final class LocalQueue implements ProvisioningQueue, UpgradeQueue {

    private static final Logger LOG = LoggerFactory.getLogger(LocalQueue.class);

    /** A message as the queue keeps it. */
    public record Message(String id, String body, int receiveCount) {}

    /** The consuming function's instance (started on the first delivery, like a cold start). */
    @FunctionalInterface
    interface Consumer {
        RequestHandler<SQSEvent, SQSBatchResponse> instance() throws Exception;
    }

    private final QueueSpec spec;
    private final QueueEvent mapping;
    private final Consumer consumer;
    private final Duration redeliveryDelay;
    private final ScheduledExecutorService pollers;
    private final ConcurrentLinkedQueue<Message> visible = new ConcurrentLinkedQueue<>();
    private final List<Message> deadLetters = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();

    LocalQueue(QueueSpec spec, QueueEvent mapping, Consumer consumer, Duration redeliveryDelay, int pollers) {
        this.spec = spec;
        this.mapping = mapping;
        this.consumer = consumer;
        this.redeliveryDelay = redeliveryDelay;
        this.pollers = Executors.newScheduledThreadPool(
                pollers, LocalApiGateway.daemonThreads("queue-" + spec.logicalId() + "-"));
    }

    /** SendMessage: the body is the store's id, as on AWS. */
    @Override
    public void submit(TenantId store) {
        send(store.value());
    }

    /** SendMessage of any body (tests send malformed ones too). */
    public void send(String body) {
        inFlight.incrementAndGet();
        visible.add(new Message(UUID.randomUUID().toString(), body, 0));
        pollers.execute(this::poll);
    }

    /** SendMessage with DelaySeconds: a campaign's next step (capped at SQS's 15 minutes, as on AWS). */
    @Override
    public void step(String campaignId, String token, Duration delay) {
        long millis = Math.max(0, Math.min(delay.toMillis(), MAX_DELAY.toMillis()));
        inFlight.incrementAndGet();
        Message message = new Message(UUID.randomUUID().toString(), UpgradeQueue.message(campaignId, token), 0);
        pollers.schedule(
                () -> {
                    visible.add(message);
                    poll();
                },
                millis,
                TimeUnit.MILLISECONDS);
    }

    /** One receive: up to BatchSize visible messages, to the consumer. */
    private void poll() {
        List<Message> batch = new ArrayList<>();
        Message next;
        while (batch.size() < mapping.batchSize() && (next = visible.poll()) != null) {
            batch.add(new Message(next.id(), next.body(), next.receiveCount() + 1));
        }
        if (batch.isEmpty()) {
            return;
        }
        Set<String> failed = new HashSet<>();
        try {
            SQSBatchResponse response = consumer.instance()
                    .handleRequest(
                            event(batch),
                            new LocalLambdaContext(
                                    spec.logicalId() + "-consumer",
                                    UUID.randomUUID().toString()));
            if (mapping.reportBatchItemFailures() && response != null && response.getBatchItemFailures() != null) {
                response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            }
        } catch (Exception | Error crash) {
            LOG.warn(
                    "queue {}: the consumer failed on a batch of {}; it will be delivered again",
                    spec.logicalId(),
                    batch.size(),
                    crash);
            batch.forEach(m -> failed.add(m.id()));
        }
        for (Message message : batch) {
            delivered.incrementAndGet();
            if (!failed.contains(message.id())) {
                inFlight.decrementAndGet();
            } else if (spec.maxReceiveCount() > 0 && message.receiveCount() >= spec.maxReceiveCount()) {
                deadLetters.add(message);
                inFlight.decrementAndGet();
                LOG.warn(
                        "queue {}: message {} moved to the dead-letter queue {} after {} receives",
                        spec.logicalId(),
                        message.id(),
                        spec.deadLetterQueue(),
                        message.receiveCount());
            } else {
                pollers.schedule(
                        () -> {
                            visible.add(message);
                            poll();
                        },
                        redeliveryDelay.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private SQSEvent event(List<Message> batch) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : batch) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.id());
            record.setBody(message.body());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn("arn:aws:sqs:" + LocalNames.REGION + ":000000000000:" + spec.logicalId());
            record.setAwsRegion(LocalNames.REGION);
            Map<String, String> attributes = new HashMap<>();
            attributes.put("ApproximateReceiveCount", Integer.toString(message.receiveCount()));
            record.setAttributes(attributes);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    public String logicalId() {
        return spec.logicalId();
    }

    /** Messages sent and not yet deleted or moved to the dead-letter queue. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Deliveries so far (a redelivered message counts each time). */
    public int deliveries() {
        return delivered.get();
    }

    /** What the dead-letter queue holds. */
    public List<Message> deadLetters() {
        synchronized (deadLetters) {
            return List.copyOf(deadLetters);
        }
    }

    /** Stops delivering (shutdown); messages still queued are dropped, as a stopped local cloud's would be. */
    void stop() {
        pollers.shutdownNow();
    }
}
