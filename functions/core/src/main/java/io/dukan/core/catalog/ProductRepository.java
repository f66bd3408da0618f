package io.dukan.core.catalog;

import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Out-port: a store's products. Every listing is one page of one key lookup (a Query, never a Scan), newest first;
 * {@code cursor} is the previous page's {@link Page#next()} or null. SKUs are unique within a store (whatever their
 * case): a write that would reuse another product's SKU throws {@link CatalogConflictException}.
 */
public interface ProductRepository {

    /**
     * An owner's change to one variant's stock: set it to {@code value} if it still is {@code expected} (what the
     * form showed); {@code expected} null for a variant new in this edit.
     */
    record StockChange(VariantId variant, Integer expected, int value) {}

    void add(TenantId tenant, Product product);

    /**
     * Writes all the products or none (an import). Throws {@link CatalogConflictException} naming a SKU another
     * product holds.
     */
    void addAll(TenantId tenant, List<Product> products);

    /**
     * Replaces {@code previous} (as read, its {@code updatedAt} unchanged meanwhile) by {@code next}, except for stock:
     * variants keep the stock they have unless {@code stockChanges} names them. Variants gone from {@code next}
     * lose their stock entry. Throws {@link CatalogConflictException} when the product was edited meanwhile, a
     * changed stock is no longer what the form showed, or a SKU is taken.
     */
    void update(TenantId tenant, Product previous, Product next, List<StockChange> stockChanges);

    /** Deletes the product (as read) with its index entries and SKU claims. */
    void delete(TenantId tenant, Product product);

    Optional<Product> find(TenantId tenant, ProductId id);

    /** Of {@code skus} (upper case), those another product of the store already holds. */
    Set<String> takenSkus(TenantId tenant, Set<String> skus);

    /** Every product whatever its status (the owner's list). */
    Page<Product> list(TenantId tenant, String cursor, int limit);

    /** Products of one status (the owner's list, filtered). */
    Page<Product> listByStatus(TenantId tenant, ProductStatus status, String cursor, int limit);

    /** Active products only (the storefront). */
    Page<Product> listActive(TenantId tenant, String cursor, int limit);

    /** Active products on one collection. */
    Page<Product> listActiveInCollection(TenantId tenant, CollectionId collection, String cursor, int limit);

    /**
     * Active products matching every word of {@code words} in their title, tags or a variant's SKU (whole words,
     * case-insensitive). A page may hold fewer than {@code limit} products while {@code next} is not null.
     */
    Page<Product> searchActive(TenantId tenant, String words, String cursor, int limit);
}
