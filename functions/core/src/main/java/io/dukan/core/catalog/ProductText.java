package io.dukan.core.catalog;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A product's words in one of the store's extra languages, kept inside the product (one item, one read). Every
 * field may be "" (or a list shorter than the product's): the primary language's text shows there instead. Option
 * names, option values and image alt texts follow the product's own order.
 */
public record ProductText(
        String name,
        String description,
        List<String> optionNames,
        List<List<String>> optionValues,
        List<String> imageAlts) {

    public static final ProductText EMPTY = new ProductText("", "", List.of(), List.of(), List.of());

    public ProductText {
        name = Text.optional("name", name, 120);
        description = Text.optional("description", description, 5000);
        optionNames = clean(optionNames, "option name", 40);
        List<List<String>> values = new ArrayList<>();
        for (List<String> v : optionValues == null ? List.<List<String>>of() : optionValues) {
            values.add(clean(v, "option value", 60));
        }
        optionValues = List.copyOf(values);
        imageAlts = clean(imageAlts, "alt", 200);
    }

    public boolean isEmpty() {
        return name.isEmpty()
                && description.isEmpty()
                && optionNames.stream().allMatch(String::isEmpty)
                && optionValues.stream().flatMap(List::stream).allMatch(String::isEmpty)
                && imageAlts.stream().allMatch(String::isEmpty);
    }

    /** The k-th entry, or "" when the list is shorter. */
    public static String at(List<String> list, int k) {
        return k < list.size() ? list.get(k) : "";
    }

    public String optionValue(int option, int value) {
        return option < optionValues.size() ? at(optionValues.get(option), value) : "";
    }

    private static List<String> clean(List<String> list, String field, int max) {
        if (list == null) {
            return List.of();
        }
        if (list.size() > SaveProductCommand.MAX_OPTION_VALUES) {
            throw new InvalidInputException(field, "too many translations");
        }
        List<String> out = new ArrayList<>();
        for (String s : list) {
            out.add(Text.optional(field, s == null ? "" : s, max));
        }
        return List.copyOf(out);
    }
}
