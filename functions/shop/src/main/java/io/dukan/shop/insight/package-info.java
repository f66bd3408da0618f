/**
 * The owner's order figures on the admin home (admin/figures.jte, read from the aggregates the insight function
 * keeps; see {@link io.dukan.core.insight.StoreFigures}) and the low-stock threshold they use.
 */
package io.dukan.shop.insight;
