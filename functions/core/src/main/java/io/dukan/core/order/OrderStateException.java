package io.dukan.core.order;

import io.dukan.core.shared.ConflictException;

/** The order's current state does not allow the change asked for (shipping a cancelled order, cancelling twice). */
public class OrderStateException extends ConflictException {

    public OrderStateException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "order-state";
    }
}
