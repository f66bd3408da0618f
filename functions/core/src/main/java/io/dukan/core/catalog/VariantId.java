package io.dukan.core.catalog;

import io.dukan.core.shared.Ids;
import io.dukan.core.shared.NotFoundException;

/** A variant's id, unique within its product (and, being time-ordered and random, within the store). */
public record VariantId(String value) {

    public VariantId {
        if (!Ids.looksLikeId(value, 16)) {
            throw new IllegalArgumentException("not a variant id: " + value);
        }
    }

    public static VariantId newId() {
        return new VariantId(Ids.newId());
    }

    /** From a URL or form: anything that could not be a variant id is simply not found. */
    public static VariantId parse(String text) {
        if (!Ids.looksLikeId(text, 16)) {
            throw new NotFoundException("no such variant");
        }
        return new VariantId(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
