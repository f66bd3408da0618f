package io.dukan.core.order;

import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.Money;

/**
 * One variant in an order, snapshotted as it was when the order was placed: product name, variant title ("" when
 * the product has no options), SKU and unit price.
 */
public record OrderLine(
        ProductId productId,
        VariantId variantId,
        String sku,
        String productName,
        String variantTitle,
        Money unitPrice,
        int quantity) {

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }

    /** "Apricots 1 kg — Large / Gift box", for lists and messages. */
    public String description() {
        return variantTitle == null || variantTitle.isEmpty() ? productName : productName + " — " + variantTitle;
    }
}
