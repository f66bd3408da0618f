package io.dukan.core.order;

import io.dukan.core.shared.Money;
import io.dukan.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Out-port: a store's orders. */
public interface OrderRepository {

    /**
     * What the repository needs to place an order; it assigns the number. Lines arrive one per variant. {@code
     * discount} is null without a discount code; with one, the repository writes its claim in the order's
     * transaction (see {@link DiscountClaim}).
     */
    record Draft(
            String code,
            List<OrderLine> lines,
            Money shipping,
            Contact contact,
            Address address,
            String shippingMethod,
            String notes,
            PaymentMethod paymentMethod,
            DisplayCurrency displayed,
            Instant placedAt,
            DiscountClaim discount) {

        /** A draft without a discount code. */
        public Draft(
                String code,
                List<OrderLine> lines,
                Money shipping,
                Contact contact,
                Address address,
                String shippingMethod,
                String notes,
                PaymentMethod paymentMethod,
                DisplayCurrency displayed,
                Instant placedAt) {
            this(
                    code,
                    lines,
                    shipping,
                    contact,
                    address,
                    shippingMethod,
                    notes,
                    paymentMethod,
                    displayed,
                    placedAt,
                    null);
        }

        /** The discount as the order will show it, or null. */
        public OrderDiscount applied() {
            return discount == null ? null : discount.applied();
        }

        /** What the shopper pays: subtotal + shipping - discount. */
        public Money total() {
            return Order.total(subtotal(), shipping, applied());
        }

        public Money subtotal() {
            return lines.stream()
                    .map(OrderLine::lineTotal)
                    .reduce(Money::plus)
                    .orElseThrow(() -> new IllegalArgumentException("an order needs lines"));
        }
    }

    /**
     * Atomically: takes the next order number, records the order and takes each line's quantity from its variant's
     * stock (unless the product keeps selling when sold out).
     *
     * @throws OutOfStockException when any line's stock is short (nothing is written)
     * @throws DiscountUnavailableException when the draft's discount claim cannot be written (nothing is written)
     */
    Order place(TenantId tenant, Draft draft);

    /**
     * As {@link #place(TenantId, Draft)}, once per idempotency key: the key is recorded in the same transaction, so
     * of any number of placements with one key (one after another or at the same moment) exactly one places an
     * order and every other returns that order.
     *
     * @throws IdempotencyKeyReusedException the key placed an order for another fingerprint
     */
    Order place(TenantId tenant, Draft draft, Idempotency idempotency);

    /**
     * The order a key placed, if any.
     *
     * @throws IdempotencyKeyReusedException the key placed an order for another fingerprint
     */
    Optional<Order> findPlaced(TenantId tenant, Idempotency idempotency);

    Optional<Order> findByCode(TenantId tenant, String code);

    /** The newest orders first. */
    List<Order> recent(TenantId tenant, int limit);
}
