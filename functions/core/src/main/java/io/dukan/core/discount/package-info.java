/**
 * Discount codes: a store's codes (percentage, fixed amount, free delivery) with their rules (minimum order, dates,
 * total uses, once per customer), the pure rules that work out a code's amount ({@link
 * io.dukan.core.discount.DiscountRules}), the owner's use cases and the checkout's quote and claim ({@link
 * io.dukan.core.discount.DiscountService}). A use is counted in the order's own transaction (the order repository
 * writes the {@link io.dukan.core.order.DiscountClaim}); cancelling an order does not give the use back.
 */
package io.dukan.core.discount;
