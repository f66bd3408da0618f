package io.dukan.core.catalog;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A product as the owner saves it (created or edited), validated in its constructor. Variants are exactly the
 * cartesian product of the options' values, in option order ({@link #combinations}); each carries what the owner
 * typed for it. {@code shownStock} is the stock the form showed when it was opened (null for a new variant): an
 * edit only writes a variant's stock when the owner changed it, and only if orders have not moved it since.
 */
public record SaveProductCommand(
        String name,
        String description,
        ProductStatus status,
        List<ProductOption> options,
        List<VariantInput> variants,
        List<ProductImage> images,
        List<CollectionId> collections,
        List<String> tags,
        String hsCode,
        String originCountry,
        boolean sellWhenSoldOut,
        Map<String, ProductText> translations) {

    /** A product saved without translations. */
    public SaveProductCommand(
            String name,
            String description,
            ProductStatus status,
            List<ProductOption> options,
            List<VariantInput> variants,
            List<ProductImage> images,
            List<CollectionId> collections,
            List<String> tags,
            String hsCode,
            String originCountry,
            boolean sellWhenSoldOut) {
        this(
                name,
                description,
                status,
                options,
                variants,
                images,
                collections,
                tags,
                hsCode,
                originCountry,
                sellWhenSoldOut,
                Map.of());
    }

    /** The same product with these translations (languages the UI has; empty ones dropped). */
    public SaveProductCommand withTranslations(Map<String, ProductText> next) {
        return new SaveProductCommand(
                name,
                description,
                status,
                options,
                variants,
                images,
                collections,
                tags,
                hsCode,
                originCountry,
                sellWhenSoldOut,
                next);
    }

    public static final int MAX_STOCK = 1_000_000;
    public static final int MAX_WEIGHT_GRAMS = 1_000_000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_COLLECTIONS = 20;
    public static final int MAX_OPTION_VALUES = 100;
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    private static final Pattern HS_CODE = Pattern.compile("[0-9]{6,10}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** One variant as typed: its option values pick it out; {@code compareAtPrice} may be null. */
    public record VariantInput(
            List<String> optionValues,
            String sku,
            Money price,
            Money compareAtPrice,
            int stock,
            Integer shownStock,
            int weightGrams) {

        public VariantInput {
            optionValues = List.copyOf(optionValues);
            sku = sku == null ? "" : sku.strip();
            if (!sku.isEmpty() && !SKU.matcher(sku).matches()) {
                throw new InvalidInputException(
                        field(optionValues, "sku"),
                        "SKU " + sku + " may use letters, digits and . _ / - only (at most 64)");
            }
            if (price == null) {
                throw new InvalidInputException(field(optionValues, "price"), "price is required");
            }
            if (compareAtPrice != null && compareAtPrice.minor() <= price.minor()) {
                throw new InvalidInputException(
                        field(optionValues, "compareAtPrice"), "the compare-at price must be more than the price");
            }
            if (stock < 0 || stock > MAX_STOCK) {
                throw new InvalidInputException(
                        field(optionValues, "stock"), "stock must be between 0 and " + MAX_STOCK);
            }
            if (weightGrams < 0 || weightGrams > MAX_WEIGHT_GRAMS) {
                throw new InvalidInputException(
                        field(optionValues, "weight"), "weight must be between 0 and " + MAX_WEIGHT_GRAMS + " grams");
            }
        }

        static String field(List<String> optionValues, String what) {
            return optionValues.isEmpty() ? what : String.join(" / ", optionValues) + " " + what;
        }
    }

    public SaveProductCommand {
        name = Text.required("name", name, 120);
        description = Text.optional("description", description, 5000);
        if (status == null) {
            throw new InvalidInputException("status", "status must be draft, active or archived");
        }
        options = validOptions(options == null ? List.of() : options);
        variants = List.copyOf(variants == null ? List.of() : variants);
        List<List<String>> wanted = combinations(options);
        if (wanted.size() > Product.MAX_VARIANTS) {
            throw new InvalidInputException(
                    "options",
                    "these options make " + wanted.size() + " variants; at most " + Product.MAX_VARIANTS
                            + " are allowed");
        }
        Map<List<String>, VariantInput> byValues = new java.util.LinkedHashMap<>();
        for (VariantInput v : variants) {
            if (byValues.put(v.optionValues(), v) != null) {
                throw new InvalidInputException(
                        "variants", "variant " + String.join(" / ", v.optionValues()) + " is listed twice");
            }
        }
        if (!byValues.keySet().equals(new HashSet<>(wanted))) {
            throw new InvalidInputException("variants", "the variants do not match the options; update the variants");
        }
        variants = wanted.stream().map(byValues::get).toList();
        Set<String> skus = new HashSet<>();
        for (VariantInput v : variants) {
            if (!v.sku().isEmpty() && !skus.add(v.sku().toUpperCase(Locale.ROOT))) {
                throw new InvalidInputException(
                        VariantInput.field(v.optionValues(), "sku"), "SKU " + v.sku() + " is used twice");
            }
        }
        String currency = variants.get(0).price().currency();
        if (variants.stream().anyMatch(v -> !v.price().currency().equals(currency))) {
            throw new IllegalArgumentException("one product has one currency");
        }
        images = List.copyOf(images == null ? List.of() : images);
        if (images.size() > Product.MAX_IMAGES) {
            throw new InvalidInputException("images", "a product has at most " + Product.MAX_IMAGES + " images");
        }
        Set<String> imageKeys = new HashSet<>();
        List<ProductImage> cleanImages = new ArrayList<>();
        for (ProductImage image : images) {
            String key = Text.required("image", image.key(), 300);
            if (!imageKeys.add(key)) {
                throw new InvalidInputException("images", "the same image is listed twice");
            }
            cleanImages.add(new ProductImage(key, Text.optional("alt", image.alt(), 200)));
        }
        images = List.copyOf(cleanImages);
        collections = List.copyOf(new LinkedHashSet<>(collections == null ? List.of() : collections));
        if (collections.size() > MAX_COLLECTIONS) {
            throw new InvalidInputException(
                    "collections", "a product sits on at most " + MAX_COLLECTIONS + " collections");
        }
        tags = normaliseTags(tags == null ? List.of() : tags);
        hsCode = hsCode(hsCode);
        originCountry = country(originCountry);
        Map<String, ProductText> kept = new java.util.TreeMap<>();
        if (translations != null) {
            translations.forEach((language, text) -> {
                if (!io.dukan.core.tenant.UpdateSettingsCommand.LANGUAGES.contains(language)) {
                    throw new InvalidInputException("language", "no such language: " + language);
                }
                if (text != null && !text.isEmpty()) {
                    kept.put(language, text);
                }
            });
        }
        translations = Map.copyOf(kept);
    }

    /** Every combination of the options' values, first option outermost: [[S, Red], [S, Blue], [M, Red], …]. */
    public static List<List<String>> combinations(List<ProductOption> options) {
        List<List<String>> result = List.of(List.of());
        for (ProductOption option : options) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : result) {
                for (String value : option.values()) {
                    List<String> combo = new ArrayList<>(prefix);
                    combo.add(value);
                    next.add(List.copyOf(combo));
                }
                if (next.size() > Product.MAX_VARIANTS * MAX_OPTION_VALUES) {
                    return next;
                }
            }
            result = next;
        }
        return result;
    }

    private static List<ProductOption> validOptions(List<ProductOption> options) {
        if (options.size() > Product.MAX_OPTIONS) {
            throw new InvalidInputException("options", "a product has at most " + Product.MAX_OPTIONS + " options");
        }
        Set<String> names = new HashSet<>();
        List<ProductOption> clean = new ArrayList<>();
        for (ProductOption o : options) {
            String name = Text.required("option name", o.name(), 40);
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("options", "option " + name + " is listed twice");
            }
            List<String> values = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String value : o.values()) {
                String v = Text.required(name + " value", value, 60);
                if (v.contains("/")) {
                    throw new InvalidInputException("options", "option values may not contain /: " + v);
                }
                if (seen.add(v.toLowerCase(Locale.ROOT))) {
                    values.add(v);
                }
            }
            if (values.isEmpty()) {
                throw new InvalidInputException("options", "option " + name + " needs at least one value");
            }
            if (values.size() > MAX_OPTION_VALUES) {
                throw new InvalidInputException("options", "option " + name + " has too many values");
            }
            clean.add(new ProductOption(name, values));
        }
        return List.copyOf(clean);
    }

    /** Trimmed, inner spaces collapsed, lower case, no duplicates, at most 20 of at most 40 characters. */
    public static List<String> normaliseTags(List<String> tags) {
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = Text.optional("tags", tag, 40).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (!t.isEmpty()) {
                clean.add(t);
            }
        }
        if (clean.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "a product has at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(clean);
    }

    /** Splits "a, b ,c" into its parts (tags, option values as typed in one field). */
    public static List<String> splitList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    static String hsCode(String text) {
        String v = text == null ? "" : text.replaceAll("[\\s.]", "");
        if (!v.isEmpty() && !HS_CODE.matcher(v).matches()) {
            throw new InvalidInputException("hsCode", "the HS code must be 6 to 10 digits, like 0813.10 or 08131000");
        }
        return v;
    }

    static String country(String text) {
        String v = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (!v.isEmpty() && !COUNTRIES.contains(v)) {
            throw new InvalidInputException(
                    "originCountry", "the country of origin must be a two-letter ISO code, like PK or CN");
        }
        return v;
    }

    public static ProductStatus status(String text) {
        if (text == null || text.isBlank()) {
            return ProductStatus.ACTIVE;
        }
        try {
            return ProductStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "status must be draft, active or archived");
        }
    }

    /** All the product's SKUs that are set, upper-cased (SKUs are unique in a store whatever their case). */
    public Set<String> skus() {
        return variants.stream()
                .map(VariantInput::sku)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}
