package io.dukan.core.order;

import io.dukan.core.shared.Ids;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.shared.Page;
import io.dukan.core.shared.Text;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The owner's use cases on placed orders: the inbox, and each status change. A change is allowed by
 * {@link OrderAction}'s table, appended to the order's history with who and when, and written only if nobody
 * changed the order since the owner saw it ({@code seenVersion}), so of two concurrent changes one wins and the
 * other is told to reload.
 */
public class OrderAdminService {

    public static final int PAGE_SIZE = 25;

    private final OrderRepository orders;
    private final OrderAdminRepository admin;
    private final Clock clock;

    public OrderAdminService(OrderRepository orders, OrderAdminRepository admin, Clock clock) {
        this.orders = orders;
        this.admin = admin;
        this.clock = clock;
    }

    public Page<Order> inbox(TenantId tenant, OrderFilter filter, String after) {
        return admin.list(tenant, filter == null ? OrderFilter.ALL : filter, after, PAGE_SIZE);
    }

    /** The order by its public code, in this store only. */
    public Order order(TenantId tenant, String code) {
        if (!Ids.looksLikeId(code, 26)) {
            throw new NotFoundException("no such order");
        }
        return orders.findByCode(tenant, code).orElseThrow(() -> new NotFoundException("no such order"));
    }

    /** The order by its number ("1001" or "#1001"), in this store only. */
    public Order orderByNumber(TenantId tenant, String number) {
        String digits = number == null ? "" : number.strip().replaceFirst("^#", "");
        if (!digits.matches("[0-9]{1,12}")) {
            throw new NotFoundException("no such order");
        }
        return admin.findByNumber(tenant, Long.parseLong(digits))
                .orElseThrow(() -> new NotFoundException("no such order"));
    }

    public Order markPaid(TenantId tenant, String code, String actor, int seenVersion) {
        return change(tenant, code, actor, seenVersion, OrderAction.MARK_PAID, null, "marked it paid");
    }

    public Order markRefunded(TenantId tenant, String code, String actor, int seenVersion) {
        return change(tenant, code, actor, seenVersion, OrderAction.MARK_REFUNDED, null, "marked it refunded");
    }

    /** {@code carrier} may be empty; the tracking number is required (what the shopper follows the parcel with). */
    public Order markShipped(
            TenantId tenant, String code, String actor, int seenVersion, String trackingNumber, String carrier) {
        String number = Text.required("trackingNumber", trackingNumber, 100);
        String by = Text.optional("carrier", carrier, 60);
        String tracking = by.isEmpty() ? number : by + " " + number;
        return change(
                tenant,
                code,
                actor,
                seenVersion,
                OrderAction.MARK_SHIPPED,
                tracking,
                "marked it shipped, tracking " + tracking);
    }

    public Order markDelivered(TenantId tenant, String code, String actor, int seenVersion) {
        return change(tenant, code, actor, seenVersion, OrderAction.MARK_DELIVERED, null, "marked it delivered");
    }

    /** Cancels and puts every line back in stock, in one transaction with the order's change. */
    public Order cancel(TenantId tenant, String code, String actor, int seenVersion) {
        return change(tenant, code, actor, seenVersion, OrderAction.CANCEL, null, "cancelled it; stock restored");
    }

    private Order change(
            TenantId tenant,
            String code,
            String actor,
            int seenVersion,
            OrderAction action,
            String tracking,
            String what) {
        Order current = order(tenant, code);
        if (current.version() != seenVersion) {
            throw new OrderChangedException();
        }
        action.requireAllowedOn(current);
        Order changed = apply(current, action, tracking, new OrderEvent(clock.instant(), actor, what));
        admin.update(tenant, changed, current.version(), action == OrderAction.CANCEL);
        return changed;
    }

    /** The order after the action: new states, tracking (when given), one more history event, version + 1. */
    public static Order apply(Order o, OrderAction action, String tracking, OrderEvent event) {
        return next(
                o,
                action.paymentAfter(o.paymentStatus()),
                action.fulfilmentAfter(o.fulfilmentStatus()),
                tracking == null ? o.trackingNumber() : tracking,
                event);
    }

    /** The order with one more history event and nothing else changed (version + 1). */
    public static Order note(Order o, OrderEvent event) {
        return next(o, o.paymentStatus(), o.fulfilmentStatus(), o.trackingNumber(), event);
    }

    private static Order next(
            Order o, PaymentStatus payment, FulfilmentStatus fulfilment, String tracking, OrderEvent event) {
        List<OrderEvent> history = new ArrayList<>(o.history());
        history.add(event);
        return new Order(
                o.number(),
                o.code(),
                o.lines(),
                o.subtotal(),
                o.shipping(),
                o.total(),
                o.contact(),
                o.address(),
                o.shippingMethod(),
                o.notes(),
                o.paymentMethod(),
                payment,
                fulfilment,
                tracking,
                o.displayed(),
                history,
                o.placedAt(),
                o.version() + 1,
                o.discount());
    }
}
