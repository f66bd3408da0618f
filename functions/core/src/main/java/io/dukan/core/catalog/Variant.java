package io.dukan.core.catalog;

import io.dukan.core.shared.Money;
import java.util.List;

/**
 * What a shopper actually buys: one combination of the product's option values, with its own SKU, price, stock
 * and weight. {@code compareAtPrice} (the "was" price) is null when there is none. A product without options has
 * exactly one variant with no option values.
 */
public record Variant(
        VariantId id,
        String sku,
        List<String> optionValues,
        Money price,
        Money compareAtPrice,
        int stock,
        int weightGrams) {

    public Variant {
        optionValues = List.copyOf(optionValues);
    }

    /** "M / Blue", or "" for a product without options. */
    public String title() {
        return String.join(" / ", optionValues);
    }

    public Variant withStock(int newStock) {
        return new Variant(id, sku, optionValues, price, compareAtPrice, newStock, weightGrams);
    }
}
