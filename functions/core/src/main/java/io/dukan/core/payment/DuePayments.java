package io.dukan.core.payment;

import io.dukan.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * Out-port, platform side: the wallet payment attempts of every store whose sweep time ({@link
 * PaymentAttempt#sweepAt()}) has come, for the scheduled {@link PaymentSweep}. Each attempt is written with its sweep
 * time by the store's own function ({@link PaymentAttempts#save}); only the platform's sweep reads across stores.
 */
public interface DuePayments {

    /**
     * One due attempt. {@code tenant} is the store whose partition holds the attempt (its key, which the store's role
     * can only have written for itself), never a value read from the item's attributes.
     */
    record Due(TenantId tenant, String orderCode, String reference) {}

    /** Attempts due at or before {@code now}, at most {@code limit} of them (the earliest first within a shard). */
    List<Due> due(Instant now, int limit);

    /** The attempt leaves the sweep (its order is settled, or it is no longer the order's payment). */
    void done(Due due);
}
