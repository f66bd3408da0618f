package io.dukan.core.catalog;

import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import java.util.Optional;

/** Out-port: a store's products. */
public interface ProductRepository {

    void add(TenantId tenant, Product product);

    Optional<Product> find(TenantId tenant, ProductId id);

    /** One page in creation order, newest first; {@code cursor} is the previous page's {@link Page#next()}. */
    Page<Product> list(TenantId tenant, String cursor, int limit);
}
