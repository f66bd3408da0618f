package io.dukan.core.testing;

import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductImage;
import io.dukan.core.catalog.ProductOption;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.Variant;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test-data builder: {@code aProduct().named("Figs").withStock(3).build()}; one variant unless told otherwise. */
public final class ProductTestData {

    private String name = "Dried figs";
    private String description = "";
    private ProductStatus status = ProductStatus.ACTIVE;
    private Money price = new Money(45000, "PKR");
    private int stock = 10;
    private static final java.util.concurrent.atomic.AtomicInteger SKUS =
            new java.util.concurrent.atomic.AtomicInteger();
    /** Unique per built product by default: SKUs are unique within a store. */
    private String sku = "FIG-" + SKUS.incrementAndGet();

    private List<ProductOption> options = List.of();
    private List<Variant> variants;
    private List<ProductImage> images = List.of();
    private List<CollectionId> collections = List.of();
    private List<String> tags = List.of();
    private boolean sellWhenSoldOut;
    private Instant createdAt = Instant.parse("2026-01-15T10:00:00Z");

    private ProductTestData() {}

    public static ProductTestData aProduct() {
        return new ProductTestData();
    }

    public ProductTestData named(String value) {
        name = value;
        return this;
    }

    public ProductTestData describedAs(String value) {
        description = value;
        return this;
    }

    public ProductTestData withStatus(ProductStatus value) {
        status = value;
        return this;
    }

    public ProductTestData pricedAt(Money value) {
        price = value;
        return this;
    }

    public ProductTestData withStock(int value) {
        stock = value;
        return this;
    }

    public ProductTestData withSku(String value) {
        sku = value;
        return this;
    }

    public ProductTestData withImages(ProductImage... value) {
        images = List.of(value);
        return this;
    }

    public ProductTestData inCollections(CollectionId... value) {
        collections = List.of(value);
        return this;
    }

    public ProductTestData taggedWith(String... value) {
        tags = List.of(value);
        return this;
    }

    public ProductTestData sellingWhenSoldOut() {
        sellWhenSoldOut = true;
        return this;
    }

    public ProductTestData createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    /** One option with the given values, one variant per value, each with the builder's price and stock. */
    public ProductTestData withOption(String optionName, String... values) {
        options = List.of(new ProductOption(optionName, List.of(values)));
        variants = new ArrayList<>();
        for (String value : values) {
            variants.add(new Variant(VariantId.newId(), sku + "-" + value, List.of(value), price, null, stock, 500));
        }
        return this;
    }

    public ProductTestData withVariants(Variant... value) {
        variants = List.of(value);
        return this;
    }

    public Product build() {
        List<Variant> vs = variants != null
                ? variants
                : List.of(new Variant(VariantId.newId(), sku, List.of(), price, null, stock, 500));
        return new Product(
                ProductId.newId(),
                name,
                description,
                status,
                options,
                vs,
                images,
                collections,
                tags,
                "",
                "",
                sellWhenSoldOut,
                createdAt,
                createdAt);
    }
}
