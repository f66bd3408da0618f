package io.dukan.core.payment;

import io.dukan.core.order.Order;
import io.dukan.core.tenant.TenantId;

/** Out-port: provider events, each stored once, together with what it did to its order. */
public interface PaymentEvents {

    /**
     * In one transaction: stores the event under its provider and id unless already stored, and (when
     * {@code changed} is not null) replaces the order if its version is still {@code expectedVersion}.
     *
     * @return false when the event was already stored (a replay): nothing was written
     * @throws io.dukan.core.order.OrderChangedException the order changed meanwhile (nothing was written)
     */
    default boolean recordOnce(
            TenantId tenant, String provider, ProviderEvent event, String outcome, Order changed, int expectedVersion) {
        return recordOnce(tenant, provider, event, outcome, changed, expectedVersion, false);
    }

    /**
     * As above; with {@code restock} (and a {@code changed} order), every line's quantity goes back to its variant's
     * stock in the same transaction.
     */
    boolean recordOnce(
            TenantId tenant,
            String provider,
            ProviderEvent event,
            String outcome,
            Order changed,
            int expectedVersion,
            boolean restock);
}
