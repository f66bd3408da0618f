package io.dukan.core.testing;

import io.dukan.core.cart.Cart;
import io.dukan.core.cart.CartRepository;
import io.dukan.core.tenant.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake cart store that, like the DynamoDB adapter, treats an expired cart as absent. */
public class InMemoryCarts implements CartRepository {

    private record Stored(Cart cart, Instant expiresAt) {}

    private final Map<String, Stored> carts = new ConcurrentHashMap<>();

    @Override
    public Optional<Cart> find(TenantId tenant, String cartId, Instant now) {
        Stored s = carts.get(tenant.value() + "#" + cartId);
        return s == null || !s.expiresAt().isAfter(now) ? Optional.empty() : Optional.of(s.cart());
    }

    @Override
    public void save(TenantId tenant, Cart cart, Instant expiresAt) {
        carts.put(tenant.value() + "#" + cart.id(), new Stored(cart, expiresAt));
    }

    @Override
    public void delete(TenantId tenant, String cartId) {
        carts.remove(tenant.value() + "#" + cartId);
    }

    public int size() {
        return carts.size();
    }
}
