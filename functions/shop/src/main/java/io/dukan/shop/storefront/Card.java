package io.dukan.shop.storefront;

import io.dukan.core.catalog.Product;

/** A product with the URL of its main image (null when it has none). */
public record Card(Product product, String imageUrl) {}
