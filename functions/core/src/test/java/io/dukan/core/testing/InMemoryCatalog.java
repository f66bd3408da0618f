package io.dukan.core.testing;

import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.CollectionRepository;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** A fake catalog for use-case tests: products and collections per tenant, newest first. */
public class InMemoryCatalog implements ProductRepository, CollectionRepository {

    private final Map<TenantId, Map<ProductId, Product>> products = new ConcurrentHashMap<>();
    private final Map<TenantId, Map<CollectionId, Collection>> collections = new ConcurrentHashMap<>();

    @Override
    public void add(TenantId tenant, Product product) {
        products.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).put(product.id(), product);
    }

    /** Replaces a stored product (tests only; the real repository has its own update rules). */
    public void put(TenantId tenant, Product product) {
        add(tenant, product);
    }

    @Override
    public Optional<Product> find(TenantId tenant, ProductId id) {
        return Optional.ofNullable(products.getOrDefault(tenant, Map.of()).get(id));
    }

    @Override
    public Page<Product> list(TenantId tenant, String cursor, int limit) {
        return page(tenant, cursor, limit, p -> true);
    }

    @Override
    public Page<Product> listActive(TenantId tenant, String cursor, int limit) {
        return page(tenant, cursor, limit, Product::visibleToShoppers);
    }

    @Override
    public Page<Product> listActiveInCollection(TenantId tenant, CollectionId collection, String cursor, int limit) {
        return page(tenant, cursor, limit, p -> p.visibleToShoppers() && p.collections().contains(collection));
    }

    @Override
    public Page<Product> searchActive(TenantId tenant, String words, String cursor, int limit) {
        List<String> wanted = words(words);
        if (wanted.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return page(tenant, cursor, limit, p -> {
            List<String> have = new ArrayList<>(words(p.name()));
            p.tags().forEach(t -> have.addAll(words(t)));
            p.variants().forEach(v -> have.addAll(words(v.sku())));
            return p.visibleToShoppers() && have.containsAll(wanted);
        });
    }

    private static List<String> words(String text) {
        return text == null ? List.of() : List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(w -> !w.isEmpty()).toList();
    }

    private Page<Product> page(TenantId tenant, String cursor, int limit, Predicate<Product> filter) {
        List<Product> all = products.getOrDefault(tenant, Map.of()).values().stream()
                .sorted(Comparator.comparing((Product p) -> p.id().value()).reversed())
                .filter(p -> cursor == null || p.id().value().compareTo(cursor) < 0)
                .filter(filter)
                .toList();
        List<Product> items = all.stream().limit(limit).toList();
        return new Page<>(items, all.size() > limit ? items.get(items.size() - 1).id().value() : null);
    }

    @Override
    public void add(TenantId tenant, Collection collection) {
        collections.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).put(collection.id(), collection);
    }

    @Override
    public Optional<Collection> find(TenantId tenant, CollectionId id) {
        return Optional.ofNullable(collections.getOrDefault(tenant, Map.of()).get(id));
    }

    @Override
    public List<Collection> all(TenantId tenant) {
        return collections.getOrDefault(tenant, Map.of()).values().stream()
                .sorted(Comparator.comparing(Collection::title)).toList();
    }
}
