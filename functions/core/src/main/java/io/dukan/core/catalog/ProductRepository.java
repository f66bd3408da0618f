package io.dukan.core.catalog;

import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import java.util.Optional;

/**
 * Out-port: a store's products. Every listing is one page of one key lookup (a Query, never a Scan), newest first;
 * {@code cursor} is the previous page's {@link Page#next()} or null.
 */
public interface ProductRepository {

    void add(TenantId tenant, Product product);

    Optional<Product> find(TenantId tenant, ProductId id);

    /** Every product whatever its status (the owner's list). */
    Page<Product> list(TenantId tenant, String cursor, int limit);

    /** Active products only (the storefront). */
    Page<Product> listActive(TenantId tenant, String cursor, int limit);

    /** Active products on one collection. */
    Page<Product> listActiveInCollection(TenantId tenant, CollectionId collection, String cursor, int limit);

    /**
     * Active products matching every word of {@code words} in their title, tags or a variant's SKU (whole words,
     * case-insensitive).
     */
    Page<Product> searchActive(TenantId tenant, String words, String cursor, int limit);
}
