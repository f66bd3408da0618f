package io.dukan.core.order;

import java.math.BigDecimal;

/**
 * The currency a shopper chose to see prices in and the owner's rate at that moment (units of {@code currency}
 * per one unit of the store's base currency). The order is charged in the base currency; this records what was
 * shown.
 */
public record DisplayCurrency(String currency, BigDecimal rate) {}
