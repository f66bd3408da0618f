package io.dukan.core.catalog;

import io.dukan.core.shared.Ids;
import io.dukan.core.shared.NotFoundException;

public record CollectionId(String value) {

    public CollectionId {
        if (!Ids.looksLikeId(value, 16)) {
            throw new IllegalArgumentException("not a collection id: " + value);
        }
    }

    public static CollectionId newId() {
        return new CollectionId(Ids.newId());
    }

    /** From a URL or form: anything that could not be a collection id is simply not found. */
    public static CollectionId parse(String text) {
        if (!Ids.looksLikeId(text, 16)) {
            throw new NotFoundException("no such collection");
        }
        return new CollectionId(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
