package io.dukan.core.order;

import io.dukan.core.shared.ConflictException;

public class OutOfStockException extends ConflictException {

    public OutOfStockException(String productName) {
        super("not enough stock of '" + productName + "' for this order; nothing was ordered");
    }

    @Override
    public String code() {
        return "out-of-stock";
    }
}
