package io.dukan.core.order;

import java.time.Instant;
import java.util.List;

/**
 * What placing an order with a discount code must write in the order's own transaction: one more use of the code,
 * on condition that the code still exists with the same terms ({@code terms}, the version of its rules the amount
 * was worked out from), is not paused, is within its dates at {@code at} and has a use left; and, for a code that is
 * once per customer, one marker per {@code customerKeys} entry (hashes of the normalised phone and e-mail) on
 * condition that it is new. If any condition fails nothing is written and the repository throws
 * {@link DiscountUnavailableException}.
 */
public record DiscountClaim(OrderDiscount applied, int terms, List<String> customerKeys, Instant at) {

    public DiscountClaim {
        if (applied == null || at == null) {
            throw new IllegalArgumentException("a claim needs the discount and its time");
        }
        customerKeys = List.copyOf(customerKeys);
    }
}
