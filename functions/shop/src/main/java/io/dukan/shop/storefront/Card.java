package io.dukan.shop.storefront;

import io.dukan.core.catalog.Product;

/**
 * A product with the URLs of its main image: the 320 px rendition ({@code imageUrl}, null when it has none) and the
 * 960 px one for wide screens ({@code largeUrl}, null: only the small one).
 */
public record Card(Product product, String imageUrl, String largeUrl) {

    public Card(Product product, String imageUrl) {
        this(product, imageUrl, null);
    }
}
