package io.dukan.core.catalog;

import java.util.List;

/** One way a product varies, e.g. "Size" with values S, M, L. A product has at most three. */
public record ProductOption(String name, List<String> values) {

    public ProductOption {
        values = List.copyOf(values);
    }
}
