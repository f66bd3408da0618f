package io.dukan.core.catalog;

import io.dukan.core.shared.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        Instant updatedAt,
        Map<String, ProductText> translations) {

    public static final int MAX_OPTIONS = 3;
    public static final int MAX_VARIANTS = 100;
    public static final int MAX_IMAGES = 10;

    /** A product with no translations. */
    public Product(
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
        this(
                id,
                name,
                description,
                status,
                options,
                variants,
                images,
                collections,
                tags,
                hsCode,
                originCountry,
                sellWhenSoldOut,
                createdAt,
                updatedAt,
                Map.of());
    }

    public Product {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
        options = List.copyOf(options);
        variants = List.copyOf(variants);
        images = List.copyOf(images);
        collections = List.copyOf(collections);
        tags = List.copyOf(tags);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a product needs at least one variant");
        }
    }

    /** The same product with other translations (everything else unchanged). */
    public Product withTranslations(Map<String, ProductText> next) {
        return new Product(
                id,
                name,
                description,
                status,
                options,
                variants,
                images,
                collections,
                tags,
                hsCode,
                originCountry,
                sellWhenSoldOut,
                createdAt,
                updatedAt,
                next);
    }

    /**
     * The product as shoppers read it in {@code language}: each field the owner translated in its place, every other
     * field in the primary language (per field, not all or nothing). Ids, prices and stock are the same; variants'
     * option values are translated like the options', so a variant's title reads in the same language. The
     * primary language (no entry) gives this product itself.
     */
    public Product in(String language) {
        ProductText t = language == null ? null : translations.get(language);
        if (t == null || t.isEmpty()) {
            return this;
        }
        List<ProductOption> shownOptions = new ArrayList<>();
        for (int k = 0; k < options.size(); k++) {
            ProductOption o = options.get(k);
            List<String> values = new ArrayList<>();
            for (int j = 0; j < o.values().size(); j++) {
                values.add(pick(t.optionValue(k, j), o.values().get(j)));
            }
            shownOptions.add(new ProductOption(pick(ProductText.at(t.optionNames(), k), o.name()), values));
        }
        List<Variant> shownVariants = variants.stream()
                .map(v -> {
                    List<String> values = new ArrayList<>();
                    for (int k = 0; k < v.optionValues().size(); k++) {
                        String value = v.optionValues().get(k);
                        int j = k < options.size() ? options.get(k).values().indexOf(value) : -1;
                        values.add(j < 0 ? value : pick(t.optionValue(k, j), value));
                    }
                    return new Variant(
                            v.id(), v.sku(), values, v.price(), v.compareAtPrice(), v.stock(), v.weightGrams());
                })
                .toList();
        List<ProductImage> shownImages = new ArrayList<>();
        for (int k = 0; k < images.size(); k++) {
            ProductImage i = images.get(k);
            shownImages.add(new ProductImage(i.key(), pick(ProductText.at(t.imageAlts(), k), i.alt())));
        }
        return new Product(
                id,
                pick(t.name(), name),
                pick(t.description(), description),
                status,
                shownOptions,
                shownVariants,
                shownImages,
                collections,
                tags,
                hsCode,
                originCountry,
                sellWhenSoldOut,
                createdAt,
                updatedAt,
                translations);
    }

    /** This language's translation, or an empty one. */
    public ProductText text(String language) {
        return translations.getOrDefault(language, ProductText.EMPTY);
    }

    /** The heaviest variant's weight in grams (what a delivery quote before choosing a variant assumes). */
    public int maxWeightGrams() {
        return variants.stream().mapToInt(Variant::weightGrams).max().orElse(0);
    }

    private static String pick(String translated, String primary) {
        return translated == null || translated.isEmpty() ? primary : translated;
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
