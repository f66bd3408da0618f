package io.dukan.core.tenant;

import io.dukan.core.shared.ConflictException;

/** The store's currency cannot change once it has products: their prices are minor units of the old one. */
public class CurrencyLockedException extends ConflictException {

    public CurrencyLockedException(String current) {
        super("the currency stays " + current + " because the store already has products priced in it; "
                + "a product's price is kept in that currency's minor units and would be misread in another");
    }

    @Override
    public String code() {
        return "currency-locked";
    }
}
