package io.dukan.core.discount;

import io.dukan.core.shared.ConflictException;
import io.dukan.core.shared.Money;

/**
 * A code the shopper typed cannot be used on this order: {@link #reason()} says why ({@link #minimum()} is the
 * amount for {@link DiscountRefusal#BELOW_MINIMUM}). Nothing was written; the checkout shows the form again.
 */
public class DiscountRefusedException extends ConflictException {

    private final DiscountRefusal reason;
    private final Money minimum;

    public DiscountRefusedException(DiscountRefusal reason, Money minimum) {
        super(reason.english(minimum == null ? "" : minimum.format()) + "; nothing was ordered");
        this.reason = reason;
        this.minimum = minimum;
    }

    public DiscountRefusedException(DiscountRefusal reason) {
        this(reason, null);
    }

    public DiscountRefusal reason() {
        return reason;
    }

    public Money minimum() {
        return minimum;
    }

    @Override
    public String code() {
        return "discount-refused";
    }
}
