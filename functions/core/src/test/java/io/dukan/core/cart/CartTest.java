package io.dukan.core.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import org.junit.jupiter.api.Test;

class CartTest {

    final ProductId product = ProductId.newId();
    final VariantId small = VariantId.newId();
    final VariantId large = VariantId.newId();

    @Test
    void add_mergesLinesOfTheSameVariant_keepingTheOrderFirstAdded() {
        Cart cart =
                Cart.empty("c").add(product, small, 1).add(product, large, 2).add(product, small, 3);

        assertThat(cart.lines()).containsExactly(new CartLine(product, small, 4), new CartLine(product, large, 2));
        assertThat(cart.itemCount()).isEqualTo(6);
    }

    @Test
    void add_refusesAMergedQuantityAboveTheLimit_andQuantitiesBelowOne() {
        Cart cart = Cart.empty("c").add(product, small, Cart.MAX_QUANTITY - 1);

        assertThatThrownBy(() -> cart.add(product, small, 2))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("you already have 999");
        assertThatThrownBy(() -> cart.add(product, small, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cart.add(product, small, -1)).isInstanceOf(InvalidInputException.class);
        assertThat(cart.add(product, small, 1).quantityOf(small)).isEqualTo(Cart.MAX_QUANTITY);
    }

    @Test
    void add_refusesMoreThanTheMaximumNumberOfLines() {
        Cart cart = Cart.empty("c");
        for (int i = 0; i < Cart.MAX_LINES; i++) {
            cart = cart.add(product, VariantId.newId(), 1);
        }
        Cart full = cart;
        assertThatThrownBy(() -> full.add(product, VariantId.newId(), 1)).hasMessageContaining("at most 50");
        assertThat(full.add(product, full.lines().get(0).variantId(), 1).lines())
                .hasSize(Cart.MAX_LINES);
    }

    @Test
    void change_setsTheQuantity_zeroRemovesTheLine_andAnAbsentVariantIsNotFound() {
        Cart cart = Cart.empty("c").add(product, small, 1).add(product, large, 1);

        assertThat(cart.change(small, 5).quantityOf(small)).isEqualTo(5);
        assertThat(cart.change(small, 0).lines()).containsExactly(new CartLine(product, large, 1));
        assertThat(cart.remove(large).lines()).containsExactly(new CartLine(product, small, 1));
        assertThatThrownBy(() -> cart.change(VariantId.newId(), 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cart.change(small, 1001)).isInstanceOf(InvalidInputException.class);
    }
}
