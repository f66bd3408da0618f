package io.dukan.core.discount;

import io.dukan.core.shared.ConflictException;

/** A code that orders were placed with is kept (the orders show it); pause it instead. */
public class DiscountInUseException extends ConflictException {

    public DiscountInUseException() {
        super("this discount code has been used on orders and cannot be deleted; pause it instead");
    }

    @Override
    public String code() {
        return "discount-in-use";
    }
}
