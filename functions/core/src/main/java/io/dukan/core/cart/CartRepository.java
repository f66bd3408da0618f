package io.dukan.core.cart;

import io.dukan.core.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;

/** Out-port: shoppers' carts, in the store's partition, kept for a while after their last change. */
public interface CartRepository {

    /**
     * The cart, unless it does not exist in this store or expired before {@code now} (an expired cart is absent even
     * while the database has not yet removed it).
     */
    Optional<Cart> find(TenantId tenant, String cartId, Instant now);

    /** Stores the cart, to be forgotten after {@code expiresAt}. */
    void save(TenantId tenant, Cart cart, Instant expiresAt);

    void delete(TenantId tenant, String cartId);
}
