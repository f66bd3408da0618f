package io.dukan.shop.api;

import io.dukan.core.catalog.CatalogService;
import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.MediaStore;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductImage;
import io.dukan.core.catalog.ProductOption;
import io.dukan.core.catalog.SaveProductCommand;
import io.dukan.core.catalog.Variant;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.TenantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The catalog's JSON shapes (API): what a product looks like, and what an owner sends to save one. */
final class ProductJson {

    private ProductJson() {}

    @Serdeable
    record Price(String amount, String currency, long minor) {
        static Price of(Money m) {
            return m == null ? null : new Price(m.amount(), m.currency(), m.minor());
        }
    }

    @Serdeable
    record VariantOut(
            String id,
            String sku,
            List<String> optionValues,
            Price price,
            @Nullable Price compareAtPrice,
            int stock,
            int weightGrams,
            boolean available) {}

    @Serdeable
    record ImageOut(String url, String thumbnailUrl, String alt) {}

    @Serdeable
    record OptionJson(@Nullable String name, @Nullable List<String> values) {}

    /** A product as the API shows it; images by rendition URL (never the original). */
    @Serdeable
    record Out(
            String id,
            String name,
            String description,
            String status,
            Price price,
            int stock,
            boolean inStock,
            @Nullable String imageUrl,
            List<OptionJson> options,
            List<VariantOut> variants,
            List<ImageOut> images,
            List<String> collections,
            List<String> tags,
            String hsCode,
            String originCountry,
            boolean sellWhenSoldOut,
            String updatedAt) {}

    @Serdeable
    record PageOut(List<Out> items, @Nullable String next) {}

    @Serdeable
    record VariantIn(
            @Nullable List<String> optionValues,
            @Nullable String sku,
            @Nullable String price,
            @Nullable String compareAtPrice,
            @Nullable Integer stock,
            @Nullable Integer shownStock,
            @Nullable Integer weightGrams) {}

    @Serdeable
    record ImageIn(@Nullable String key, @Nullable String alt) {}

    /** What an owner sends to create or replace a product. */
    @Serdeable
    record In(
            @Nullable String name,
            @Nullable String description,
            @Nullable String status,
            @Nullable List<OptionJson> options,
            @Nullable List<VariantIn> variants,
            @Nullable List<ImageIn> images,
            @Nullable List<String> collections,
            @Nullable List<String> tags,
            @Nullable String hsCode,
            @Nullable String originCountry,
            @Nullable Boolean sellWhenSoldOut) {

        SaveProductCommand command(String currency) {
            List<ProductOption> opts = options == null
                    ? List.of()
                    : options.stream()
                            .map(o -> new ProductOption(
                                    o == null ? null : o.name(),
                                    o == null || o.values() == null ? List.of() : o.values()))
                            .toList();
            if (variants == null || variants.isEmpty()) {
                throw new InvalidInputException("variants", "a product needs at least one variant with a price");
            }
            List<SaveProductCommand.VariantInput> vs = variants.stream()
                    .map(v -> {
                        if (v == null) {
                            throw new InvalidInputException("variants", "a variant is empty");
                        }
                        return new SaveProductCommand.VariantInput(
                                v.optionValues() == null ? List.of() : v.optionValues(),
                                v.sku(),
                                Money.parse("price", v.price(), currency),
                                v.compareAtPrice() == null || v.compareAtPrice().isBlank()
                                        ? null
                                        : Money.parse("compareAtPrice", v.compareAtPrice(), currency),
                                v.stock() == null ? 0 : v.stock(),
                                v.shownStock(),
                                v.weightGrams() == null ? 0 : v.weightGrams());
                    })
                    .toList();
            List<ProductImage> imgs = images == null
                    ? List.of()
                    : images.stream()
                            .map(i -> new ProductImage(i == null ? null : i.key(), i == null ? null : i.alt()))
                            .toList();
            return new SaveProductCommand(
                    name,
                    description,
                    SaveProductCommand.status(status),
                    opts,
                    vs,
                    imgs,
                    collections == null
                            ? List.of()
                            : collections.stream().map(CollectionId::parse).toList(),
                    tags == null ? List.of() : tags,
                    hsCode,
                    originCountry,
                    Boolean.TRUE.equals(sellWhenSoldOut));
        }
    }

    static Out of(Product p, CatalogService catalog, TenantId tenant) {
        return new Out(
                p.id().value(),
                p.name(),
                p.description(),
                p.status().name().toLowerCase(java.util.Locale.ROOT),
                Price.of(p.price()),
                p.stock(),
                p.inStock(),
                catalog.imageUrl(tenant, p),
                p.options().stream()
                        .map(o -> new OptionJson(o.name(), o.values()))
                        .toList(),
                p.variants().stream().map(v -> variant(p, v)).toList(),
                p.images().stream()
                        .map(i -> new ImageOut(
                                catalog.imageUrl(tenant, i.key(), MediaStore.Rendition.PRODUCT_PAGE),
                                catalog.imageUrl(tenant, i.key(), MediaStore.Rendition.THUMBNAIL),
                                i.alt()))
                        .toList(),
                p.collections().stream().map(CollectionId::value).toList(),
                p.tags(),
                p.hsCode(),
                p.originCountry(),
                p.sellWhenSoldOut(),
                p.updatedAt().toString());
    }

    private static VariantOut variant(Product p, Variant v) {
        return new VariantOut(
                v.id().value(),
                v.sku(),
                v.optionValues(),
                Price.of(v.price()),
                Price.of(v.compareAtPrice()),
                v.stock(),
                v.weightGrams(),
                p.available(v));
    }
}
