package io.dukan.core.order;

import io.dukan.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** Out-port: a store's orders. */
public interface OrderRepository {

    /** What the repository needs to place an order; it assigns the number. */
    record Draft(String code, List<OrderLine> lines, String customerName, String phone, String address,
            PaymentMethod paymentMethod, java.time.Instant placedAt) {}

    /**
     * Atomically: takes the next order number, records the order and takes each line's quantity from stock.
     *
     * @throws OutOfStockException when any line's stock is short (nothing is written)
     */
    Order place(TenantId tenant, Draft draft);

    Optional<Order> findByCode(TenantId tenant, String code);

    /** The newest orders first. */
    List<Order> recent(TenantId tenant, int limit);
}
