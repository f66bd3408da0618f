package io.dukan.core.catalog;

import io.dukan.core.shared.ConflictException;

/**
 * A catalog write refused by the store's current state: a SKU another product holds, stock that orders moved
 * since the form was opened, a product edited meanwhile by someone else.
 */
public class CatalogConflictException extends ConflictException {

    private final String code;

    public CatalogConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public static CatalogConflictException skuTaken(String sku) {
        return new CatalogConflictException("sku-taken", "SKU " + sku + " is already used by another product");
    }

    @Override
    public String code() {
        return code;
    }
}
