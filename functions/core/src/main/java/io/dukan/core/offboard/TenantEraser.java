package io.dukan.core.offboard;

import io.dukan.core.tenant.TenantId;

/** Out-port: deletes everything a store owns in the table and in the bucket, a batch at a time. */
public interface TenantEraser {

    /** What one call deleted and where the next goes on; {@code next} is null once nothing of the store is left. */
    record Batch(int deleted, String next) {}

    /**
     * Deletes the next batch of the store's items (every item whose partition key begins "{tenantId}#"), starting
     * at {@code cursor} ("" for the beginning). Safe to repeat from an older cursor.
     */
    Batch deleteDataBatch(TenantId tenant, String cursor);

    /** Deletes every object under the store's media prefix; returns how many. Safe to repeat. */
    int deleteMedia(TenantId tenant);
}
