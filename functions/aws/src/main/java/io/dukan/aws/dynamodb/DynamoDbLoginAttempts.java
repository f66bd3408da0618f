package io.dukan.aws.dynamodb;

import io.dukan.core.account.LoginAttempts;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Sign-in attempts per store and email: one {@link WindowCounter} item whose TTL (expiresAt) is the end of the window,
 * incremented atomically (UpdateItem ADD) before the password is checked.
 */
@Singleton
final class DynamoDbLoginAttempts implements LoginAttempts {

    private final WindowCounter counter;

    DynamoDbLoginAttempts(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, TableName table) {
        this.counter = new WindowCounter(dynamo, table.value());
    }

    @Override
    public int begin(TenantId tenant, String email, Instant now, Instant windowEnd) {
        return counter.increment(Keys.loginFailures(tenant, email), now, windowEnd);
    }

    @Override
    public void succeeded(TenantId tenant, String email, int taken, Instant now) {
        counter.release(Keys.loginFailures(tenant, email), taken, now);
    }

    @Override
    public void clear(TenantId tenant, String email) {
        counter.clear(Keys.loginFailures(tenant, email));
    }
}
