package io.dukan.core.tenant;

import io.dukan.core.shared.ConflictException;

public class StoreSlugTakenException extends ConflictException {

    public StoreSlugTakenException(Slug slug) {
        super("the store address '" + slug + "' is already taken, please choose another");
    }

    @Override
    public String code() {
        return "slug-taken";
    }
}
