package io.dukan.core.testing;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.Variant;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Idempotency;
import io.dukan.core.order.IdempotencyKeyReusedException;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderAdminRepository;
import io.dukan.core.order.OrderChangedException;
import io.dukan.core.order.OrderEvent;
import io.dukan.core.order.OrderFilter;
import io.dukan.core.order.OrderLine;
import io.dukan.core.order.OrderRepository;
import io.dukan.core.order.OutOfStockException;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.payment.PaymentEvents;
import io.dukan.core.payment.ProviderEvent;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake of the order adapter (DynamoDbOrders and DynamoDbOrderAdmin) over an {@link InMemoryCatalog}'s stock, with
 * the same contracts: placing is all or nothing (numbers from {@link Order#FIRST_NUMBER}, every line's stock taken
 * only if every line has enough, or its product keeps selling when sold out; a missing or unpublished product fails
 * the stock check as the adapter's condition does); an idempotency key places once and refuses another fingerprint;
 * a change is written only if the order's version is still the one read, a cancellation's restock skips products and
 * variants that no longer exist; a provider event is stored once, with its order change, or not at all.
 */
public class InMemoryOrders implements OrderRepository, OrderAdminRepository, PaymentEvents {

    /** A provider event as stored (what the adapter's payment-event item holds). */
    public record StoredEvent(String provider, ProviderEvent event, String outcome) {}

    private record Pointer(String code, String fingerprint) {}

    private final InMemoryCatalog catalog;
    private final InMemoryDiscounts discounts;
    private final Map<TenantId, Map<Long, Order>> orders = new HashMap<>();
    private final Map<TenantId, Map<String, Pointer>> keys = new HashMap<>();
    private final Map<TenantId, Map<String, StoredEvent>> events = new HashMap<>();

    public InMemoryOrders(InMemoryCatalog catalog) {
        this(catalog, new InMemoryDiscounts());
    }

    /** Over the discount codes an order's claim is written to. */
    public InMemoryOrders(InMemoryCatalog catalog, InMemoryDiscounts discounts) {
        this.catalog = catalog;
        this.discounts = discounts;
    }

    @Override
    public Order place(TenantId tenant, Draft draft) {
        return place(tenant, draft, null);
    }

    @Override
    public synchronized Order place(TenantId tenant, Draft draft, Idempotency idempotency) {
        if (idempotency != null) {
            Optional<Order> placed = findPlaced(tenant, idempotency);
            if (placed.isPresent()) {
                return placed.get();
            }
        }
        Map<ProductId, List<OrderLine>> byProduct = new LinkedHashMap<>();
        draft.lines()
                .forEach(l -> byProduct
                        .computeIfAbsent(l.productId(), id -> new ArrayList<>())
                        .add(l));
        List<Product> taken = new ArrayList<>();
        for (List<OrderLine> group : byProduct.values()) {
            Product product = catalog.find(tenant, group.get(0).productId())
                    .filter(p -> p.status() == ProductStatus.ACTIVE)
                    .orElseThrow(() -> new OutOfStockException(group.get(0).productName()));
            Map<VariantId, Integer> wanted = new HashMap<>();
            group.forEach(l -> wanted.put(l.variantId(), l.quantity()));
            boolean enough = wanted.entrySet().stream()
                    .allMatch(w -> product.variant(w.getKey())
                            .map(v -> product.sellWhenSoldOut() || v.stock() >= w.getValue())
                            .orElse(false));
            if (!enough) {
                throw new OutOfStockException(group.get(0).productName()); // nothing written yet
            }
            taken.add(withStock(product, wanted, -1));
        }
        if (draft.discount() != null) {
            discounts.requireClaimable(tenant, draft.discount()); // nothing written yet
        }
        Map<Long, Order> store = orders.computeIfAbsent(tenant, t -> new HashMap<>());
        long number = store.keySet().stream().mapToLong(Long::longValue).max().orElse(Order.FIRST_NUMBER - 1) + 1;
        Money subtotal = draft.subtotal();
        Order order = new Order(
                number,
                draft.code(),
                draft.lines(),
                subtotal,
                draft.shipping(),
                draft.total(),
                draft.contact(),
                draft.address(),
                draft.shippingMethod(),
                draft.notes(),
                draft.paymentMethod(),
                PaymentStatus.PENDING,
                FulfilmentStatus.UNFULFILLED,
                "",
                draft.displayed(),
                List.of(new OrderEvent(draft.placedAt(), "shopper", "placed the order")),
                draft.placedAt(),
                1,
                draft.applied());
        taken.forEach(p -> catalog.put(tenant, p));
        if (draft.discount() != null) {
            discounts.claim(tenant, draft.discount());
        }
        store.put(number, order);
        if (idempotency != null) {
            keys.computeIfAbsent(tenant, t -> new HashMap<>())
                    .put(idempotency.key(), new Pointer(order.code(), idempotency.fingerprint()));
        }
        return order;
    }

    @Override
    public synchronized Optional<Order> findPlaced(TenantId tenant, Idempotency idempotency) {
        Pointer pointer = keys.getOrDefault(tenant, Map.of()).get(idempotency.key());
        if (pointer == null) {
            return Optional.empty();
        }
        if (!pointer.fingerprint().equals(idempotency.fingerprint())) {
            throw new IdempotencyKeyReusedException();
        }
        return findByCode(tenant, pointer.code());
    }

    @Override
    public synchronized Optional<Order> findByCode(TenantId tenant, String code) {
        return orders.getOrDefault(tenant, Map.of()).values().stream()
                .filter(o -> o.code().equals(code))
                .findFirst();
    }

    @Override
    public synchronized List<Order> recent(TenantId tenant, int limit) {
        return newestFirst(tenant).stream().limit(limit).toList();
    }

    @Override
    public synchronized Optional<Order> findByNumber(TenantId tenant, long number) {
        return Optional.ofNullable(orders.getOrDefault(tenant, Map.of()).get(number));
    }

    /** Newest first; {@code after} is the number of the previous page's last order. */
    @Override
    public synchronized Page<Order> list(TenantId tenant, OrderFilter filter, String after, int limit) {
        Long afterNumber = after != null && after.matches("[0-9]{1,12}") ? Long.parseLong(after) : null;
        List<Order> all = newestFirst(tenant).stream()
                .filter(o -> afterNumber == null || o.number() < afterNumber)
                .filter(filter::matches)
                .toList();
        List<Order> page = all.stream().limit(limit).toList();
        return new Page<>(
                page,
                all.size() > limit ? Long.toString(page.get(page.size() - 1).number()) : null);
    }

    @Override
    public synchronized void update(TenantId tenant, Order changed, int expectedVersion, boolean restock) {
        requireVersion(tenant, changed.number(), expectedVersion);
        if (restock) {
            Map<ProductId, Map<VariantId, Integer>> byProduct = new LinkedHashMap<>();
            changed.lines()
                    .forEach(l -> byProduct
                            .computeIfAbsent(l.productId(), id -> new HashMap<>())
                            .merge(l.variantId(), l.quantity(), Integer::sum));
            byProduct.forEach((id, quantities) ->
                    catalog.find(tenant, id).ifPresent(p -> catalog.put(tenant, withStock(p, quantities, +1))));
        }
        orders.get(tenant).put(changed.number(), changed);
    }

    @Override
    public synchronized boolean recordOnce(
            TenantId tenant,
            String provider,
            ProviderEvent event,
            String outcome,
            Order changed,
            int expectedVersion,
            boolean restock) {
        Map<String, StoredEvent> stored = events.computeIfAbsent(tenant, t -> new LinkedHashMap<>());
        String key = provider + "#" + event.id();
        if (stored.containsKey(key)) {
            return false;
        }
        if (changed != null) {
            update(tenant, changed, expectedVersion, restock);
        }
        stored.put(key, new StoredEvent(provider, event, outcome));
        return true;
    }

    /** The provider events stored for the store, in arrival order (what a test checks was recorded). */
    public synchronized List<StoredEvent> events(TenantId tenant) {
        return List.copyOf(events.getOrDefault(tenant, Map.of()).values());
    }

    private void requireVersion(TenantId tenant, long number, int expectedVersion) {
        Order current = orders.getOrDefault(tenant, Map.of()).get(number);
        if (current == null || current.version() != expectedVersion) {
            throw new OrderChangedException();
        }
    }

    private List<Order> newestFirst(TenantId tenant) {
        return orders.getOrDefault(tenant, Map.of()).values().stream()
                .sorted(Comparator.comparingLong(Order::number).reversed())
                .toList();
    }

    /** The product with each listed variant's stock moved by sign × quantity; variants it no longer has are skipped. */
    private static Product withStock(Product p, Map<VariantId, Integer> quantities, int sign) {
        List<Variant> variants = p.variants().stream()
                .map(v -> quantities.containsKey(v.id()) ? v.withStock(v.stock() + sign * quantities.get(v.id())) : v)
                .toList();
        return new Product(
                p.id(),
                p.name(),
                p.description(),
                p.status(),
                p.options(),
                variants,
                p.images(),
                p.collections(),
                p.tags(),
                p.hsCode(),
                p.originCountry(),
                p.sellWhenSoldOut(),
                p.createdAt(),
                p.updatedAt());
    }
}
