package io.dukan.aws.testing;

import io.dukan.aws.dynamodb.InsightAggregator;
import java.net.URI;
import java.util.LinkedHashMap;
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
 * Applies the emulators' table stream (DynamoDB Local) to an {@link InsightAggregator}, as the insight function
 * does on AWS: tests of pages that show aggregates place orders, then {@link #drain} before they look.
 */
public final class StreamDrain implements AutoCloseable {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Map<String, String> iterators = new LinkedHashMap<>();

    /** Reads from the stream's start (TRIM_HORIZON): what the emulators' table held before counts too. */
    public StreamDrain(Emulators emulators) {
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
    }

    /** Applies every record written since the last drain; returns how many records there were. */
    public int drain(InsightAggregator aggregator) {
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
        int count = 0;
        for (Map.Entry<String, String> e : iterators.entrySet()) {
            String iterator = e.getValue();
            while (iterator != null) {
                String at = iterator;
                var page = streams.getRecords(r -> r.shardIterator(at).limit(1000));
                for (Record record : page.records()) {
                    aggregator.apply(new InsightAggregator.Change(
                            record.eventNameAsString(),
                            record.dynamodb().keys(),
                            record.dynamodb().hasOldImage() ? record.dynamodb().oldImage() : null,
                            record.dynamodb().hasNewImage() ? record.dynamodb().newImage() : null));
                    count++;
                }
                iterator = page.nextShardIterator();
                if (page.records().isEmpty()) {
                    break;
                }
            }
            e.setValue(iterator);
        }
        return count;
    }

    @Override
    public void close() {
        streams.close();
    }
}
