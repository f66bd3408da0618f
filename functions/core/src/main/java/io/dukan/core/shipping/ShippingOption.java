package io.dukan.core.shipping;

import io.dukan.core.shared.Money;

/** A delivery choice offered at checkout: the rate's id, what the shopper reads, and what it costs this order. */
public record ShippingOption(String rateId, String label, Money price) {}
