package io.dukan.core.tenant;

import java.util.Collection;
import java.util.Set;

/**
 * Out-port: the store's low-stock alert state, one item in its partition: the threshold the owner chose and the
 * variants already reported as at or below it. A variant is reported once per crossing: {@link #mark} is a
 * conditional write that succeeds for one caller only, and a restock above the threshold {@link #unmark}s it.
 */
public interface LowStockMarks {

    /** The threshold when the owner has chosen none. */
    int DEFAULT_THRESHOLD = 3;

    /** {@code threshold} 0: no alerts. */
    record State(int threshold, Set<String> marked) {}

    State state(TenantId tenant);

    /** True for the one caller that marked {@code variantId}; false when it was marked already. */
    boolean mark(TenantId tenant, String variantId);

    void unmark(TenantId tenant, Collection<String> variantIds);

    void setThreshold(TenantId tenant, int threshold);
}
