package io.dukan.core.order;

/** Who to reach about an order; {@code email} is "" when the shopper gave none. */
public record Contact(String name, String phone, String email) {}
