package io.dukan.core.testing;

import io.dukan.core.catalog.CatalogConflictException;
import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.CollectionRepository;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.Variant;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    public synchronized void addAll(TenantId tenant, List<Product> all) {
        Set<String> skus = new java.util.HashSet<>();
        all.forEach(p -> skus.addAll(skus(p)));
        Set<String> taken = takenSkus(tenant, skus);
        if (!taken.isEmpty()) {
            throw CatalogConflictException.skuTaken(taken.iterator().next());
        }
        all.forEach(p -> add(tenant, p));
    }

    @Override
    public synchronized void update(TenantId tenant, Product previous, Product next, List<StockChange> stockChanges) {
        Product current = find(tenant, previous.id())
                .orElseThrow(() -> new CatalogConflictException("gone", "deleted meanwhile"));
        if (!current.updatedAt().equals(previous.updatedAt())) {
            throw new CatalogConflictException("edited-meanwhile", "edited meanwhile");
        }
        Set<String> others = new java.util.HashSet<>(skus(next));
        others.removeAll(skus(current));
        Set<String> taken = takenSkus(tenant, others);
        if (!taken.isEmpty()) {
            throw CatalogConflictException.skuTaken(taken.iterator().next());
        }
        Map<io.dukan.core.catalog.VariantId, StockChange> changes = new java.util.HashMap<>();
        stockChanges.forEach(c -> changes.put(c.variant(), c));
        List<Variant> variants = new ArrayList<>();
        for (Variant v : next.variants()) {
            StockChange change = changes.get(v.id());
            int stockNow = current.variant(v.id()).map(Variant::stock).orElse(0);
            if (change != null && change.expected() != null && change.expected() != stockNow) {
                throw new CatalogConflictException("stock-changed", "stock changed");
            }
            variants.add(v.withStock(change == null ? stockNow : change.value()));
        }
        products.get(tenant)
                .put(
                        next.id(),
                        new Product(
                                next.id(),
                                next.name(),
                                next.description(),
                                next.status(),
                                next.options(),
                                variants,
                                next.images(),
                                next.collections(),
                                next.tags(),
                                next.hsCode(),
                                next.originCountry(),
                                next.sellWhenSoldOut(),
                                next.createdAt(),
                                next.updatedAt()));
    }

    @Override
    public void delete(TenantId tenant, Product product) {
        products.getOrDefault(tenant, new ConcurrentHashMap<>()).remove(product.id());
    }

    @Override
    public Set<String> takenSkus(TenantId tenant, Set<String> skus) {
        Set<String> held = new java.util.HashSet<>();
        products.getOrDefault(tenant, Map.of()).values().forEach(p -> held.addAll(skus(p)));
        Set<String> taken = new java.util.TreeSet<>(skus);
        taken.retainAll(held);
        return taken;
    }

    private static Set<String> skus(Product p) {
        Set<String> skus = new java.util.HashSet<>();
        p.variants().stream()
                .map(Variant::sku)
                .filter(s -> !s.isEmpty())
                .forEach(s -> skus.add(s.toUpperCase(Locale.ROOT)));
        return skus;
    }

    @Override
    public Page<Product> listByStatus(TenantId tenant, ProductStatus status, String cursor, int limit) {
        return page(tenant, cursor, limit, p -> p.status() == status);
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
        return page(
                tenant,
                cursor,
                limit,
                p -> p.visibleToShoppers() && p.collections().contains(collection));
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
        return text == null
                ? List.of()
                : List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                        .filter(w -> !w.isEmpty())
                        .toList();
    }

    private Page<Product> page(TenantId tenant, String cursor, int limit, Predicate<Product> filter) {
        List<Product> all = products.getOrDefault(tenant, Map.of()).values().stream()
                .sorted(Comparator.comparing((Product p) -> p.id().value()).reversed())
                .filter(p -> cursor == null || p.id().value().compareTo(cursor) < 0)
                .filter(filter)
                .toList();
        List<Product> items = all.stream().limit(limit).toList();
        return new Page<>(
                items, all.size() > limit ? items.get(items.size() - 1).id().value() : null);
    }

    @Override
    public void add(TenantId tenant, Collection collection) {
        collections.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).put(collection.id(), collection);
    }

    @Override
    public void update(TenantId tenant, Collection collection) {
        if (find(tenant, collection.id()).isEmpty()) {
            throw new io.dukan.core.shared.NotFoundException("no such collection");
        }
        add(tenant, collection);
    }

    @Override
    public void delete(TenantId tenant, CollectionId id) {
        collections.getOrDefault(tenant, new ConcurrentHashMap<>()).remove(id);
    }

    @Override
    public Optional<Collection> find(TenantId tenant, CollectionId id) {
        return Optional.ofNullable(collections.getOrDefault(tenant, Map.of()).get(id));
    }

    @Override
    public List<Collection> all(TenantId tenant) {
        return collections.getOrDefault(tenant, Map.of()).values().stream()
                .sorted(Comparator.comparing(Collection::title))
                .toList();
    }
}
