package io.dukan.core.discount;

import io.dukan.core.order.OrderDiscount;
import io.dukan.core.shared.Money;
import java.time.Instant;

/**
 * The rules of a code, pure: whether it applies now to an order of this subtotal, and how much it takes off.
 *
 * <ul>
 *   <li>Percentage: of the products subtotal (never of delivery), rounded half up to the currency's minor unit
 *       (PKR 999 at 15% is 149.85, so 150 rupees off; 1 minor unit at 50% is 1 off).
 *   <li>Fixed amount: at most the products subtotal, as Shopify applies an amount-off-order code to the items only
 *       (the delivery charge stays to pay).
 *   <li>Free delivery: the chosen delivery's price (0 when delivery is free anyway).
 *   <li>Whatever the kind, the order's total stays at least one minor unit: an order is never placed at zero or
 *       below (the amount is capped rather than the code refused, so the shopper still gets the most it allows).
 * </ul>
 *
 * Checks run in this order: paused, not started, ended, used up, below the minimum.
 */
public final class DiscountRules {

    private DiscountRules() {}

    /**
     * The discount {@code d} gives an order with this products subtotal and delivery price at {@code now}.
     *
     * @throws DiscountRefusedException it does not apply (the reason says why)
     */
    public static OrderDiscount apply(Discount d, Money subtotal, Money shipping, Instant now) {
        DiscountRefusal refusal = refusal(d, subtotal, now);
        if (refusal != null) {
            throw new DiscountRefusedException(refusal, refusal == DiscountRefusal.BELOW_MINIMUM ? d.minimum() : null);
        }
        return new OrderDiscount(d.code(), amount(d, subtotal, shipping), d.kind() == DiscountKind.FREE_DELIVERY);
    }

    /** Why {@code d} does not apply, or null when it does. A missing code is {@link DiscountRefusal#UNKNOWN}. */
    public static DiscountRefusal refusal(Discount d, Money subtotal, Instant now) {
        if (d == null || !d.currency().equals(subtotal.currency())) {
            return DiscountRefusal.UNKNOWN;
        }
        if (d.paused()) {
            return DiscountRefusal.PAUSED;
        }
        if (d.startsAt() != null && now.isBefore(d.startsAt())) {
            return DiscountRefusal.NOT_STARTED;
        }
        if (d.endsAt() != null && !now.isBefore(d.endsAt())) {
            return DiscountRefusal.EXPIRED;
        }
        if (d.usageLimit() > 0 && d.used() >= d.usageLimit()) {
            return DiscountRefusal.USED_UP;
        }
        if (subtotal.minor() < d.minimumMinor()) {
            return DiscountRefusal.BELOW_MINIMUM;
        }
        return null;
    }

    /** The amount taken off, capped as the class says. */
    public static Money amount(Discount d, Money subtotal, Money shipping) {
        long raw = switch (d.kind()) {
            case PERCENTAGE -> percentOf(subtotal.minor(), d.value());
            case FIXED_AMOUNT -> Math.min(d.value(), subtotal.minor());
            case FREE_DELIVERY -> shipping.minor();
        };
        long mostAllowed = Math.max(0, subtotal.minor() + shipping.minor() - 1);
        return new Money(Math.max(0, Math.min(raw, mostAllowed)), subtotal.currency());
    }

    /** {@code percent}% of {@code minor}, rounded half up to a whole minor unit. */
    static long percentOf(long minor, long percent) {
        return (minor * percent + 50) / 100;
    }
}
