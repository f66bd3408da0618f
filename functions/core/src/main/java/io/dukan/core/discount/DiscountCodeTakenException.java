package io.dukan.core.discount;

import io.dukan.core.shared.ConflictException;

/** The store already has a code with this name (codes are unique per store, whatever their case). */
public class DiscountCodeTakenException extends ConflictException {

    public DiscountCodeTakenException(String code) {
        super("the store already has a discount code " + code + "; choose another");
    }

    @Override
    public String code() {
        return "discount-code-taken";
    }
}
