package io.dukan.core.shipping;

import io.dukan.core.shared.Money;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One way to deliver within a zone: a flat price, or a price by the parcel's weight (bands, lightest first; heavier
 * than the last band is not offered). Either is free when the order's subtotal reaches {@code freeAbove} (null: never).
 */
public record ShippingRate(String id, String name, Kind kind, Money price, List<WeightBand> bands, Money freeAbove) {

    public static final int MAX_BANDS = 10;

    public enum Kind {
        FLAT,
        BY_WEIGHT
    }

    public ShippingRate {
        bands = bands.stream()
                .sorted(Comparator.comparingLong(WeightBand::upToGrams))
                .toList();
        if (kind == Kind.BY_WEIGHT && bands.isEmpty()) {
            throw new IllegalArgumentException("a rate by weight needs bands");
        }
    }

    /** What this rate costs for a parcel of that weight and an order of that subtotal; empty when it does not apply. */
    public Optional<Money> priceFor(long weightGrams, Money subtotal) {
        Optional<Money> base = kind == Kind.FLAT
                ? Optional.of(price)
                : bands.stream()
                        .filter(b -> weightGrams <= b.upToGrams())
                        .map(WeightBand::price)
                        .findFirst();
        if (base.isPresent() && freeAbove != null && subtotal.minor() >= freeAbove.minor()) {
            return Optional.of(new Money(0, subtotal.currency()));
        }
        return base;
    }
}
