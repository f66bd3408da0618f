package io.dukan.shop.storefront;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.Variant;
import java.util.List;
import java.util.Map;

/** The product page: the product, its image URLs, the variant shown, a refusal to show (null: none), what was typed. */
public record ProductView(
        Product product, List<String> images, Variant chosen, String error, Map<String, String> typed, String csrf) {

    /** The alt text of image {@code i}: the owner's, else the product's name. */
    public String alt(int i) {
        String alt = i < product.images().size() ? product.images().get(i).alt() : "";
        return alt == null || alt.isBlank() ? product.name() : alt;
    }

    /** The most one may add: stock for a single tracked variant, else 1000. */
    public int max() {
        return product.sellWhenSoldOut() || product.variants().size() > 1 ? 1000 : Math.min(chosen.stock(), 1000);
    }

    public String legend(String choose) {
        return product.options().isEmpty()
                ? choose
                : String.join(
                        " / ", product.options().stream().map(o -> o.name()).toList());
    }
}
