package io.dukan.core.order;

import io.dukan.core.shared.Money;
import java.time.Instant;
import java.util.List;

/**
 * A placed order. {@code number} is the store's human number (#1001, …); {@code code} is the unguessable public
 * reference in the shopper's order-status URL. Payment and fulfilment are tracked separately; {@code history}
 * records every change with who and when, oldest first; {@code version} counts changes, for optimistic updates.
 * {@code displayed} is null when the shopper saw the base currency. {@code discount} is null when no discount code was
 * used; with one, {@code total} is subtotal + shipping - the discount's amount.
 */
public record Order(
        long number,
        String code,
        List<OrderLine> lines,
        Money subtotal,
        Money shipping,
        Money total,
        Contact contact,
        Address address,
        String shippingMethod,
        String notes,
        PaymentMethod paymentMethod,
        PaymentStatus paymentStatus,
        FulfilmentStatus fulfilmentStatus,
        String trackingNumber,
        DisplayCurrency displayed,
        List<OrderEvent> history,
        Instant placedAt,
        int version,
        OrderDiscount discount) {

    public static final long FIRST_NUMBER = 1001;

    public Order {
        lines = List.copyOf(lines);
        history = List.copyOf(history);
    }

    /** An order without a discount code. */
    public Order(
            long number,
            String code,
            List<OrderLine> lines,
            Money subtotal,
            Money shipping,
            Money total,
            Contact contact,
            Address address,
            String shippingMethod,
            String notes,
            PaymentMethod paymentMethod,
            PaymentStatus paymentStatus,
            FulfilmentStatus fulfilmentStatus,
            String trackingNumber,
            DisplayCurrency displayed,
            List<OrderEvent> history,
            Instant placedAt,
            int version) {
        this(
                number,
                code,
                lines,
                subtotal,
                shipping,
                total,
                contact,
                address,
                shippingMethod,
                notes,
                paymentMethod,
                paymentStatus,
                fulfilmentStatus,
                trackingNumber,
                displayed,
                history,
                placedAt,
                version,
                null);
    }

    /** subtotal + shipping - discount: what the shopper pays. */
    public static Money total(Money subtotal, Money shipping, OrderDiscount discount) {
        Money gross = subtotal.plus(shipping);
        return discount == null
                ? gross
                : new Money(gross.minor() - discount.amount().minor(), gross.currency());
    }

    public String displayNumber() {
        return "#" + number;
    }

    public String customerName() {
        return contact.name();
    }
}
