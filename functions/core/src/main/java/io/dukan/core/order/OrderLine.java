package io.dukan.core.order;

import io.dukan.core.catalog.ProductId;
import io.dukan.core.shared.Money;

/** One product in an order, with its name and price as they were when the order was placed. */
public record OrderLine(ProductId productId, String productName, Money unitPrice, int quantity) {

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
