package io.dukan.core.cart;

import io.dukan.core.shared.ConflictException;

/** The shopper asked for more than the store has of a variant (the cart is left as it was). */
public class NotEnoughStockException extends ConflictException {

    public NotEnoughStockException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "out-of-stock";
    }
}
