package io.dukan.aws.dynamodb;

import io.dukan.core.signup.RateCounters;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Platform rate counters as {@link WindowCounter} items under "PLATFORM#RATE#…" (atomic UpdateItem ADD). */
@Singleton
@Requires(env = "provisioning")
final class DynamoDbRateCounters implements RateCounters {

    private final WindowCounter counter;

    DynamoDbRateCounters(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, TableName table) {
        this.counter = new WindowCounter(dynamo, table.value());
    }

    @Override
    public Count increment(String name, Instant now, Instant windowEnd) {
        WindowCounter.Window window = counter.incrementWindow(Keys.platformRate(name), now, windowEnd);
        return new Count(window.count(), window.end());
    }
}
