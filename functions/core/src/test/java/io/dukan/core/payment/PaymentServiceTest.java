package io.dukan.core.payment;

import static io.dukan.core.testing.PlaceOrderTestData.anOrderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.catalog.Product;
import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderChangedException;
import io.dukan.core.order.OrderEvent;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.payment.PaymentService.Outcome;
import io.dukan.core.payment.ProviderEvent.Type;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.InMemoryOrdering;
import io.dukan.core.testing.InMemoryOrders.StoredEvent;
import io.dukan.core.testing.ProductTestData;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Provider events applied to orders over in-memory fakes: once, checked against the order, in its store only. */
class PaymentServiceTest {

    final InMemoryOrdering shop = new InMemoryOrdering();
    final StoreSettings store = new StoreSettings(TenantId.newId(), new Slug("kashgar"), "Kashgar", "PKR", "PK", "en");
    final TenantId tenant = store.tenantId();
    final Product figs = ProductTestData.aProduct()
            .pricedAt(new Money(30000, "PKR"))
            .withStock(10)
            .build();
    final Order order;

    PaymentServiceTest() {
        shop.catalog.add(tenant, figs);
        order = shop.checkout.place(store, anOrderOf(figs, 2).build(), null); // PKR 600.00
    }

    static ProviderEvent event(String id, Type type, Order o, Money amount) {
        return new ProviderEvent(id, type, o.code(), amount);
    }

    Order stored() {
        return shop.orders.findByCode(tenant, order.code()).orElseThrow();
    }

    static String lastNote(Order o) {
        return o.history().get(o.history().size() - 1).what();
    }

