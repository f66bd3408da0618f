package io.dukan.core.insight;

import io.dukan.core.tenant.TenantId;
import java.time.LocalDate;

/** The store's aggregates: a bounded number of reads whatever the number of orders. */
public interface StoreFiguresRepository {

    /** The figures up to {@code today} (the store's local date), sales in {@code currency}. */
    StoreFigures figures(TenantId tenant, String currency, LocalDate today);

    /** Sets the store's low-stock threshold (0 to {@link StoreFigures#MAX_LOW_STOCK}). */
    void lowStockThreshold(TenantId tenant, int threshold);
}
