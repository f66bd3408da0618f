package io.dukan.core.order;

import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import java.util.Optional;

/** Out-port: what the owner's inbox needs beyond placing orders — listing by tab, changing an order safely. */
public interface OrderAdminRepository {

    Optional<Order> findByNumber(TenantId tenant, long number);

    /** One page of the tab, newest first; {@code after} is the cursor of the previous page (null for the first). */
    Page<Order> list(TenantId tenant, OrderFilter filter, String after, int limit);

    /**
     * Replaces the order with {@code changed} if its version is still {@code expectedVersion}; with
     * {@code restock}, in the same transaction, every line's quantity goes back to its variant's stock (lines of
     * products or variants that no longer exist are skipped).
     *
     * @throws OrderChangedException the order's version moved meanwhile (nothing was written)
     */
    void update(TenantId tenant, Order changed, int expectedVersion, boolean restock);
}
