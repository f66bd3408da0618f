package io.dukan.core.order;

import java.time.Instant;

/** One change in an order's history: when, who ("shopper", a staff e-mail, "stripe"), and what. */
public record OrderEvent(Instant at, String actor, String what) {}
