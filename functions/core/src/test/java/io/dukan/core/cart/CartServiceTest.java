package io.dukan.core.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.InMemoryCarts;
import io.dukan.core.testing.InMemoryCatalog;
import io.dukan.core.testing.ProductTestData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CartServiceTest {

    final TenantId tenant = TenantId.newId();
    final InMemoryCatalog catalog = new InMemoryCatalog();
    final InMemoryCarts carts = new InMemoryCarts();
    final Instant now = Instant.parse("2026-11-24T10:00:00Z");
    final CartService service = new CartService(catalog, carts, Clock.fixed(now, ZoneOffset.UTC));
    final String cartId = CartService.newCartId();

    Product product(ProductTestData data) {
        Product p = data.build();
        catalog.add(tenant, p);
        return p;
    }

    @Test
    void add_refusesAnUnknownVariant_anUnknownProduct_andADraft_writingNothing() {
        Product sizes = product(ProductTestData.aProduct().withOption("Size", "S", "M"));
        Product draft = product(ProductTestData.aProduct().withStatus(ProductStatus.DRAFT));

        assertThatThrownBy(() -> service.add(tenant, cartId, new AddToCartCommand(sizes.id(), VariantId.newId(), 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("options");
        assertThatThrownBy(() -> service.add(tenant, cartId, new AddToCartCommand(sizes.id(), null, 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.add(tenant, cartId, new AddToCartCommand(ProductId.newId(), null, 1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.add(tenant, cartId, new AddToCartCommand(draft.id(), null, 1)))
                .isInstanceOf(NotFoundException.class);
        assertThat(carts.size()).isZero();
    }

    @Test
    void add_refusesMoreThanTheStock_countingWhatIsAlreadyInTheCart_unlessTheProductSellsWhenSoldOut() {
        Product figs = product(ProductTestData.aProduct().withStock(3));
        Product madeToOrder = product(ProductTestData.aProduct().withStock(0).sellingWhenSoldOut());
        service.add(tenant, cartId, new AddToCartCommand(figs.id(), null, 2));

        assertThatThrownBy(() -> service.add(tenant, cartId, new AddToCartCommand(figs.id(), null, 2)))
                .isInstanceOf(NotEnoughStockException.class)
                .hasMessageContaining("only 3");
        assertThat(service.cart(tenant, cartId).quantityOf(figs.defaultVariant().id()))
                .isEqualTo(2);
        assertThat(service.add(tenant, cartId, new AddToCartCommand(madeToOrder.id(), null, 7))
                        .quantityOf(madeToOrder.defaultVariant().id()))
                .isEqualTo(7);
    }

    @Test
    void aCartIsForgotten_aLifetimeAfterItsLastChange() {
        Product figs = product(ProductTestData.aProduct());
        service.add(tenant, cartId, new AddToCartCommand(figs.id(), null, 1));
        CartService later =
                new CartService(catalog, carts, Clock.fixed(now.plus(CartService.LIFETIME), ZoneOffset.UTC));

        assertThat(service.cart(tenant, cartId).isEmpty()).isFalse();
        assertThat(later.cart(tenant, cartId).isEmpty()).isTrue();
        assertThatThrownBy(
                        () -> later.change(tenant, cartId, figs.defaultVariant().id(), 2))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void price_readsTodaysPricesAndWeights_andSetsAsideLinesNoLongerSold() {
        Product figs = product(ProductTestData.aProduct().pricedAt(new Money(45000, "PKR")));
        Product gone = product(ProductTestData.aProduct());
        service.add(tenant, cartId, new AddToCartCommand(figs.id(), null, 2));
        service.add(tenant, cartId, new AddToCartCommand(gone.id(), null, 1));
        catalog.put(
                tenant,
                new Product(
                        gone.id(),
                        gone.name(),
                        "",
                        ProductStatus.ARCHIVED,
                        gone.options(),
                        gone.variants(),
                        gone.images(),
                        gone.collections(),
                        gone.tags(),
                        "",
                        "",
                        false,
                        gone.createdAt(),
                        gone.updatedAt()));

        PricedCart priced = service.price(tenant, service.cart(tenant, cartId), "PKR");

        assertThat(priced.subtotal()).isEqualTo(new Money(90000, "PKR"));
        assertThat(priced.weightGrams()).isEqualTo(1000);
        assertThat(priced.unavailable()).hasSize(1);
    }
}