    @Test
    void aSucceededPayment_marksTheOrderPaid_once_andAReplayChangesNothing() {
        ProviderEvent paid = event("evt_1", Type.PAYMENT_SUCCEEDED, order, order.total());

        Outcome first = shop.payments.apply(tenant, "stripe", paid);
        Order afterFirst = stored();
        Outcome replay = shop.payments.apply(tenant, "stripe", paid);

        assertThat(first).isEqualTo(Outcome.APPLIED);
        assertThat(replay).isEqualTo(Outcome.DUPLICATE);
        assertThat(stored()).isEqualTo(afterFirst);
        assertThat(afterFirst.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(afterFirst.version()).isEqualTo(2);
        assertThat(afterFirst.history().get(afterFirst.history().size() - 1))
                .extracting(OrderEvent::actor, OrderEvent::what)
                .containsExactly("stripe", "stripe event evt_1 (payment received, PKR 600.00)");
        assertThat(shop.orders.events(tenant)).extracting(StoredEvent::outcome).containsExactly("APPLIED");
    }

    @Test
    void aPaymentOfAnotherAmount_isRecordedAndNoted_butNotApplied() {
        Outcome outcome = shop.payments.apply(
                tenant, "stripe", event("evt_short", Type.PAYMENT_SUCCEEDED, order, new Money(50000, "PKR")));

        assertThat(outcome).isEqualTo(Outcome.NOT_APPLIED);
        assertThat(stored().paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(stored().version()).isEqualTo(2);
        assertThat(lastNote(stored()))
                .contains("evt_short")
                .contains("NOT applied")
                .contains("not the order's total PKR 600.00");
        assertThat(shop.orders.events(tenant)).extracting(StoredEvent::outcome).containsExactly("NOT_APPLIED");
    }

    @Test
    void aPaymentInAnotherCurrency_isRecordedAndNoted_butNotApplied() {
        Outcome outcome = shop.payments.apply(
                tenant, "stripe", event("evt_usd", Type.PAYMENT_SUCCEEDED, order, new Money(60000, "USD")));
        Outcome noAmount =
                shop.payments.apply(tenant, "stripe", event("evt_none", Type.PAYMENT_SUCCEEDED, order, null));

        assertThat(outcome).isEqualTo(Outcome.NOT_APPLIED);
        assertThat(noAmount).isEqualTo(Outcome.NOT_APPLIED);
        assertThat(stored().paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(shop.orders.events(tenant)).hasSize(2);
    }

    @Test
    void aPaymentForACancelledOrder_isNoted_butDoesNotMarkItPaid() {
        Order cancelled = shop.admin.cancel(tenant, order.code(), "owner", order.version());

        Outcome outcome =
                shop.payments.apply(tenant, "stripe", event("evt_late", Type.PAYMENT_SUCCEEDED, order, order.total()));

        assertThat(outcome).isEqualTo(Outcome.NOT_APPLIED);
        assertThat(stored().paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(stored().fulfilmentStatus()).isEqualTo(FulfilmentStatus.CANCELLED);
        assertThat(stored().version()).isEqualTo(cancelled.version() + 1);
        assertThat(lastNote(stored()))
                .contains("NOT applied: the money arrived after the order was cancelled")
                .contains("REFUND it to the shopper");
    }

    @Test
    void anEventNamingAnotherStoresOrder_isIgnored_andRecordsNothingInEitherStore() {
        TenantId other = TenantId.newId();

        Outcome outcome =
                shop.payments.apply(other, "stripe", event("evt_x", Type.PAYMENT_SUCCEEDED, order, order.total()));

        assertThat(outcome).isEqualTo(Outcome.IGNORED);
        assertThat(stored()).isEqualTo(order);
        assertThat(shop.orders.events(other)).isEmpty();
        assertThat(shop.orders.events(tenant)).isEmpty();
    }

    @Test
    void aSecondSuccessForAPaidOrder_isAlreadyDone_andStoredWithoutChangingIt() {
        shop.payments.apply(tenant, "stripe", event("evt_1", Type.PAYMENT_SUCCEEDED, order, order.total()));
        Order paid = stored();

        Outcome again =
                shop.payments.apply(tenant, "stripe", event("evt_2", Type.PAYMENT_SUCCEEDED, order, order.total()));

        assertThat(again).isEqualTo(Outcome.ALREADY_DONE);
        assertThat(stored()).isEqualTo(paid);
        assertThat(shop.orders.events(tenant))
                .extracting(StoredEvent::outcome)
                .containsExactly("APPLIED", "ALREADY_DONE");
    }

    @Test
    void aFailedAttempt_thenASuccess_thenARefund_followTheStateTable() {
        assertThat(shop.payments.apply(tenant, "stripe", event("e1", Type.PAYMENT_FAILED, order, order.total())))
                .isEqualTo(Outcome.APPLIED);
        assertThat(stored().paymentStatus()).isEqualTo(PaymentStatus.FAILED);
        assertThat(shop.payments.apply(tenant, "stripe", event("e2", Type.PAYMENT_SUCCEEDED, order, order.total())))
                .isEqualTo(Outcome.APPLIED);
        assertThat(stored().paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(shop.payments.apply(tenant, "stripe", event("e3", Type.REFUNDED, order, order.total())))
                .isEqualTo(Outcome.APPLIED);

        assertThat(stored().paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(stored().version()).isEqualTo(4);
    }

    @Test
    void aRefundOfAnUnpaidOrder_isNotApplied() {
        Outcome outcome = shop.payments.apply(tenant, "stripe", event("e1", Type.REFUNDED, order, order.total()));

        assertThat(outcome).isEqualTo(Outcome.NOT_APPLIED);
        assertThat(stored().paymentStatus()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void otherEventTypes_areIgnored_andEventsWithoutAUsableId_refused() {
        assertThat(shop.payments.apply(tenant, "stripe", event("e1", Type.OTHER, order, order.total())))
                .isEqualTo(Outcome.IGNORED);
        assertThatThrownBy(() -> shop.payments.apply(
                        tenant, "stripe", event("evt 1; drop", Type.PAYMENT_SUCCEEDED, order, order.total())))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> shop.payments.apply(
                        tenant, "stripe", event(null, Type.PAYMENT_SUCCEEDED, order, order.total())))
                .isInstanceOf(InvalidInputException.class);
        assertThat(stored()).isEqualTo(order);
        assertThat(shop.orders.events(tenant)).isEmpty();
    }

    @Test
    void anOrderChangedBetweenReadingAndWriting_isReadAgain_andTheEventApplied() {
        AtomicInteger calls = new AtomicInteger();
        PaymentEvents racing = (t, provider, e, outcome, changed, expected, restock) -> {
            if (calls.incrementAndGet() == 1) { // the owner ships the order just before the event is written
                Order current = stored();
                shop.admin.markShipped(tenant, current.code(), "owner", current.version(), "T1", "");
            }
            return shop.orders.recordOnce(t, provider, e, outcome, changed, expected, restock);
        };
        PaymentService payments = new PaymentService(shop.orders, racing, shop.clock);

        Outcome outcome =
                payments.apply(tenant, "stripe", event("evt_1", Type.PAYMENT_SUCCEEDED, order, order.total()));

        assertThat(outcome).isEqualTo(Outcome.APPLIED);
        assertThat(calls).hasValue(2);
        assertThat(stored().paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(stored().fulfilmentStatus()).isEqualTo(FulfilmentStatus.SHIPPED);
        assertThat(stored().version()).isEqualTo(3);
    }

    @Test
    void anOrderThatKeepsChanging_givesUpAfterFiveAttempts_leavingTheEventForTheProvidersRetry() {
        PaymentEvents alwaysRaced = (t, provider, e, outcome, changed, expected, restock) -> {
            throw new OrderChangedException();
        };
        PaymentService payments = new PaymentService(shop.orders, alwaysRaced, shop.clock);

        assertThatThrownBy(() ->
                        payments.apply(tenant, "stripe", event("evt_1", Type.PAYMENT_SUCCEEDED, order, order.total())))
                .isInstanceOf(OrderChangedException.class);
        assertThat(shop.orders.events(tenant)).isEmpty();
    }
}
