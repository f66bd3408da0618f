package io.dukan.core.order;

import io.dukan.core.shared.ConflictException;

/**
 * The order's discount code could not be used when the order was written (used up, paused, ended, changed, or
 * already used by this customer) and nothing was written. The checkout turns it into a refusal that says why.
 */
public class DiscountUnavailableException extends ConflictException {

    private final boolean usedByCustomer;

    public DiscountUnavailableException(boolean usedByCustomer) {
        super(
                usedByCustomer
                        ? "this discount code was already used with your phone number or e-mail; nothing was ordered"
                        : "this discount code can no longer be used; nothing was ordered");
        this.usedByCustomer = usedByCustomer;
    }

    /** True when the once-per-customer marker already existed (not the code's own state). */
    public boolean usedByCustomer() {
        return usedByCustomer;
    }

    @Override
    public String code() {
        return "discount-unavailable";
    }
}
