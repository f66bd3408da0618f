package io.dukan.core.discount;

import io.dukan.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: a store's discount codes, keyed by the upper-case code. Uses are written by the order repository in the
 * order's transaction (see {@link io.dukan.core.order.DiscountClaim}), never here.
 */
public interface DiscountRepository {

    /** The store's codes, by code; at most {@code limit}. */
    List<Discount> list(TenantId tenant, int limit);

    Optional<Discount> find(TenantId tenant, String code);

    /** @throws DiscountCodeTakenException the store has the code already */
    void create(TenantId tenant, Discount discount);

    /**
     * Writes the code's terms and pause state, keeping its use count, if its terms version is still {@code
     * expectedTerms}.
     *
     * @throws DiscountChangedException it changed or was deleted meanwhile
     */
    void update(TenantId tenant, Discount changed, int expectedTerms);

    /**
     * Deletes a code no order used.
     *
     * @throws DiscountInUseException it has been used
     */
    void delete(TenantId tenant, String code);

    /** Whether any of the customer markers exists for the code (a once-per-customer code already used by them). */
    boolean usedBy(TenantId tenant, String code, List<String> customerKeys);
}
