package io.dukan.aws.dynamodb;

import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderFilter;
import io.dukan.core.tenant.TenantId;

/**
 * The inbox's tabs as two GSIs over the order items themselves, so every write of an order (placing it, changing
 * it) keeps its tabs right in the same request, and each inbox page is one Query:
 * <ul>
 *   <li>{@code payInbox} (sparse): "{t}#ORDERS#UNPAID" on unpaid orders that are not cancelled, absent otherwise;</li>
 *   <li>{@code shipInbox}: "{t}#ORDERS#TO_SHIP" / "#SHIPPED" / "#DELIVERED" / "#CANCELLED".</li>
 * </ul>
 * Both index partition keys begin with the tenant id (IAM LeadingKeys); both sort by the order's sort key.
 */
final class OrderInbox {

    private OrderInbox() {}

    static void index(Items item, TenantId tenant, Order order) {
        if (OrderFilter.UNPAID.matches(order)) {
            item.with(Keys.PAY_INBOX, Keys.orderInbox(tenant, OrderFilter.UNPAID.name()));
        }
        item.with(
                Keys.SHIP_INBOX,
                Keys.orderInbox(tenant, shipTab(order.fulfilmentStatus()).name()));
    }

    static OrderFilter shipTab(FulfilmentStatus status) {
        return switch (status) {
            case UNFULFILLED -> OrderFilter.TO_SHIP;
            case SHIPPED -> OrderFilter.SHIPPED;
            case DELIVERED -> OrderFilter.DELIVERED;
            case CANCELLED -> OrderFilter.CANCELLED;
        };
    }

    /** The GSI that lists a tab, or null for "all" (the orders' own partition). */
    static String indexOf(OrderFilter filter) {
        return switch (filter) {
            case UNPAID -> Keys.PAY_INBOX;
            case ALL -> null;
            default -> Keys.SHIP_INBOX;
        };
    }
}
