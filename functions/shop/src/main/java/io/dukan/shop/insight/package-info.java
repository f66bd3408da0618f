/**
 * The owner's order figures on the admin home (admin/figures.jte, read from the aggregates the insight function
 * keeps; see {@link io.dukan.core.insight.StoreFigures}), their low-stock list by the store's one threshold (set on
 * the settings page).
 */
package io.dukan.shop.insight;
