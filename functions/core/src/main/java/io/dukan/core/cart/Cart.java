package io.dukan.core.cart;

import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * A shopper's cart: at most one line per variant (adding a variant again adds to its line), in the order first
 * added. Immutable; every change returns a new cart. {@code id} is the secret in the shopper's cookie.
 */
public record Cart(String id, List<CartLine> lines) {

    public static final int MAX_LINES = 50;
    public static final int MAX_QUANTITY = 1000;

    public Cart {
        lines = List.copyOf(lines);
    }

    public static Cart empty(String id) {
        return new Cart(id, List.of());
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** How many items in all (what a cart link shows). */
    public int itemCount() {
        return lines.stream().mapToInt(CartLine::quantity).sum();
    }

    public int quantityOf(VariantId variant) {
        return lines.stream()
                .filter(l -> l.variantId().equals(variant))
                .mapToInt(CartLine::quantity)
                .sum();
    }

    /** Adds to the variant's line, or appends a line; the merged quantity must stay within the limit. */
    public Cart add(ProductId product, VariantId variant, int quantity) {
        requireQuantity(quantity, 1);
        List<CartLine> out = new ArrayList<>();
        boolean merged = false;
        for (CartLine line : lines) {
            if (line.variantId().equals(variant)) {
                int total = line.quantity() + quantity;
                if (total > MAX_QUANTITY) {
                    throw new InvalidInputException(
                            "quantity",
                            "at most " + MAX_QUANTITY + " of one item fit in a cart (you already have "
                                    + line.quantity() + ")");
                }
                out.add(new CartLine(line.productId(), variant, total));
                merged = true;
            } else {
                out.add(line);
            }
        }
        if (!merged) {
            if (lines.size() >= MAX_LINES) {
                throw new InvalidInputException("lines", "a cart holds at most " + MAX_LINES + " different items");
            }
            out.add(new CartLine(product, variant, quantity));
        }
        return new Cart(id, out);
    }

    /** Sets the variant's quantity; 0 removes the line. */
    public Cart change(VariantId variant, int quantity) {
        requireQuantity(quantity, 0);
        List<CartLine> out = new ArrayList<>();
        boolean found = false;
        for (CartLine line : lines) {
            if (line.variantId().equals(variant)) {
                found = true;
                if (quantity > 0) {
                    out.add(new CartLine(line.productId(), variant, quantity));
                }
            } else {
                out.add(line);
            }
        }
        if (!found) {
            throw new NotFoundException("that item is not in your cart");
        }
        return new Cart(id, out);
    }

    public Cart remove(VariantId variant) {
        return change(variant, 0);
    }

    private static void requireQuantity(int quantity, int min) {
        if (quantity < min || quantity > MAX_QUANTITY) {
            throw new InvalidInputException("quantity", "quantity must be between " + min + " and " + MAX_QUANTITY);
        }
    }
}
