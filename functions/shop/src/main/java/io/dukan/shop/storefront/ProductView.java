package io.dukan.shop.storefront;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.Variant;
import java.util.List;
import java.util.Map;

/** The product page: the product, its image URLs, the variant shown, a refusal to show (null: none), what was typed. */
public record ProductView(
        Product product,
        List<String> images,
        Variant chosen,
        String error,
        Map<String, String> typed,
        String csrf,
        List<String> thumbnails) {

    /** Without separate thumbnails: the page's own images are shown small too. */
    public ProductView(
            Product product,
            List<String> images,
            Variant chosen,
            String error,
            Map<String, String> typed,
            String csrf) {
        this(product, images, chosen, error, typed, csrf, images);
    }

    /** The 320 px rendition of image {@code i} (for srcset and the thumbnails). */
    public String thumbnail(int i) {
        return i < thumbnails.size() ? thumbnails.get(i) : images.get(i);
    }

    /** One option (Size) and its values as the shopper can choose them. */
    public record OptionChoices(String name, List<Choice> values) {}

    /**
     * One value of an option. {@code variantId} is the variant choosing it leads to (null: it cannot be chosen);
     * {@code missing} is null when it can be chosen, else "soldOut" (such variants exist but none can be bought) or
     * "none" (no variant has it with the values chosen before it).
     */
    public record Choice(String value, boolean selected, String variantId, String missing) {}

    /** Whether the page shows one choice per option (a product with options and more than one variant). */
    public boolean picker() {
        return product.variants().size() > 1
                && !product.options().isEmpty()
                && product.variants().stream()
                        .allMatch(v ->
                                v.optionValues().size() == product.options().size());
    }

    /**
     * The choices per option, worked out without JavaScript: option {@code i}'s value {@code x} leads to a variant a
     * shopper can buy that keeps the values chosen for the options before it and has {@code x}, preferring the one
     * that keeps most of the later choices; when there is none, the value is shown disabled.
     */
    public List<OptionChoices> choices() {
        List<OptionChoices> all = new java.util.ArrayList<>();
        List<String> current = chosen.optionValues();
        for (int i = 0; i < product.options().size(); i++) {
            var option = product.options().get(i);
            List<Choice> values = new java.util.ArrayList<>();
            for (String value : option.values()) {
                final int at = i;
                List<Variant> same = product.variants().stream()
                        .filter(v -> v.optionValues().get(at).equals(value)
                                && v.optionValues().subList(0, at).equals(current.subList(0, at)))
                        .toList();
                Variant best = same.stream()
                        .filter(product::available)
                        .max(java.util.Comparator.comparingInt(v -> agreement(v, current, at)))
                        .orElse(null);
                boolean selected = value.equals(current.get(i));
                String missing = best != null ? null : same.isEmpty() ? "none" : "soldOut";
                values.add(new Choice(
                        value, selected, best == null ? null : best.id().value(), missing));
            }
            all.add(new OptionChoices(option.name(), values));
        }
        return all;
    }

    private static int agreement(Variant v, List<String> current, int after) {
        int n = 0;
        for (int j = after + 1; j < current.size(); j++) {
            if (v.optionValues().get(j).equals(current.get(j))) {
                n += 1 << (current.size() - j); // earlier options weigh more
            }
        }
        return n;
    }

    /** The alt text of image {@code i}: the owner's, else the product's name. */
    public String alt(int i) {
        String alt = i < product.images().size() ? product.images().get(i).alt() : "";
        return alt == null || alt.isBlank() ? product.name() : alt;
    }

    /** The most one may add: stock for a single tracked variant, else 1000. */
    public int max() {
        return product.sellWhenSoldOut() || product.variants().size() > 1 ? 1000 : Math.min(chosen.stock(), 1000);
    }

    public String legend(String choose) {
        return product.options().isEmpty()
                ? choose
                : String.join(
                        " / ", product.options().stream().map(o -> o.name()).toList());
    }
}
