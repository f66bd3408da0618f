package io.dukan.core.catalog;

import io.dukan.core.shared.Ids;
import io.dukan.core.shared.NotFoundException;

public record ProductId(String value) {

    public ProductId {
        if (!Ids.looksLikeId(value, 16)) {
            throw new IllegalArgumentException("not a product id: " + value);
        }
    }

    public static ProductId newId() {
        return new ProductId(Ids.newId());
    }

    /** From a URL or form: anything that could not be a product id is simply not found. */
    public static ProductId parse(String text) {
        if (!Ids.looksLikeId(text, 16)) {
            throw new NotFoundException("no such product");
        }
        return new ProductId(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
