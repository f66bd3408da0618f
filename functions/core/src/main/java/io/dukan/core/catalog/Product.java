package io.dukan.core.catalog;

import io.dukan.core.shared.Money;
import java.time.Instant;

/** A product with one price and one stock count (variants come with the catalog issue). */
public record Product(ProductId id, String name, String description, Money price, int stock, String imageKey,
        Instant createdAt) {

    public boolean inStock() {
        return stock > 0;
    }

    public boolean hasImage() {
        return imageKey != null && !imageKey.isEmpty();
    }
}
