package io.dukan.core.insight;

import io.dukan.core.tenant.TenantId;
import java.time.LocalDate;

/** The store's aggregates: a bounded number of reads whatever the number of orders. */
public interface StoreFiguresRepository {

    /**
     * The figures up to {@code today} (the store's local date), sales in {@code currency}; the low-stock list by the
     * store's one threshold ({@link io.dukan.core.tenant.LowStockMarks}, set in the owner's settings).
     */
    StoreFigures figures(TenantId tenant, String currency, LocalDate today);
}
