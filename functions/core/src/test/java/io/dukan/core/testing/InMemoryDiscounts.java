package io.dukan.core.testing;

import io.dukan.core.discount.Discount;
import io.dukan.core.discount.DiscountChangedException;
import io.dukan.core.discount.DiscountCodeTakenException;
import io.dukan.core.discount.DiscountInUseException;
import io.dukan.core.discount.DiscountRepository;
import io.dukan.core.order.DiscountClaim;
import io.dukan.core.order.DiscountUnavailableException;
import io.dukan.core.tenant.TenantId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fake of the discount adapter (DynamoDbDiscounts), with the same contracts: codes unique per store, an edit only
 * over the terms version read, a used code never deleted. {@link InMemoryOrders} writes claims through {@link
 * #requireClaimable} and {@link #claim}, as the adapter's order transaction does: one use more only while the code
 * exists with the same terms, is not paused, is in its dates and has a use left; customer markers only if new.
 */
public class InMemoryDiscounts implements DiscountRepository {

    private final Map<TenantId, TreeMap<String, Discount>> codes = new HashMap<>();
    private final Map<TenantId, Set<String>> markers = new HashMap<>();

    @Override
    public synchronized List<Discount> list(TenantId tenant, int limit) {
        return codes.getOrDefault(tenant, new TreeMap<>()).values().stream()
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<Discount> find(TenantId tenant, String code) {
        return Optional.ofNullable(codes.getOrDefault(tenant, new TreeMap<>()).get(code));
    }

    @Override
    public synchronized void create(TenantId tenant, Discount discount) {
        TreeMap<String, Discount> store = codes.computeIfAbsent(tenant, t -> new TreeMap<>());
        if (store.containsKey(discount.code())) {
            throw new DiscountCodeTakenException(discount.code());
        }
        store.put(discount.code(), discount);
    }

    @Override
    public synchronized void update(TenantId tenant, Discount changed, int expectedTerms) {
        Discount current = find(tenant, changed.code()).orElseThrow(DiscountChangedException::new);
        if (current.terms() != expectedTerms) {
            throw new DiscountChangedException();
        }
        codes.get(tenant).put(changed.code(), changed.withUsed(current.used()));
    }

    @Override
    public synchronized void delete(TenantId tenant, String code) {
        Discount current = find(tenant, code).orElseThrow(DiscountChangedException::new);
        if (current.used() > 0) {
            throw new DiscountInUseException();
        }
        codes.get(tenant).remove(code);
    }

    @Override
    public synchronized boolean usedBy(TenantId tenant, String code, List<String> customerKeys) {
        Set<String> used = markers.getOrDefault(tenant, Set.of());
        return customerKeys.stream().anyMatch(k -> used.contains(code + "#" + k));
    }

    /** Throws as the order transaction's conditions would fail; writes nothing. */
    synchronized void requireClaimable(TenantId tenant, DiscountClaim claim) {
        Discount d = find(tenant, claim.applied().code()).orElse(null);
        boolean ok = d != null
                && d.terms() == claim.terms()
                && !d.paused()
                && (d.startsAt() == null || !claim.at().isBefore(d.startsAt()))
                && (d.endsAt() == null || claim.at().isBefore(d.endsAt()))
                && (d.usageLimit() == 0 || d.used() < d.usageLimit());
        if (!ok) {
            throw new DiscountUnavailableException(false);
        }
        if (usedBy(tenant, d.code(), claim.customerKeys())) {
            throw new DiscountUnavailableException(true);
        }
    }

    /** Counts the use and records the customer markers (after {@link #requireClaimable}). */
    synchronized void claim(TenantId tenant, DiscountClaim claim) {
        Discount d = find(tenant, claim.applied().code()).orElseThrow();
        codes.get(tenant).put(d.code(), d.withUsed(d.used() + 1));
        Set<String> used = markers.computeIfAbsent(tenant, t -> new HashSet<>());
        claim.customerKeys().forEach(k -> used.add(d.code() + "#" + k));
    }
}
