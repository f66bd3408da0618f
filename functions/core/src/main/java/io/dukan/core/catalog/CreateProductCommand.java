package io.dukan.core.catalog;

import io.dukan.core.shared.Money;
import io.dukan.core.shared.Text;

/** A new product as the owner typed it; validates itself in the store's currency. */
public record CreateProductCommand(String name, String description, Money price, int stock, String imageKey) {

    public static final int MAX_STOCK = 1_000_000;

    public static CreateProductCommand of(
            String name, String description, String price, String stock, String imageKey, String currency) {
        return new CreateProductCommand(
                Text.required("name", name, 120),
                Text.optional("description", description, 5000),
                Money.parse("price", price, currency),
                Text.integer("stock", stock, 0, MAX_STOCK),
                Text.optional("imageKey", imageKey, 300));
    }
}
