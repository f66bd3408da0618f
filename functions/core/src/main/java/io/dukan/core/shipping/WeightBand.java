package io.dukan.core.shipping;

import io.dukan.core.shared.Money;

/** Parcels up to {@code upToGrams} (inclusive) cost {@code price}. */
public record WeightBand(long upToGrams, Money price) {}
