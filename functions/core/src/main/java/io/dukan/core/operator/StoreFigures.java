package io.dukan.core.operator;

import io.dukan.core.tenant.TenantId;
import java.util.Map;
import java.util.Optional;

/**
 * Out-port (a hook): a store's orders and sales of the last 30 days, from per-store aggregates kept as orders
 * change, never counted from orders at read time. Empty while no aggregate exists for the store (the console shows
 * "—", not 0).
 */
public interface StoreFigures {

    /** Orders and sales (minor units, in the store's currency) of the 30 days up to today (UTC). */
    record Last30Days(long orders, long salesMinor, String currency) {}

    Optional<Last30Days> last30Days(TenantId store);

    /** The figures of several stores (one page of the list); stores without figures are left out. */
    default Map<TenantId, Last30Days> last30Days(java.util.Collection<TenantId> stores) {
        Map<TenantId, Last30Days> out = new java.util.HashMap<>();
        stores.forEach(s -> last30Days(s).ifPresent(f -> out.put(s, f)));
        return out;
    }

    /** Until per-store aggregates exist: none. */
    StoreFigures NONE = store -> Optional.empty();
}
