package io.dukan.core.discount;

import io.dukan.core.shared.ConflictException;

/** Someone else changed or deleted the code since the page was opened; nothing was saved. */
public class DiscountChangedException extends ConflictException {

    public DiscountChangedException() {
        super("this discount code was changed or deleted meanwhile; open it again");
    }

    @Override
    public String code() {
        return "discount-changed";
    }
}
