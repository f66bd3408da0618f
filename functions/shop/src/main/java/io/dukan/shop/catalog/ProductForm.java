package io.dukan.shop.catalog;

import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductImage;
import io.dukan.core.catalog.ProductOption;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.ProductText;
import io.dukan.core.catalog.SaveProductCommand;
import io.dukan.core.catalog.Variant;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Text;
import io.dukan.web.Form;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The product editor's fields, as typed: read from a submitted form (or a stored product) and turned into a
 * {@link SaveProductCommand}. When the options and the variant rows disagree (the owner changed the options),
 * {@link #regenerateRows} makes one row per combination, keeping what was typed for combinations that stay.
 */
public final class ProductForm {

    /** One variant row: key = its option values joined by " / ". */
    record Row(
            String key, String sku, String price, String compareAt, String stock, String shownStock, String weight) {}

    /** One image row. */
    record Image(String key, String alt, String position, boolean remove) {}

    static final int MAX_FIELDS = 1200;
    static final int MAX_CHARS = 512 * 1024;

    String name = "", description = "", status = "active", tags = "", hsCode = "", origin = "";
    boolean sellWhenSoldOut;
    final String[] optionNames = {"", "", ""};
    final String[] optionValues = {"", "", ""};
    List<Row> rows = new ArrayList<>();
    List<Image> images = new ArrayList<>();
    List<String> collections = new ArrayList<>();
    String newImageKey = "", newImageAlt = "";
    String updatedAt = "";
    /**
     * Translations as typed, "tr_{lang}_{field}": name, description, option{k}Name, option{k}Values (comma-separated,
     * in the primary values' order) and alt{i} (i: the image row's index).
     */
    Map<String, String> translated = new java.util.HashMap<>();

    public static ProductForm blank() {
        ProductForm f = new ProductForm();
        f.rows.add(new Row("", "", "", "", "0", "", "0"));
        return f;
    }

    public static ProductForm of(Product p) {
        ProductForm f = new ProductForm();
        f.name = p.name();
        f.description = p.description();
        f.status = p.status().name().toLowerCase(java.util.Locale.ROOT);
        f.tags = String.join(", ", p.tags());
        f.hsCode = p.hsCode();
        f.origin = p.originCountry();
        f.sellWhenSoldOut = p.sellWhenSoldOut();
        for (int k = 0; k < p.options().size(); k++) {
            f.optionNames[k] = p.options().get(k).name();
            f.optionValues[k] = String.join(", ", p.options().get(k).values());
        }
        for (Variant v : p.variants()) {
            String stock = Integer.toString(v.stock());
            f.rows.add(new Row(
                    v.title(),
                    v.sku(),
                    v.price().amount(),
                    v.compareAtPrice() == null ? "" : v.compareAtPrice().amount(),
                    stock,
                    stock,
                    Integer.toString(v.weightGrams())));
        }
        for (int i = 0; i < p.images().size(); i++) {
            f.images.add(new Image(p.images().get(i).key(), p.images().get(i).alt(), Integer.toString(i + 1), false));
        }
        p.collections().forEach(c -> f.collections.add(c.value()));
        f.updatedAt = p.updatedAt().toString();
        p.translations().forEach((l, t) -> {
            String pre = "tr_" + l + "_";
            f.translated.put(pre + "name", t.name());
            f.translated.put(pre + "description", t.description());
            for (int k = 0; k < p.options().size(); k++) {
                f.translated.put(pre + "option" + (k + 1) + "Name", ProductText.at(t.optionNames(), k));
                List<String> values = new ArrayList<>();
                for (int j = 0; j < p.options().get(k).values().size(); j++) {
                    values.add(t.optionValue(k, j));
                }
                f.translated.put(
                        pre + "option" + (k + 1) + "Values",
                        values.stream().allMatch(String::isEmpty) ? "" : String.join(", ", values));
            }
            for (int i = 0; i < p.images().size(); i++) {
                f.translated.put(pre + "alt" + i, ProductText.at(t.imageAlts(), i));
            }
        });
        return f;
    }

    static ProductForm read(Form form, List<Collection> storeCollections) {
        ProductForm f = new ProductForm();
        f.name = form.getOrEmpty("name");
        f.description = form.getOrEmpty("description");
        f.status = form.get("status") == null ? "active" : form.get("status");
        f.tags = form.getOrEmpty("tags");
        f.hsCode = form.getOrEmpty("hsCode");
        f.origin = form.getOrEmpty("originCountry");
        f.sellWhenSoldOut = form.get("sellWhenSoldOut") != null;
        for (int k = 0; k < 3; k++) {
            f.optionNames[k] = form.getOrEmpty("option" + (k + 1) + "Name");
            f.optionValues[k] = form.getOrEmpty("option" + (k + 1) + "Values");
        }
        if (form.get("v0.key") == null) {
            // the simple form: one variant, fields without a row prefix
            f.rows.add(new Row(
                    "",
                    form.getOrEmpty("sku"),
                    form.getOrEmpty("price"),
                    form.getOrEmpty("compareAt"),
                    form.get("stock") == null ? "0" : form.get("stock"),
                    form.getOrEmpty("shownStock"),
                    form.get("weight") == null ? "0" : form.get("weight")));
        }
        for (int i = 0; form.get("v" + i + ".key") != null && i < 100; i++) {
            String p = "v" + i + ".";
            f.rows.add(new Row(
                    form.get(p + "key"),
                    form.getOrEmpty(p + "sku"),
                    form.getOrEmpty(p + "price"),
                    form.getOrEmpty(p + "compareAt"),
                    form.getOrEmpty(p + "stock"),
                    form.getOrEmpty(p + "shownStock"),
                    form.getOrEmpty(p + "weight")));
        }
        for (int i = 0; form.get("img" + i + ".key") != null && i < 20; i++) {
            String p = "img" + i + ".";
            f.images.add(new Image(
                    form.get(p + "key"),
                    form.getOrEmpty(p + "alt"),
                    form.getOrEmpty(p + "position"),
                    form.get(p + "remove") != null));
        }
        for (Collection c : storeCollections) {
            if (form.get("collection." + c.id().value()) != null) {
                f.collections.add(c.id().value());
            }
        }
        f.newImageKey = form.getOrEmpty("imageKey");
        f.newImageAlt = form.getOrEmpty("imageAlt");
        f.updatedAt = form.getOrEmpty("updatedAt");
        for (String l : io.dukan.core.tenant.UpdateSettingsCommand.LANGUAGES) {
            String pre = "tr_" + l + "_";
            List<String> fields = new ArrayList<>(List.of("name", "description"));
            for (int k = 1; k <= 3; k++) {
                fields.add("option" + k + "Name");
                fields.add("option" + k + "Values");
            }
            for (int i = 0; i < f.images.size(); i++) {
                fields.add("alt" + i);
            }
            for (String field : fields) {
                String v = form.get(pre + field);
                if (v != null) {
                    f.translated.put(pre + field, v);
                }
            }
        }
        return f;
    }

    List<ProductOption> options() {
        List<ProductOption> options = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            List<String> values = SaveProductCommand.splitList(optionValues[k]);
            if (!optionNames[k].isBlank() || !values.isEmpty()) {
                if (optionNames[k].isBlank()) {
                    throw new InvalidInputException("option" + (k + 1) + "Name", "option " + (k + 1) + " needs a name");
                }
                options.add(new ProductOption(optionNames[k].strip(), values));
            }
        }
        return options;
    }

    /** True when the rows are exactly the options' combinations. */
    boolean rowsMatchOptions() {
        List<String> keys = SaveProductCommand.combinations(options()).stream()
                .map(c -> String.join(" / ", c))
                .toList();
        return keys.size() <= Product.MAX_VARIANTS
                && rows.size() == keys.size()
                && rows.stream().map(Row::key).toList().containsAll(keys);
    }

    /** One row per combination of the options' values; typed values kept for combinations already listed. */
    void regenerateRows() {
        List<List<String>> combos = SaveProductCommand.combinations(options());
        if (combos.size() > Product.MAX_VARIANTS) {
            throw new InvalidInputException(
                    "options",
                    "these options make " + combos.size() + " variants; at most " + Product.MAX_VARIANTS
                            + " are allowed");
        }
        Map<String, Row> byKey = new HashMap<>();
        rows.forEach(r -> byKey.put(r.key(), r));
        Row first = rows.isEmpty() ? new Row("", "", "", "", "0", "", "0") : rows.get(0);
        List<Row> next = new ArrayList<>();
        for (List<String> combo : combos) {
            String key = String.join(" / ", combo);
            Row kept = byKey.get(key);
            next.add(kept != null ? kept : new Row(key, "", first.price(), first.compareAt(), "0", "", first.weight()));
        }
        rows = next;
    }

    SaveProductCommand command(String currency) {
        List<ProductOption> options = options();
        List<SaveProductCommand.VariantInput> variants = new ArrayList<>();
        for (Row r : rows) {
            List<String> values =
                    r.key().isEmpty() ? List.of() : List.of(r.key().split(" / ", -1));
            String label = r.key().isEmpty() ? "" : r.key() + ": ";
            Money price = Money.parse(label + "price", r.price(), currency);
            Money compareAt =
                    r.compareAt().isBlank() ? null : Money.parse(label + "compare-at price", r.compareAt(), currency);
            int stock = Text.integer(label + "stock", r.stock(), 0, SaveProductCommand.MAX_STOCK);
            Integer shown =
                    r.shownStock().isBlank() ? null : Text.integer("shownStock", r.shownStock(), 0, Integer.MAX_VALUE);
            int weight = r.weight().isBlank()
                    ? 0
                    : Text.integer(label + "weight (g)", r.weight(), 0, SaveProductCommand.MAX_WEIGHT_GRAMS);
            variants.add(new SaveProductCommand.VariantInput(values, r.sku(), price, compareAt, stock, shown, weight));
        }
        List<Image> kept = images.stream()
                .filter(i -> !i.remove())
                .sorted(Comparator.comparingInt(i -> position(i.position())))
                .toList();
        List<ProductImage> productImages = new ArrayList<>();
        kept.forEach(i -> productImages.add(new ProductImage(i.key(), i.alt())));
        if (!newImageKey.isBlank()) {
            productImages.add(new ProductImage(newImageKey.strip(), newImageAlt.isBlank() ? name : newImageAlt));
        }
        Map<String, Integer> imageRow = new java.util.HashMap<>();
        for (int i = 0; i < images.size(); i++) {
            imageRow.put(images.get(i).key(), i);
        }
        Map<String, ProductText> translations = new java.util.TreeMap<>();
        for (String l : io.dukan.core.tenant.UpdateSettingsCommand.LANGUAGES) {
            String pre = "tr_" + l + "_";
            if (translated.keySet().stream().noneMatch(k -> k.startsWith(pre))) {
                continue;
            }
            List<String> names = new ArrayList<>();
            List<List<String>> values = new ArrayList<>();
            for (int k = 0; k < options.size(); k++) {
                names.add(translated.getOrDefault(pre + "option" + (k + 1) + "Name", ""));
                String typed = translated.getOrDefault(pre + "option" + (k + 1) + "Values", "");
                values.add(
                        typed.isBlank()
                                ? List.of()
                                : java.util.Arrays.stream(typed.split(",", -1))
                                        .map(String::strip)
                                        .toList());
            }
            List<String> alts = productImages.stream()
                    .map(i -> imageRow.containsKey(i.key())
                            ? translated.getOrDefault(pre + "alt" + imageRow.get(i.key()), "")
                            : "")
                    .toList();
            translations.put(
                    l,
                    new ProductText(
                            translated.getOrDefault(pre + "name", ""),
                            translated.getOrDefault(pre + "description", ""),
                            names,
                            values,
                            alts));
        }
        return new SaveProductCommand(
                name,
                description,
                SaveProductCommand.status(status),
                options,
                variants,
                productImages,
                collections.stream().map(CollectionId::parse).toList(),
                SaveProductCommand.splitList(tags),
                hsCode,
                origin,
                sellWhenSoldOut,
                translations);
    }

    private static int position(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 99;
        }
    }

    ProductStatus statusOrActive() {
        try {
            return SaveProductCommand.status(status);
        } catch (InvalidInputException e) {
            return ProductStatus.ACTIVE;
        }
    }
}
