package io.dukan.core.order;

import io.dukan.core.shared.ConflictException;

/** A key already placed an order for something else: refused rather than answered with someone else's order. */
public class IdempotencyKeyReusedException extends ConflictException {

    public IdempotencyKeyReusedException() {
        super("this checkout was already used for another order; please start the checkout again");
    }

    @Override
    public String code() {
        return "idempotency-key-reused";
    }
}
