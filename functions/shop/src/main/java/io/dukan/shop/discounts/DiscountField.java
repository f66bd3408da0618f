package io.dukan.shop.discounts;

import io.dukan.core.order.OrderDiscount;

/**
 * The checkout's code field: what the shopper typed ("" for nothing), and either the discount it gives the order as
 * it stands ({@code applied}) or why it does not ({@code refusal}, in the shopper's language); both null when nothing
 * was typed or delivery cannot be offered yet.
 */
public record DiscountField(String typed, OrderDiscount applied, String refusal) {

    public static final DiscountField NONE = new DiscountField("", null, null);
}
