package io.dukan.core.payment;

import io.dukan.core.order.Order;
import io.dukan.core.order.OrderAction;
import io.dukan.core.order.OrderAdminService;
import io.dukan.core.order.OrderChangedException;
import io.dukan.core.order.OrderEvent;
import io.dukan.core.order.OrderRepository;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Applies providers' events to orders, each event once: the event is stored under its id in the same
 * transaction as the order's change, so a replayed webhook finds it stored and changes nothing. An event whose
 * amount or currency is not the order's total, or that the order's state does not allow (paid after it was
 * cancelled), is stored and noted in the order's history for the owner, but changes no status.
 */
public class PaymentService {

    /** What happened to an event. */
    public enum Outcome {
        APPLIED,
        NOT_APPLIED,
        ALREADY_DONE,
        DUPLICATE,
        IGNORED
    }

    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int ATTEMPTS = 5;

    private final OrderRepository orders;
    private final PaymentEvents events;
    private final Clock clock;

    public PaymentService(OrderRepository orders, PaymentEvents events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    public Outcome apply(TenantId tenant, String provider, ProviderEvent event) {
        if (event.id() == null || !EVENT_ID.matcher(event.id()).matches()) {
            throw new InvalidInputException("id", "the event has no usable id");
        }
        OrderAction action = switch (event.type()) {
            case PAYMENT_SUCCEEDED -> OrderAction.MARK_PAID;
            case PAYMENT_FAILED -> OrderAction.MARK_PAYMENT_FAILED;
            case PAYMENT_ENDED -> OrderAction.RELEASE_UNPAID;
            case REFUNDED -> OrderAction.MARK_REFUNDED;
            case OTHER -> null;
        };
        if (action == null) {
            return Outcome.IGNORED;
        }
        for (int attempt = 1; ; attempt++) {
            Optional<Order> found = Ids.looksLikeId(event.orderCode(), 26)
                    ? orders.findByCode(tenant, event.orderCode())
                    : Optional.empty();
            if (found.isEmpty()) {
                return Outcome.IGNORED; // not an order of this store: nothing to record in its partition
            }
            Order order = found.get();
            try {
                return decideAndRecord(tenant, provider, event, action, order);
            } catch (OrderChangedException raced) {
                if (attempt >= ATTEMPTS) {
                    throw raced; // the provider retries the webhook later
                }
            }
        }
    }

    private Outcome decideAndRecord(
            TenantId tenant, String provider, ProviderEvent event, OrderAction action, Order order) {
        String what = provider + " event " + event.id() + " (" + describe(event) + ")";
        Outcome outcome;
        Order changed;
        boolean amountOptional = event.type() == ProviderEvent.Type.PAYMENT_ENDED && event.amount() == null;
        if (!amountOptional && (event.amount() == null || !event.amount().equals(order.total()))) {
            outcome = Outcome.NOT_APPLIED;
            changed = OrderAdminService.note(
                    order,
                    new OrderEvent(
                            clock.instant(),
                            provider,
                            what
                                    + " NOT applied: the amount is not the order's total "
                                    + order.total().format()
                                    + "; check it in your " + provider + " dashboard"));
        } else if (action.paymentAfter(order.paymentStatus()) == order.paymentStatus()
                && order.paymentStatus() != PaymentStatus.PENDING) {
            outcome = Outcome.ALREADY_DONE;
            changed = null;
        } else if (!action.allowedOn(order) && action == OrderAction.MARK_PAID) {
            outcome = Outcome.NOT_APPLIED;
            changed = OrderAdminService.note(
                    order,
                    new OrderEvent(
                            clock.instant(),
                            provider,
                            what
                                    + " NOT applied: the money arrived after the order was "
                                    + (order.fulfilmentStatus() == io.dukan.core.order.FulfilmentStatus.CANCELLED
                                            ? "cancelled"
                                            : order.paymentStatus().name().toLowerCase(java.util.Locale.ROOT))
                                    + "; REFUND it to the shopper from your " + provider + " account"));
        } else if (!action.allowedOn(order)) {
            outcome = Outcome.NOT_APPLIED;
            changed = OrderAdminService.note(
                    order,
                    new OrderEvent(
                            clock.instant(),
                            provider,
                            what
                                    + " NOT applied: the order is "
                                    + order.paymentStatus().name().toLowerCase(java.util.Locale.ROOT)
                                    + " / " + order.fulfilmentStatus().name().toLowerCase(java.util.Locale.ROOT)
                                    + "; check it in your " + provider + " dashboard"));
        } else {
            outcome = Outcome.APPLIED;
            changed = OrderAdminService.apply(order, action, null, new OrderEvent(clock.instant(), provider, what));
        }
        boolean restock = outcome == Outcome.APPLIED && action == OrderAction.RELEASE_UNPAID;
        boolean stored = events.recordOnce(tenant, provider, event, outcome.name(), changed, order.version(), restock);
        return stored ? outcome : Outcome.DUPLICATE;
    }

    private static String describe(ProviderEvent event) {
        String kind = switch (event.type()) {
            case PAYMENT_SUCCEEDED -> "payment received";
            case PAYMENT_FAILED -> "payment failed";
            case PAYMENT_ENDED -> "payment ended unpaid; stock released";
            case REFUNDED -> "refunded";
            case OTHER -> "other";
        };
        return event.amount() == null ? kind : kind + ", " + event.amount().format();
    }
}
