package io.dukan.core.order;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shoppers place orders; the owner reads them. */
public class OrderService {

    private final ProductRepository products;
    private final OrderRepository orders;
    private final Clock clock;

    public OrderService(ProductRepository products, OrderRepository orders, Clock clock) {
        this.products = products;
        this.orders = orders;
        this.clock = clock;
    }

    public Order place(TenantId tenant, PlaceOrderCommand command) {
        // One line per product: a transaction may touch an item only once, and two lines of one product
        // must not each pass the stock check alone.
        Map<ProductId, Integer> quantities = new LinkedHashMap<>();
        for (PlaceOrderCommand.Line line : command.lines()) {
            quantities.merge(line.productId(), line.quantity(), Integer::sum);
        }
        List<OrderLine> lines = new ArrayList<>();
        for (Map.Entry<ProductId, Integer> entry : quantities.entrySet()) {
            Product product = products.find(tenant, entry.getKey())
                    .orElseThrow(() -> new InvalidInputException("productId", "a product in this order no longer exists"));
            if (entry.getValue() > PlaceOrderCommand.MAX_QUANTITY) {
                throw new InvalidInputException("quantity", "quantity must be between 1 and " + PlaceOrderCommand.MAX_QUANTITY);
            }
            lines.add(new OrderLine(product.id(), product.name(), product.price(), entry.getValue()));
        }
        requireRepresentableTotal(lines);
        return orders.place(tenant, new OrderRepository.Draft(Ids.newSecret(), lines, command.customerName(),
                command.phone(), command.address(), command.paymentMethod(), clock.instant()));
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
