package io.dukan.core.order;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.catalog.Variant;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order's lines priced from the catalog (placing is {@link io.dukan.core.checkout.CheckoutService}'s, which adds
 * delivery and the payment method), and the shopper's view of placed orders.
 */
public class OrderService {

    private final ProductRepository products;
    private final OrderRepository orders;

    public OrderService(ProductRepository products, OrderRepository orders) {
        this.products = products;
        this.orders = orders;
    }

    /** Lines aggregated per variant and snapshotted from the catalog, with the parcel's weight. */
    public record PricedLines(List<OrderLine> lines, long weightGrams) {

        public Money subtotal() {
            return lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
        }
    }

    /**
     * Reads each line's product and variant now (prices are never taken from the shopper) and merges lines of one
     * variant (SKU): two lines of one variant must not each pass the stock check alone.
     */
    public PricedLines price(TenantId tenant, List<PlaceOrderCommand.Line> commandLines) {
        Map<ProductId, Product> seen = new LinkedHashMap<>();
        Map<VariantId, Integer> quantities = new LinkedHashMap<>();
        Map<VariantId, Product> productOf = new LinkedHashMap<>();
        for (PlaceOrderCommand.Line line : commandLines) {
            Product product = seen.computeIfAbsent(
                    line.productId(),
                    id -> products.find(tenant, id)
                            .filter(Product::visibleToShoppers)
                            .orElseThrow(() -> new InvalidInputException(
                                    "productId", "a product in this order is no longer sold")));
            Variant variant = line.variantId() == null
                    ? onlyVariant(product)
                    : product.variant(line.variantId())
                            .orElseThrow(() ->
                                    new InvalidInputException("variantId", "choose one of the product's options"));
            quantities.merge(variant.id(), line.quantity(), Integer::sum);
            productOf.put(variant.id(), product);
        }
        List<OrderLine> lines = new ArrayList<>();
        long weight = 0;
        for (Map.Entry<VariantId, Integer> entry : quantities.entrySet()) {
            Product product = productOf.get(entry.getKey());
            Variant variant = product.variant(entry.getKey()).orElseThrow();
            if (entry.getValue() > PlaceOrderCommand.MAX_QUANTITY) {
                throw new InvalidInputException(
                        "quantity", "quantity must be between 1 and " + PlaceOrderCommand.MAX_QUANTITY);
            }
            lines.add(new OrderLine(
                    product.id(),
                    variant.id(),
                    variant.sku(),
                    product.name(),
                    variant.title(),
                    variant.price(),
                    entry.getValue()));
            weight += (long) variant.weightGrams() * entry.getValue();
        }
        requireRepresentableTotal(lines);
        return new PricedLines(lines, weight);
    }

    private static Variant onlyVariant(Product product) {
        if (product.variants().size() != 1) {
            throw new InvalidInputException("variantId", "choose one of the product's options");
        }
        return product.defaultVariant();
    }

    /** Refuses, as bad input, an order whose total would not fit in an amount (no SME order comes near it). */
    private static void requireRepresentableTotal(List<OrderLine> lines) {
        try {
            lines.stream().map(OrderLine::lineTotal).reduce(Money::plus);
        } catch (ArithmeticException | IllegalArgumentException tooLarge) {
            throw new InvalidInputException("quantity", "the order total is too large; please order less");
        }
    }

    public Order order(TenantId tenant, String code) {
        if (!Ids.looksLikeId(code, 26)) {
            throw new NotFoundException("no such order");
        }
        return orders.findByCode(tenant, code).orElseThrow(() -> new NotFoundException("no such order"));
    }

    public List<Order> recentOrders(TenantId tenant, int limit) {
        return orders.recent(tenant, Math.max(1, Math.min(limit, 100)));
    }
}
