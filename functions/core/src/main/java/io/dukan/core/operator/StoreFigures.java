package io.dukan.core.operator;

import io.dukan.core.tenant.TenantId;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Out-port (a hook): a store's orders and sales of the last 30 days, from per-store aggregates kept as orders
 * change, never counted from orders at read time. Empty while no aggregate exists for the store (the console shows
 * "—", not 0). The 30 days are the store's own days (its time zone), as on the owner's dashboard.
 */
public interface StoreFigures {

    /** Orders and sales (minor units, in the store's currency) of the 30 days up to the store's today. */
    record Last30Days(long orders, long salesMinor, String currency) {}

    /** One store's figures; {@code zone} is the store's time zone. */
    default Optional<Last30Days> last30Days(TenantId store, ZoneId zone) {
        return Optional.ofNullable(last30Days(Map.of(store, zone)).get(store));
    }

    /**
     * The figures of several stores (one page of the list: store → its time zone), read together; stores without
     * figures are left out.
     */
    Map<TenantId, Last30Days> last30Days(Map<TenantId, ZoneId> stores);

    /** Until per-store aggregates exist: none. */
    StoreFigures NONE = stores -> Map.of();
}
