package io.dukan.aws.dynamodb;

import io.dukan.core.account.ResetRequests;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Password-reset requests per store and email, counted in a window item {tenantId}#RESETREQ#{email}. */
@Singleton
final class DynamoDbResetRequests implements ResetRequests {

    private final WindowCounter counter;

    DynamoDbResetRequests(DynamoDbClient dynamo, TableName table) {
        this.counter = new WindowCounter(dynamo, table.value());
    }

    @Override
    public int recent(TenantId tenant, String email, Instant now) {
        return counter.count(Keys.resetRequests(tenant, email), now);
    }

    @Override
    public void record(TenantId tenant, String email, Instant now, Instant windowEnd) {
        counter.add(Keys.resetRequests(tenant, email), now, windowEnd);
    }
}
