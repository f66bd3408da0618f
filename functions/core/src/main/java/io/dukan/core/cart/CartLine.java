package io.dukan.core.cart;

import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.VariantId;

/** One variant in a cart and how many of it. No price: prices are read from the catalog whenever they are shown. */
public record CartLine(ProductId productId, VariantId variantId, int quantity) {}
