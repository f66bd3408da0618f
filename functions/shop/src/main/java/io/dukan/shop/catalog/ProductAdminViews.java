package io.dukan.shop.catalog;

import io.dukan.core.catalog.CatalogService;
import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductCsv;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.AdminPages;
import java.util.List;
import java.util.Map;

/**
 * The owner's catalog pages: products (admin/products.jte), the editor (admin/editor.jte), collections
 * (admin/collections.jte), spreadsheet import (admin/import.jte). Controllers hand over the data; templates own
 * the markup and escape everything.
 */
public final class ProductAdminViews {

    public record ProductList(
            ProductStatus status, List<Product> products, String next, Map<String, String> thumbnails) {}

    /** One variant row as typed (key = its option values joined by " / "). */
    public record VariantRow(
            String key, String sku, String price, String compareAt, String stock, String shownStock, String weight) {}

    public record ImageRow(String key, String alt, String position) {}

    /** The editor's fields; {@code single} is the one row of a product without options, else null. */
    public record Editor(
            String productId,
            String name,
            String description,
            String status,
            boolean sellWhenSoldOut,
            List<String> optionNames,
            List<String> optionValues,
            String currency,
            VariantRow single,
            List<VariantRow> rows,
            List<ImageRow> images,
            Map<String, String> imageUrls,
            String newImageKey,
            String newImageAlt,
            List<Collection> collections,
            List<String> chosen,
            String tags,
            String hsCode,
            String origin,
            String updatedAt,
            String message) {}

    public record Collections(List<Collection> collections, String message) {}

    /**
     * The product's words in the store's extra languages, beside the original (fragment admin/translations.jte):
     * the languages, the fields as typed ("tr_{lang}_{field}"), and how many options and images the product has.
     */
    public record Translations(List<String> languages, Map<String, String> values, int options, int images) {
        public String value(String language, String field) {
            return values.getOrDefault("tr_" + language + "_" + field, "");
        }
    }

    public record Import(CatalogService.ImportResult result, String message, String header) {}

    private ProductAdminViews() {}

    public static String list(
            StoreSettings s,
            String base,
            ProductStatus status,
            List<Product> products,
            String next,
            Map<String, String> thumbnails,
            String csrf) {
        return AdminPages.render(
                "admin/products.jte",
                AdminPages.chrome(s, base, csrf),
                new ProductList(status, products, next, thumbnails));
    }

    /** The editor; {@code productId} null for a new product. {@code imageUrls} are the existing images' thumbnails. */
    public static String editor(
            StoreSettings s,
            String base,
            String productId,
            ProductForm f,
            List<Collection> collections,
            Map<String, String> imageUrls,
            String message,
            String csrf) {
        List<VariantRow> rows = f.rows.stream()
                .map(r -> new VariantRow(
                        r.key(), r.sku(), r.price(), r.compareAt(), r.stock(), r.shownStock(), r.weight()))
                .toList();
        VariantRow single = rows.size() == 1 && rows.get(0).key().isEmpty() ? rows.get(0) : null;
        List<ImageRow> images = f.images.stream()
                .map(i -> new ImageRow(i.key(), i.alt(), i.position()))
                .toList();
        int optionCount = (int)
                java.util.Arrays.stream(f.optionNames).filter(n -> !n.isBlank()).count();
        return AdminPages.render(
                "admin/editor.jte",
                AdminPages.chrome(s, base, csrf),
                new Editor(
                        productId,
                        f.name,
                        f.description,
                        f.status,
                        f.sellWhenSoldOut,
                        java.util.Arrays.asList(f.optionNames),
                        java.util.Arrays.asList(f.optionValues),
                        s.currency(),
                        single,
                        rows,
                        images,
                        imageUrls,
                        f.newImageKey,
                        f.newImageAlt,
                        collections,
                        List.copyOf(f.collections),
                        f.tags,
                        f.hsCode,
                        f.origin,
                        f.updatedAt,
                        message),
                "tr",
                s.extraLanguages().isEmpty()
                        ? null
                        : new Translations(s.extraLanguages(), Map.copyOf(f.translated), optionCount, f.images.size()));
    }

    public static String collections(
            StoreSettings s, String base, List<Collection> collections, String message, String csrf) {
        return AdminPages.render(
                "admin/collections.jte",
                AdminPages.chrome(s, base, csrf),
                new Collections(collections, message),
                "languages",
                s.extraLanguages());
    }

    public static String importPage(
            StoreSettings s, String base, CatalogService.ImportResult result, String message, String csrf) {
        return AdminPages.render(
                "admin/import.jte",
                AdminPages.chrome(s, base, csrf),
                new Import(result, message, String.join(", ", ProductCsv.HEADER)));
    }
}
