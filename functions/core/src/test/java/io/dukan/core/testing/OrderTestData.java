package io.dukan.core.testing;

import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderEvent;
import io.dukan.core.order.OrderLine;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.Money;
import java.time.Instant;
import java.util.List;

/** A placed order in any state, for tests that do not go through placement. */
public final class OrderTestData {

    private OrderTestData() {}

    public static Order anOrder(PaymentStatus payment, FulfilmentStatus fulfilment) {
        return anOrder(PaymentMethod.CASH_ON_DELIVERY, payment, fulfilment, "Amina Khan", "amina@example.com");
    }

    public static Order anOrder(
            PaymentMethod method, PaymentStatus payment, FulfilmentStatus fulfilment, String name, String email) {
        OrderLine apricots = new OrderLine(
                new ProductId(Ids.newId()),
                new VariantId(Ids.newId()),
                "APR-1",
                "Dried apricots",
                "1 kg / Gift box",
                new Money(120000, "PKR"),
                2);
        OrderLine figs = new OrderLine(
                new ProductId(Ids.newId()),
                new VariantId(Ids.newId()),
                "FIG-1",
                "Figs",
                "",
                new Money(30050, "PKR"),
                1);
        Money subtotal = new Money(270050, "PKR");
        Money shipping = new Money(25000, "PKR");
        return new Order(
                1001,
                Ids.newSecret(),
                List.of(apricots, figs),
                subtotal,
                shipping,
                subtotal.plus(shipping),
                new Contact(name, "+92 300 1234567", email),
                new Address("12 Mall Road", "", "Lahore", "", "54000", "PK"),
                "Courier",
                "",
                method,
                payment,
                fulfilment,
                "",
                null,
                List.of(new OrderEvent(Instant.parse("2026-11-24T10:00:00Z"), "shopper", "placed the order")),
                Instant.parse("2026-11-24T10:00:00Z"),
                1);
    }
}
