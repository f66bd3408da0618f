package io.dukan.core.tenant;

import java.util.Collection;
import java.util.Set;

/**
 * Out-port: the store's one low-stock level and its alert state, one item: the threshold the owner chose in the
 * settings (it drives both the owner's e-mail and the dashboard's low-stock list) and the variants already reported
 * as at or below it. A variant is reported once per crossing: {@link #mark} is a conditional write that succeeds for
 * one caller only; whatever raises a marked variant's stock above the threshold again (the editor, the JSON API, a
 * cancelled or expired order's restock) takes the mark off, so the next crossing is reported again.
 */
public interface LowStockMarks {

    /** The threshold when the owner has chosen none. */
    int DEFAULT_THRESHOLD = 5;

    /** The highest threshold an owner may set (the dashboard's low-stock items are kept up to this stock). */
    int MAX_THRESHOLD = 999;

    /** {@code threshold} 0: no e-mails (the dashboard then lists the sold-out variants). */
    record State(int threshold, Set<String> marked) {}

    State state(TenantId tenant);

    /** The threshold alone (a projected read). */
    default int threshold(TenantId tenant) {
        return state(tenant).threshold();
    }

    /** True for the one caller that marked {@code variantId}; false when it was marked already. */
    boolean mark(TenantId tenant, String variantId);

    void unmark(TenantId tenant, Collection<String> variantIds);

    /**
     * Sets the threshold (0 to {@link #MAX_THRESHOLD}). A changed threshold takes every mark off: what is at or below
     * the new level is reported again on its next order.
     */
    void setThreshold(TenantId tenant, int threshold);
}
