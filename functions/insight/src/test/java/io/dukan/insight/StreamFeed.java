package io.dukan.insight;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.dukan.aws.testing.Emulators;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads the emulators' table stream (DynamoDB Local's Streams API) as Lambda's event source mapping would, and
 * returns the new records as Lambda events: tests deliver them to the aggregator, once or again (replays).
 */
final class StreamFeed implements AutoCloseable {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Map<String, String> iterators = new HashMap<>();

    StreamFeed(Emulators emulators) {
        streams = DynamoDbStreamsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(URI.create(emulators.dynamoEndpoint()))
                .build();
        streamArn = emulators
                .dynamo()
                .describeTable(r -> r.tableName(Emulators.TABLE))
                .table()
                .latestStreamArn();
        skipToNow();
    }

    /** Starts reading after what the stream already holds (tests share the emulators). */
    void skipToNow() {
        for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn))
                .streamDescription()
                .shards()) {
            if (!iterators.containsKey(shard.shardId())) {
                iterators.put(
                        shard.shardId(),
                        streams.getShardIterator(r -> r.streamArn(streamArn)
                                        .shardId(shard.shardId())
                                        .shardIteratorType(ShardIteratorType.LATEST))
                                .shardIterator());
            }
        }
    }

    /** Every record written since the last call, as one event (in stream order per shard). */
    DynamodbEvent next() {
        List<Record> records = new ArrayList<>();
        for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn))
                .streamDescription()
                .shards()) {
            iterators.computeIfAbsent(
                    shard.shardId(),
                    id -> streams.getShardIterator(r -> r.streamArn(streamArn)
                                    .shardId(id)
                                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                            .shardIterator());
        }
        for (Map.Entry<String, String> e : iterators.entrySet()) {
            String iterator = e.getValue();
            while (iterator != null) {
                String at = iterator;
                var page = streams.getRecords(r -> r.shardIterator(at));
                records.addAll(page.records());
                iterator = page.nextShardIterator();
                if (page.records().isEmpty()) {
                    break;
                }
            }
            e.setValue(iterator);
        }
        return StreamImages.event(records, streamArn);
    }

    @Override
    public void close() {
        streams.close();
    }
}
