package io.dukan.core.shipping;

import io.dukan.core.shared.InvalidInputException;

/** No shipping zone of the store covers the address's country (or region). */
public class UnservedDestinationException extends InvalidInputException {

    public UnservedDestinationException(String country) {
        super(
                "country",
                "sorry, this store does not deliver to " + Countries.name(country)
                        + " yet; choose another country or contact the store");
    }

    @Override
    public String code() {
        return "unserved-destination";
    }
}
