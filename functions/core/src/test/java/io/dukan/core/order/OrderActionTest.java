package io.dukan.core.order;

import static io.dukan.core.order.FulfilmentStatus.CANCELLED;
import static io.dukan.core.order.FulfilmentStatus.DELIVERED;
import static io.dukan.core.order.FulfilmentStatus.SHIPPED;
import static io.dukan.core.order.FulfilmentStatus.UNFULFILLED;
import static io.dukan.core.order.PaymentStatus.FAILED;
import static io.dukan.core.order.PaymentStatus.PAID;
import static io.dukan.core.order.PaymentStatus.PENDING;
import static io.dukan.core.order.PaymentStatus.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.testing.OrderTestData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderActionTest {

    /** The whole table: every action from every state, allowed ("yes") or refused ("-"). */
    @ParameterizedTest(name = "{0} from {1}/{2}: {3}")
    @CsvSource({
        "MARK_PAID, PENDING, UNFULFILLED, yes",
        "MARK_PAID, FAILED, UNFULFILLED, yes",
        "MARK_PAID, PENDING, SHIPPED, yes",
        "MARK_PAID, PENDING, DELIVERED, yes",
        "MARK_PAID, PAID, UNFULFILLED, -",
        "MARK_PAID, REFUNDED, UNFULFILLED, -",
        "MARK_PAID, PENDING, CANCELLED, -",
        "MARK_REFUNDED, PAID, UNFULFILLED, yes",
        "MARK_REFUNDED, PAID, CANCELLED, yes",
        "MARK_REFUNDED, PAID, DELIVERED, yes",
        "MARK_REFUNDED, PENDING, UNFULFILLED, -",
        "MARK_REFUNDED, REFUNDED, CANCELLED, -",
        "MARK_SHIPPED, PENDING, UNFULFILLED, yes",
        "MARK_SHIPPED, PAID, UNFULFILLED, yes",
        "MARK_SHIPPED, PAID, SHIPPED, -",
        "MARK_SHIPPED, PENDING, CANCELLED, -",
        "MARK_SHIPPED, REFUNDED, UNFULFILLED, -",
        "MARK_SHIPPED, PAID, DELIVERED, -",
        "MARK_DELIVERED, PAID, SHIPPED, yes",
        "MARK_DELIVERED, PENDING, UNFULFILLED, yes",
        "MARK_DELIVERED, PAID, DELIVERED, -",
        "MARK_DELIVERED, PAID, CANCELLED, -",
        "CANCEL, PENDING, UNFULFILLED, yes",
        "CANCEL, PAID, UNFULFILLED, yes",
        "CANCEL, PENDING, CANCELLED, -",
        "CANCEL, PAID, SHIPPED, -",
        "CANCEL, PAID, DELIVERED, -",
        "MARK_PAYMENT_FAILED, PENDING, UNFULFILLED, yes",
        "MARK_PAYMENT_FAILED, PAID, UNFULFILLED, -",
        "MARK_PAYMENT_FAILED, PENDING, CANCELLED, -",
        "RELEASE_UNPAID, PENDING, UNFULFILLED, yes",
        "RELEASE_UNPAID, FAILED, UNFULFILLED, yes",
        "RELEASE_UNPAID, PAID, UNFULFILLED, -",
        "RELEASE_UNPAID, PENDING, SHIPPED, -",
        "RELEASE_UNPAID, PENDING, CANCELLED, -"
    })
    void stateTable(OrderAction action, PaymentStatus payment, FulfilmentStatus fulfilment, String allowed) {
        assertThat(action.allowedFrom(payment, fulfilment)).isEqualTo(allowed.equals("yes"));
    }

    @Test
    void aCancelledOrder_cannotBeShipped_paidOrCancelledAgain_andSaysWhy() {
        Order cancelled = OrderTestData.anOrder(PENDING, CANCELLED);
        for (OrderAction action : List.of(
                OrderAction.MARK_SHIPPED, OrderAction.MARK_PAID, OrderAction.CANCEL, OrderAction.MARK_DELIVERED)) {
            assertThatThrownBy(() -> action.requireAllowedOn(cancelled))
                    .isInstanceOf(OrderStateException.class)
                    .hasMessageContaining("#1001")
                    .hasMessageContaining("it is cancelled");
        }
    }

    @Test
    void refusals_nameTheStateThatBlocksThem() {
        assertThatThrownBy(() -> OrderAction.MARK_PAID.requireAllowedOn(OrderTestData.anOrder(PAID, UNFULFILLED)))
                .hasMessage("Order #1001 can't mark it paid: its payment is paid.");
        assertThatThrownBy(() -> OrderAction.CANCEL.requireAllowedOn(OrderTestData.anOrder(PAID, SHIPPED)))
                .hasMessage("Order #1001 can't cancel it: it is already shipped.");
        assertThatThrownBy(
                        () -> OrderAction.MARK_SHIPPED.requireAllowedOn(OrderTestData.anOrder(REFUNDED, UNFULFILLED)))
                .hasMessage("Order #1001 can't ship it: it was refunded.");
    }

    @Test
    void apply_movesOnlyTheActionsStatus_appendsHistory_andBumpsTheVersion() {
        Order placed = OrderTestData.anOrder(PENDING, UNFULFILLED);
        OrderEvent event = new OrderEvent(Instant.parse("2026-11-25T09:00:00Z"), "owner@example.com", "shipped");

        Order shipped = OrderAdminService.apply(placed, OrderAction.MARK_SHIPPED, "TCS 123", event);

        assertThat(shipped.fulfilmentStatus()).isEqualTo(SHIPPED);
        assertThat(shipped.paymentStatus()).isEqualTo(PENDING);
        assertThat(shipped.trackingNumber()).isEqualTo("TCS 123");
        assertThat(shipped.history()).hasSize(2).last().isEqualTo(event);
        assertThat(shipped.version()).isEqualTo(placed.version() + 1);
        assertThat(placed.history()).hasSize(1);
    }

    @Test
    void everyStateCombination_isCoveredByTheTable_withoutAnActionThatLeadsNowhere() {
        List<String> stuck = new ArrayList<>();
        for (PaymentStatus p : PaymentStatus.values()) {
            for (FulfilmentStatus f : FulfilmentStatus.values()) {
                for (OrderAction a : OrderAction.values()) {
                    if (a.allowedFrom(p, f) && a.paymentAfter(p) == p && a.fulfilmentAfter(f) == f) {
                        stuck.add(a + " from " + p + "/" + f);
                    }
                }
            }
        }
        assertThat(stuck).as("an allowed action must change something").isEmpty();
        assertThat(OrderAction.CANCEL.allowedFrom(PAID, DELIVERED)).isFalse();
        assertThat(OrderAction.MARK_PAID.allowedFrom(FAILED, UNFULFILLED)).isTrue();
    }
}
