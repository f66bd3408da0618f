package io.dukan.core.catalog;

import io.dukan.core.shared.Money;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A product with its options and variants (at least one). Only {@link ProductStatus#ACTIVE} products are shown to
 * shoppers. {@code sellWhenSoldOut} is the owner's "keep selling when out of stock" switch (made to order, or
 * restocked daily). Images are ordered; the first is the main one.
 */
public record Product(
        ProductId id,
        String name,
        String description,
        ProductStatus status,
        List<ProductOption> options,
        List<Variant> variants,
        List<ProductImage> images,
        List<CollectionId> collections,
        List<String> tags,
        String hsCode,
        String originCountry,
        boolean sellWhenSoldOut,
        Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_OPTIONS = 3;
    public static final int MAX_VARIANTS = 100;
    public static final int MAX_IMAGES = 10;

    public Product {
        options = List.copyOf(options);
        variants = List.copyOf(variants);
        images = List.copyOf(images);
        collections = List.copyOf(collections);
        tags = List.copyOf(tags);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a product needs at least one variant");
        }
    }

    public Optional<Variant> variant(VariantId variantId) {
        return variants.stream().filter(v -> v.id().equals(variantId)).findFirst();
    }

    public Variant defaultVariant() {
        return variants.get(0);
    }

    /** The lowest variant price ("from …" when prices vary). */
    public Money price() {
        return variants.stream()
                .map(Variant::price)
                .min(Comparator.comparingLong(Money::minor))
                .orElseThrow();
    }

    public boolean priceVaries() {
        return variants.stream().map(Variant::price).distinct().count() > 1;
    }

    /** All variants' stock together (what the owner's list shows). */
    public int stock() {
        return variants.stream().mapToInt(Variant::stock).sum();
    }

    /** True when a shopper can buy at least one variant. */
    public boolean inStock() {
        return sellWhenSoldOut || variants.stream().anyMatch(v -> v.stock() > 0);
    }

    public boolean available(Variant variant) {
        return sellWhenSoldOut || variant.stock() > 0;
    }

    public boolean visibleToShoppers() {
        return status == ProductStatus.ACTIVE;
    }

    /** The main image's key, or "" when the product has none. */
    public String imageKey() {
        return images.isEmpty() ? "" : images.get(0).key();
    }

    public boolean hasImage() {
        return !images.isEmpty();
    }
}
