package io.dukan.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.catalog.Product;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.InMemoryOrdering;
import io.dukan.core.testing.PlaceOrderTestData;
import io.dukan.core.testing.ProductTestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pricing an order's lines from the catalog, and the shopper's view of placed orders, over in-memory fakes. */
class OrderServiceTest {

    final InMemoryOrdering shop = new InMemoryOrdering();
    final StoreSettings store = new StoreSettings(TenantId.newId(), new Slug("kashgar"), "Kashgar", "PKR", "PK", "en");
    final TenantId tenant = store.tenantId();

    Product inCatalog(ProductTestData data) {
        Product p = data.build();
        shop.catalog.add(tenant, p);
        return p;
    }

    static PlaceOrderCommand.Line line(Product p, int quantity) {
        return new PlaceOrderCommand.Line(p.id(), null, quantity);
    }

    @Test
    void price_takesNamesAndPricesFromTheCatalog_mergesLinesOfOneVariant_andWeighsTheParcel() {
        Product figs = inCatalog(ProductTestData.aProduct().named("Figs").pricedAt(new Money(45000, "PKR")));
        Product dates = inCatalog(ProductTestData.aProduct().named("Dates").pricedAt(new Money(30000, "PKR")));

        OrderService.PricedLines priced =
                shop.orderService.price(tenant, List.of(line(figs, 1), line(dates, 1), line(figs, 2)));

        assertThat(priced.lines())
                .extracting(OrderLine::productName, OrderLine::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Figs", 3),
                        org.assertj.core.groups.Tuple.tuple("Dates", 1));
        assertThat(priced.subtotal()).isEqualTo(new Money(165000, "PKR"));
        assertThat(priced.weightGrams()).as("500 g a variant by default").isEqualTo(2000);
    }

    @Test
    void price_needsAVariant_whenTheProductHasSeveral() {
        Product shirts = inCatalog(ProductTestData.aProduct().withOption("Size", "S", "M"));

        assertThatThrownBy(() -> shop.orderService.price(tenant, List.of(line(shirts, 1))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("choose one of the product's options");
        assertThatThrownBy(() -> shop.orderService.price(
                        tenant,
                        List.of(new PlaceOrderCommand.Line(
                                shirts.id(),
                                ProductTestData.aProduct()
                                        .build()
                                        .defaultVariant()
                                        .id(),
                                1))))
                .as("a variant of another product")
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void price_refuses_moreThanTheMaximumOfOneVariant_acrossLines() {
        Product figs = inCatalog(ProductTestData.aProduct());

        assertThatThrownBy(() -> shop.orderService.price(tenant, List.of(line(figs, 600), line(figs, 600))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("between 1 and 1000");
    }

    @Test
    void price_refuses_aTotalTooLargeToRepresent() {
        Product gold = inCatalog(ProductTestData.aProduct().pricedAt(new Money(Money.MAX_MINOR, "PKR")));

        assertThatThrownBy(() -> shop.orderService.price(tenant, List.of(line(gold, 2))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void order_isFoundByItsCode_inItsStoreOnly() {
        Product figs = inCatalog(ProductTestData.aProduct());
        Order placed =
                shop.checkout.place(store, PlaceOrderTestData.anOrderOf(figs, 1).build(), null);

        assertThat(shop.orderService.order(tenant, placed.code())).isEqualTo(placed);
        assertThatThrownBy(() -> shop.orderService.order(TenantId.newId(), placed.code()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> shop.orderService.order(tenant, "1001")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void recentOrders_areNewestFirst_andAtMost100() {
        Product figs = inCatalog(ProductTestData.aProduct().sellingWhenSoldOut());
        for (int i = 0; i < 3; i++) {
            shop.checkout.place(store, PlaceOrderTestData.anOrderOf(figs, 1).build(), null);
        }

        assertThat(shop.orderService.recentOrders(tenant, 2))
                .extracting(Order::number)
                .containsExactly(1003L, 1002L);
        assertThat(shop.orderService.recentOrders(tenant, 0)).hasSize(1);
        assertThat(shop.orderService.recentOrders(tenant, 5000)).hasSize(3);
    }
}
