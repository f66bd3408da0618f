package io.dukan.core.cart;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.Variant;
import io.dukan.core.shared.Money;
import java.util.List;

/**
 * A cart with today's catalog prices. Lines whose product is no longer sold (or whose variant is gone) are listed
 * in {@code unavailable} and left out of the subtotal; the checkout refuses a cart that has any.
 */
public record PricedCart(Cart cart, List<Line> lines, List<CartLine> unavailable, Money subtotal, long weightGrams) {

    public PricedCart {
        lines = List.copyOf(lines);
        unavailable = List.copyOf(unavailable);
    }

    /** A line with its product and variant as the catalog has them now. */
    public record Line(Product product, Variant variant, int quantity) {

        public Money total() {
            return variant.price().times(quantity);
        }

        /** More in the cart than the store has (and it does not sell past zero). */
        public boolean exceedsStock() {
            return !product.sellWhenSoldOut() && variant.stock() < quantity;
        }

        public String description() {
            return variant.title().isEmpty() ? product.name() : product.name() + " — " + variant.title();
        }
    }

    /** The same cart with its products' words in {@code language} (names and option values; prices unchanged). */
    public PricedCart in(String language) {
        List<Line> shown = lines.stream()
                .map(l -> {
                    Product p = l.product().in(language);
                    return new Line(p, p.variant(l.variant().id()).orElse(l.variant()), l.quantity());
                })
                .toList();
        return new PricedCart(cart, shown, unavailable, subtotal, weightGrams);
    }

    public boolean isEmpty() {
        return lines.isEmpty() && unavailable.isEmpty();
    }
}
