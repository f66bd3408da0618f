package io.dukan.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dukan.insight.StreamImages;
import io.dukan.local.template.StreamEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The local stand-in for a DynamoDB stream event source mapping, as template.yaml declares it: DynamoDB Local's
 * Streams API is polled (every {@code pollEvery}) from TRIM_HORIZON, each shard in order; records that match none
 * of the FilterCriteria patterns are dropped (as Lambda drops them); the rest go to the function in batches of at
 * most BatchSize, as the {@link DynamodbEvent} Lambda would hand it. With ReportBatchItemFailures, a reported
 * record and those after it in its shard are delivered again (after {@code retryDelay}); a function that throws has
 * its whole batch delivered again.
 *
 * <p>The patterns understood are the ones a table stream needs: nested objects down to an attribute's type, and at
 * the leaves a list of exact values or {@code {"prefix": …}}. Anything else in a pattern is refused at start.
 */
final class LocalStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStreams.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @FunctionalInterface
    interface Consumer {
        RequestHandler<DynamodbEvent, StreamsEventResponse> instance() throws Exception;
    }

    private final String function;
    private final StreamEvent mapping;
    private final Consumer consumer;
    private final List<JsonNode> patterns = new ArrayList<>();
    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final String table;
    private final Duration retryDelay;
    private final ScheduledExecutorService poller;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private String streamArn;

    LocalStreams(
            String function,
            StreamEvent mapping,
            String table,
            URI endpoint,
            Consumer consumer,
            Duration pollEvery,
            Duration retryDelay) {
        this.function = function;
        this.mapping = mapping;
        this.table = table;
        this.consumer = consumer;
        this.retryDelay = retryDelay;
        for (String pattern : mapping.filters()) {
            try {
                JsonNode node = JSON.readTree(pattern);
                check(node, "");
                patterns.add(node);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(function + ": filter pattern is not JSON: " + pattern, e);
            }
        }
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LocalCloud.LOCAL_CREDENTIAL, LocalCloud.LOCAL_CREDENTIAL));
        dynamo = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(Region.of(LocalNames.REGION))
                .credentialsProvider(credentials)
                .build();
        streams = DynamoDbStreamsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(Region.of(LocalNames.REGION))
                .credentialsProvider(credentials)
                .build();
        poller = Executors.newSingleThreadScheduledExecutor(LocalApiGateway.daemonThreads("stream-" + function + "-"));
        poller.scheduleWithFixedDelay(this::pollSafely, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records handed to the function (and not reported as failed) so far. */
    long delivered() {
        return delivered.get();
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("{}: reading the stream of {} failed; trying again", function, table, e);
        }
    }

    private void poll() {
        if (streamArn == null) {
            streamArn = dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn();
            if (streamArn == null) {
                return;
            }
        }
        for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn))
                .streamDescription()
                .shards()) {
            if (!iterators.containsKey(shard.shardId())) {
                iterators.put(
                        shard.shardId(),
                        streams.getShardIterator(r -> r.streamArn(streamArn)
                                        .shardId(shard.shardId())
                                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                                .shardIterator());
            }
        }
        for (Map.Entry<String, String> shard : iterators.entrySet()) {
            String iterator = shard.getValue();
            while (iterator != null) {
                String at = iterator;
                var page = streams.getRecords(r -> r.shardIterator(at).limit(1000));
                List<Record> matching =
                        page.records().stream().filter(this::matches).toList();
                String failedAt = deliver(matching);
                if (failedAt != null) {
                    iterator = streams.getShardIterator(r -> r.streamArn(streamArn)
                                    .shardId(shard.getKey())
                                    .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                                    .sequenceNumber(failedAt))
                            .shardIterator();
                    shard.setValue(iterator);
                    sleep(retryDelay);
                    return;
                }
                iterator = page.nextShardIterator();
                if (page.records().isEmpty()) {
                    break;
                }
            }
            shard.setValue(iterator); // null once a closed shard is read to its end: nothing more comes from it
        }
    }

    /** Delivers in batches; the sequence number to start again from, or null when all were applied. */
    private String deliver(List<Record> records) {
        for (int start = 0; start < records.size(); start += mapping.batchSize()) {
            List<Record> batch = records.subList(start, Math.min(records.size(), start + mapping.batchSize()));
            DynamodbEvent event = StreamImages.event(batch, streamArn);
            try {
                StreamsEventResponse response = consumer.instance()
                        .handleRequest(
                                event,
                                new LocalLambdaContext(
                                        function, java.util.UUID.randomUUID().toString()));
                List<StreamsEventResponse.BatchItemFailure> failures =
                        response == null || response.getBatchItemFailures() == null
                                ? List.of()
                                : response.getBatchItemFailures();
                if (mapping.reportBatchItemFailures() && !failures.isEmpty()) {
                    String id = failures.get(0).getItemIdentifier();
                    delivered.addAndGet(batch.stream()
                            .takeWhile(r -> !r.dynamodb().sequenceNumber().equals(id))
                            .count());
                    return id;
                }
                delivered.addAndGet(batch.size());
            } catch (Exception e) {
                LOG.warn("{} failed on a batch of {} stream record(s); delivering it again", function, batch.size(), e);
                return batch.get(0).dynamodb().sequenceNumber();
            }
        }
        return null;
    }

    boolean matches(Record record) {
        if (patterns.isEmpty()) {
            return true;
        }
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("eventName", record.eventNameAsString());
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        dynamodb.put("Keys", typed(record.dynamodb().keys()));
        if (record.dynamodb().hasNewImage()) {
            dynamodb.put("NewImage", typed(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            dynamodb.put("OldImage", typed(record.dynamodb().oldImage()));
        }
        shape.put("dynamodb", dynamodb);
        return patterns.stream().anyMatch(p -> matches(p, shape));
    }

    /** Scalar attributes as {name: {S|N|BOOL: value}}, the shape Lambda's filters see. */
    private static Map<String, Object> typed(Map<String, AttributeValue> image) {
        Map<String, Object> out = new LinkedHashMap<>();
        image.forEach((name, v) -> {
            if (v.s() != null) {
                out.put(name, Map.of("S", v.s()));
            } else if (v.n() != null) {
                out.put(name, Map.of("N", v.n()));
            } else if (v.bool() != null) {
                out.put(name, Map.of("BOOL", v.bool().toString()));
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(JsonNode pattern, Object value) {
        if (pattern.isArray()) {
            if (!(value instanceof String text)) {
                return false;
            }
            for (JsonNode allowed : pattern) {
                if (allowed.isTextual() && allowed.asText().equals(text)) {
                    return true;
                }
                if (allowed.isObject()
                        && allowed.has("prefix")
                        && text.startsWith(allowed.get("prefix").asText())) {
                    return true;
                }
            }
            return false;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!matches(field.getValue(), ((Map<String, Object>) map).get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private void check(JsonNode node, String path) {
        if (node.isArray()) {
            for (JsonNode allowed : node) {
                boolean ok =
                        allowed.isTextual() || (allowed.isObject() && allowed.size() == 1 && allowed.has("prefix"));
                if (!ok) {
                    throw new IllegalArgumentException(function + ": filter " + path + ": the local cloud understands"
                            + " exact values and {\"prefix\": …} only, not " + allowed);
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> check(f.getValue(), path + "." + f.getKey()));
        } else {
            throw new IllegalArgumentException(function + ": filter " + path + " must be an object or a list");
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streams.close();
        dynamo.close();
    }
}
