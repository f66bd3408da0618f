package io.dukan.core.cart;

import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Text;

/** "Add this to my cart", as the product page's form sends it; {@code variantId} is null for a single-variant product. */
public record AddToCartCommand(ProductId productId, VariantId variantId, int quantity) {

    public AddToCartCommand {
        if (productId == null) {
            throw new InvalidInputException("productId", "choose a product");
        }
        if (quantity < 1 || quantity > Cart.MAX_QUANTITY) {
            throw new InvalidInputException("quantity", "quantity must be between 1 and " + Cart.MAX_QUANTITY);
        }
    }

    /** From form fields; anything that is not an id is "no such product/variant", not a crash. */
    public static AddToCartCommand of(String productId, String variantId, String quantity) {
        if (!Ids.looksLikeId(productId, 16)) {
            throw new InvalidInputException("productId", "choose a product");
        }
        VariantId variant = null;
        if (variantId != null && !variantId.isBlank()) {
            if (!Ids.looksLikeId(variantId.strip(), 16)) {
                throw new InvalidInputException("variantId", "choose one of the product's options");
            }
            variant = new VariantId(variantId.strip());
        }
        return new AddToCartCommand(
                new ProductId(productId),
                variant,
                quantity(quantity == null || quantity.isBlank() ? "1" : quantity, 1));
    }

    /** A quantity typed into a form, between {@code min} and the cart's limit. */
    public static int quantity(String text, int min) {
        String v = Text.optional("quantity", text, 12);
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    "quantity", "quantity must be a whole number between " + min + " and " + Cart.MAX_QUANTITY);
        }
        if (n < min || n > Cart.MAX_QUANTITY) {
            throw new InvalidInputException(
                    "quantity", "quantity must be between " + min + " and " + Cart.MAX_QUANTITY);
        }
        return n;
    }
}
