package io.dukan.core.order;

import io.dukan.core.shared.ConflictException;

/** Someone else changed the order between reading and writing it; nothing was changed by this request. */
public class OrderChangedException extends ConflictException {

    public OrderChangedException() {
        super("The order changed while you were looking at it; nothing was changed. Reload it and try again.");
    }

    @Override
    public String code() {
        return "order-changed";
    }
}
