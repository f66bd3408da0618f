package io.dukan.core.catalog;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The owner's spreadsheet, in columns like Shopify's: one row per variant, the rows of one product sharing its
 * handle; product fields (title, description, options' names, tags, …) on the product's first row. A row with only
 * an image key (and alt text) adds an image. Reading validates every row and collects every error with its line and
 * column; it never stops at the first.
 */
public final class ProductCsv {

    public static final String HANDLE = "Handle",
            TITLE = "Title",
            DESCRIPTION = "Description",
            STATUS = "Status",
            SKU = "SKU",
            PRICE = "Price",
            COMPARE_AT = "Compare At Price",
            STOCK = "Stock",
            WEIGHT = "Weight Grams",
            SELL_WHEN_SOLD_OUT = "Sell When Sold Out",
            TAGS = "Tags",
            COLLECTIONS = "Collections",
            HS_CODE = "HS Code",
            ORIGIN = "Origin Country",
            IMAGE_KEY = "Image Key",
            IMAGE_ALT = "Image Alt";
    public static final List<String> HEADER = List.of(
            HANDLE,
            TITLE,
            DESCRIPTION,
            STATUS,
            "Option1 Name",
            "Option1 Value",
            "Option2 Name",
            "Option2 Value",
            "Option3 Name",
            "Option3 Value",
            SKU,
            PRICE,
            COMPARE_AT,
            STOCK,
            WEIGHT,
            SELL_WHEN_SOLD_OUT,
            TAGS,
            COLLECTIONS,
            HS_CODE,
            ORIGIN,
            IMAGE_KEY,
            IMAGE_ALT);
    /** The columns written once more per extra language, as "Title@zh". */
    public static final List<String> TRANSLATED = List.of(
            TITLE,
            DESCRIPTION,
            "Option1 Name",
            "Option1 Value",
            "Option2 Name",
            "Option2 Value",
            "Option3 Name",
            "Option3 Value",
            IMAGE_ALT);

    public static final int MAX_ROWS = 10_000;
    public static final int MAX_ERRORS_REPORTED = 200;

    /** One problem, where the owner can find it in the spreadsheet. */
    public record Error(int line, String column, String message) {
        @Override
        public String toString() {
            return "line " + line + (column == null ? "" : ", column " + column) + ": " + message;
        }
    }

    /** A product read from the file: its command, the collection titles it names, and the line each SKU is on. */
    public record ParsedProduct(
            int line, SaveProductCommand command, List<String> collectionTitles, Map<String, Integer> skuLines) {}

    public record Parsed(List<ParsedProduct> products, List<Error> errors, int rows) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private ProductCsv() {}

    public static Parsed read(String text, String currency) {
        List<Error> errors = new ArrayList<>();
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(text == null ? "" : text);
        } catch (InvalidInputException e) {
            return new Parsed(
                    List.of(),
                    List.of(new Error(
                            lineOf(e.getMessage()), null, e.getMessage().replaceFirst("^line \\d+: ", ""))),
                    0);
        }
        if (rows.isEmpty()) {
            return new Parsed(
                    List.of(), List.of(new Error(1, null, "the file is empty; the first line must be the header")), 0);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0).fields();
        for (int c = 0; c < header.size(); c++) {
            columns.putIfAbsent(header.get(c).strip().toLowerCase(Locale.ROOT), c);
        }
        List<String> languages = new ArrayList<>();
        for (String column : columns.keySet()) {
            int at = column.lastIndexOf('@');
            if (at < 0) {
                continue;
            }
            String language = column.substring(at + 1);
            String base = column.substring(0, at);
            if (!io.dukan.core.tenant.UpdateSettingsCommand.LANGUAGES.contains(language)
                    || !TRANSLATED.stream().anyMatch(t -> t.equalsIgnoreCase(base))) {
                errors.add(new Error(
                        1,
                        header.get(columns.get(column)),
                        "a translated column is one of " + String.join(", ", TRANSLATED) + " followed by @ and one of "
                                + String.join(", ", io.dukan.core.tenant.UpdateSettingsCommand.LANGUAGES)));
            } else if (!languages.contains(language)) {
                languages.add(language);
            }
        }
        for (String required : List.of(HANDLE, TITLE, PRICE)) {
            if (!columns.containsKey(required.toLowerCase(Locale.ROOT))) {
                errors.add(new Error(1, required, "the header has no " + required + " column"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), errors, 0);
        }
        List<Csv.Row> data =
                rows.subList(1, rows.size()).stream().filter(r -> !r.blank()).toList();
        if (data.size() > MAX_ROWS) {
            return new Parsed(
                    List.of(), List.of(new Error(1, null, "at most " + MAX_ROWS + " rows per file")), data.size());
        }
        Map<String, List<Csv.Row>> byHandle = new LinkedHashMap<>();
        for (Csv.Row row : data) {
            String handle = cell(row, columns, HANDLE);
            if (handle.isEmpty()) {
                errors.add(new Error(row.line(), HANDLE, "every row needs the product's handle"));
                continue;
            }
            byHandle.computeIfAbsent(handle.toLowerCase(Locale.ROOT), h -> new ArrayList<>())
                    .add(row);
        }
        List<ParsedProduct> products = new ArrayList<>();
        Map<String, Integer> skuLines = new HashMap<>();
        for (List<Csv.Row> productRows : byHandle.values()) {
            ParsedProduct p = product(productRows, columns, currency, languages, errors);
            if (p == null) {
                continue;
            }
            for (Map.Entry<String, Integer> sku : p.skuLines().entrySet()) {
                Integer first = skuLines.putIfAbsent(sku.getKey(), sku.getValue());
                if (first != null) {
                    errors.add(new Error(sku.getValue(), SKU, "SKU " + sku.getKey() + " is also on line " + first));
                }
            }
            products.add(p);
        }
        errors.sort(java.util.Comparator.comparingInt(Error::line));
        return new Parsed(
                products,
                errors.size() > MAX_ERRORS_REPORTED ? errors.subList(0, MAX_ERRORS_REPORTED) : errors,
                data.size());
    }

    private static ParsedProduct product(
            List<Csv.Row> rows,
            Map<String, Integer> columns,
            String currency,
            List<String> languages,
            List<Error> errors) {
        Csv.Row first = rows.get(0);
        int errorsBefore = errors.size();
        List<String> optionNames = new ArrayList<>();
        for (int k = 1; k <= Product.MAX_OPTIONS; k++) {
            String name = cell(first, columns, "Option" + k + " Name");
            if (!name.isEmpty()) {
                optionNames.add(name);
            }
        }
        List<LinkedHashSet<String>> optionValues = new ArrayList<>();
        optionNames.forEach(n -> optionValues.add(new LinkedHashSet<>()));
        List<SaveProductCommand.VariantInput> variants = new ArrayList<>();
        Map<List<String>, Integer> variantLines = new HashMap<>();
        Map<String, Integer> skuLines = new HashMap<>();
        List<ProductImage> images = new ArrayList<>();
        for (Csv.Row row : rows) {
            String imageKey = cell(row, columns, IMAGE_KEY);
            if (!imageKey.isEmpty()) {
                images.add(new ProductImage(imageKey, cell(row, columns, IMAGE_ALT)));
            }
            boolean variantRow = !cell(row, columns, PRICE).isEmpty()
                    || !cell(row, columns, SKU).isEmpty()
                    || !cell(row, columns, "Option1 Value").isEmpty()
                    || row == first;
            if (!variantRow) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (int k = 1; k <= optionNames.size(); k++) {
                String value = cell(row, columns, "Option" + k + " Value");
                if (value.isEmpty()) {
                    errors.add(
                            new Error(row.line(), "Option" + k + " Value", optionNames.get(k - 1) + " needs a value"));
                }
                values.add(value);
                optionValues.get(k - 1).add(value);
            }
            Integer twice = variantLines.putIfAbsent(values, row.line());
            if (twice != null) {
                errors.add(new Error(row.line(), "Option1 Value", "the same variant is on line " + twice));
                continue;
            }
            try {
                Money price = at(row, PRICE, () -> Money.parse("price", cell(row, columns, PRICE), currency));
                String compare = cell(row, columns, COMPARE_AT);
                Money compareAt = compare.isEmpty()
                        ? null
                        : at(row, COMPARE_AT, () -> Money.parse("compare-at price", compare, currency));
                String stockText = cell(row, columns, STOCK);
                int stock = stockText.isEmpty()
                        ? 0
                        : at(row, STOCK, () -> Text.integer("stock", stockText, 0, SaveProductCommand.MAX_STOCK));
                String weightText = cell(row, columns, WEIGHT);
                int weight = weightText.isEmpty()
                        ? 0
                        : at(
                                row,
                                WEIGHT,
                                () -> Text.integer("weight", weightText, 0, SaveProductCommand.MAX_WEIGHT_GRAMS));
                SaveProductCommand.VariantInput v = at(
                        row,
                        null,
                        () -> new SaveProductCommand.VariantInput(
                                values, cell(row, columns, SKU), price, compareAt, stock, null, weight));
                variants.add(v);
                if (!v.sku().isEmpty()) {
                    skuLines.putIfAbsent(v.sku().toUpperCase(Locale.ROOT), row.line());
                }
            } catch (CellException e) {
                errors.add(e.error);
            }
        }
        if (errors.size() > errorsBefore) {
            return null;
        }
        List<ProductOption> options = new ArrayList<>();
        for (int k = 0; k < optionNames.size(); k++) {
            options.add(new ProductOption(optionNames.get(k), List.copyOf(optionValues.get(k))));
        }
        try {
            String collections = cell(first, columns, COLLECTIONS);
            List<String> collectionTitles = collections.isEmpty()
                    ? List.of()
                    : java.util.Arrays.stream(collections.split(";"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .distinct()
                            .toList();
            SaveProductCommand command = at(
                    first,
                    null,
                    () -> new SaveProductCommand(
                            cell(first, columns, TITLE),
                            cell(first, columns, DESCRIPTION),
                            SaveProductCommand.status(cell(first, columns, STATUS)),
                            options,
                            variants,
                            images,
                            List.of(),
                            SaveProductCommand.splitList(cell(first, columns, TAGS)),
                            cell(first, columns, HS_CODE),
                            cell(first, columns, ORIGIN),
                            yes(cell(first, columns, SELL_WHEN_SOLD_OUT))));
            if (collectionTitles.size() > SaveProductCommand.MAX_COLLECTIONS) {
                throw new CellException(new Error(
                        first.line(),
                        COLLECTIONS,
                        "a product sits on at most " + SaveProductCommand.MAX_COLLECTIONS + " collections"));
            }
            Map<String, ProductText> translations = new LinkedHashMap<>();
            for (String language : languages) {
                translations.put(
                        language, at(first, null, () -> translation(rows, columns, options, images, language)));
            }
            return new ParsedProduct(first.line(), command.withTranslations(translations), collectionTitles, skuLines);
        } catch (CellException e) {
            Error error = e.error;
            if ("variants".equals(e.field)) {
                error = new Error(
                        first.line(),
                        "Option1 Value",
                        "the variants must be every combination of the options' values (" + variants.size()
                                + " rows for "
                                + SaveProductCommand.combinations(options).size() + " combinations)");
            }
            errors.add(error);
            return null;
        }
    }

    /** One language's columns of a product's rows: Title@zh and Description@zh, options' names and values, alt texts. */
    private static ProductText translation(
            List<Csv.Row> rows,
            Map<String, Integer> columns,
            List<ProductOption> options,
            List<ProductImage> images,
            String language) {
        Csv.Row first = rows.get(0);
        String suffix = "@" + language;
        List<String> optionNames = new ArrayList<>();
        List<List<String>> optionValues = new ArrayList<>();
        for (int k = 0; k < options.size(); k++) {
            optionNames.add(cell(first, columns, "Option" + (k + 1) + " Name" + suffix));
            Map<String, String> byValue = new HashMap<>();
            for (Csv.Row row : rows) {
                String value = cell(row, columns, "Option" + (k + 1) + " Value");
                String translated = cell(row, columns, "Option" + (k + 1) + " Value" + suffix);
                if (!value.isEmpty() && !translated.isEmpty()) {
                    byValue.putIfAbsent(value, translated);
                }
            }
            optionValues.add(options.get(k).values().stream()
                    .map(v -> byValue.getOrDefault(v, ""))
                    .toList());
        }
        List<String> alts = new ArrayList<>();
        for (Csv.Row row : rows) {
            if (!cell(row, columns, IMAGE_KEY).isEmpty()) {
                alts.add(cell(row, columns, IMAGE_ALT + suffix));
            }
        }
        return new ProductText(
                cell(first, columns, TITLE + suffix),
                cell(first, columns, DESCRIPTION + suffix),
                optionNames,
                optionValues,
                alts.subList(0, Math.min(alts.size(), images.size())));
    }

    private static boolean yes(String text) {
        return List.of("yes", "true", "1", "y").contains(text.strip().toLowerCase(Locale.ROOT));
    }

    /** A cell's text, trimmed; a leading apostrophe before = + @ (written by {@link Csv#writeRow}) is dropped. */
    private static String cell(Csv.Row row, Map<String, Integer> columns, String name) {
        Integer c = columns.get(name.toLowerCase(Locale.ROOT));
        if (c == null) {
            return "";
        }
        String v = row.get(c);
        if (v.length() > 1 && v.charAt(0) == '\'' && "=+@".indexOf(v.charAt(1)) >= 0) {
            v = v.substring(1);
        }
        return v.strip();
    }

    private static final class CellException extends RuntimeException {
        final Error error;
        final String field;

        CellException(Error error) {
            this(error, null);
        }

        CellException(Error error, String field) {
            super(error.toString(), null, false, false);
            this.error = error;
            this.field = field;
        }
    }

    private static <T> T at(Csv.Row row, String column, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidInputException e) {
            return rethrow(row, column == null ? column(e.field()) : column, e);
        }
    }

    private static <T> T rethrow(Csv.Row row, String column, InvalidInputException e) {
        throw new CellException(new Error(row.line(), column, e.getMessage()), e.field());
    }

    /** The spreadsheet column a command's field comes from. */
    static String column(String field) {
        if (field == null) {
            return null;
        }
        if (field.endsWith("sku")) return SKU;
        if (field.endsWith("compareAtPrice")) return COMPARE_AT;
        if (field.endsWith("price")) return PRICE;
        if (field.endsWith("stock")) return STOCK;
        if (field.endsWith("weight")) return WEIGHT;
        return switch (field) {
            case "name" -> TITLE;
            case "description" -> DESCRIPTION;
            case "status" -> STATUS;
            case "tags" -> TAGS;
            case "hsCode" -> HS_CODE;
            case "originCountry" -> ORIGIN;
            case "images", "image", "alt" -> IMAGE_KEY;
            case "collections" -> COLLECTIONS;
            case "options", "option name" -> "Option1 Name";
            default -> field.endsWith(" value") ? "Option1 Value" : "Option1 Value";
        };
    }

    private static int lineOf(String message) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("^line (\\d+)").matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** The products as the owner's spreadsheet; collection ids are written as their titles. */
    public static String write(List<Product> products, Map<CollectionId, String> collectionTitles) {
        StringBuilder out = new StringBuilder();
        List<String> languages = products.stream()
                .flatMap(p -> p.translations().keySet().stream())
                .distinct()
                .sorted()
                .toList();
        List<String> header = new ArrayList<>(HEADER);
        for (String language : languages) {
            TRANSLATED.forEach(column -> header.add(column + "@" + language));
        }
        Csv.writeRow(out, header);
        Set<String> handles = new java.util.HashSet<>();
        for (Product p : products) {
            String handle = handle(p.name(), handles);
            int rows = Math.max(p.variants().size(), p.images().size());
            for (int r = 0; r < rows; r++) {
                List<String> f = new ArrayList<>(java.util.Collections.nCopies(header.size(), ""));
                f.set(0, handle);
                if (r == 0) {
                    f.set(1, p.name());
                    f.set(2, p.description());
                    f.set(3, p.status().name().toLowerCase(Locale.ROOT));
                    for (int k = 0; k < p.options().size(); k++) {
                        f.set(4 + 2 * k, p.options().get(k).name());
                    }
                    f.set(15, p.sellWhenSoldOut() ? "yes" : "no");
                    f.set(16, String.join(", ", p.tags()));
                    f.set(
                            17,
                            String.join(
                                    "; ",
                                    p.collections().stream()
                                            .map(collectionTitles::get)
                                            .filter(java.util.Objects::nonNull)
                                            .toList()));
                    f.set(18, p.hsCode());
                    f.set(19, p.originCountry());
                }
                if (r < p.variants().size()) {
                    Variant v = p.variants().get(r);
                    for (int k = 0; k < v.optionValues().size(); k++) {
                        f.set(5 + 2 * k, v.optionValues().get(k));
                    }
                    f.set(10, v.sku());
                    f.set(11, v.price().amount());
                    f.set(
                            12,
                            v.compareAtPrice() == null ? "" : v.compareAtPrice().amount());
                    f.set(13, Integer.toString(v.stock()));
                    f.set(14, Integer.toString(v.weightGrams()));
                }
                if (r < p.images().size()) {
                    f.set(20, p.images().get(r).key());
                    f.set(21, p.images().get(r).alt());
                }
                for (int l = 0; l < languages.size(); l++) {
                    writeTranslation(f, HEADER.size() + l * TRANSLATED.size(), p, p.text(languages.get(l)), r);
                }
                Csv.writeRow(out, f);
            }
        }
        return out.toString();
    }

    /** Row {@code r}'s cells of one language, in {@link #TRANSLATED}'s order from column {@code at}. */
    private static void writeTranslation(List<String> f, int at, Product p, ProductText t, int r) {
        if (r == 0) {
            f.set(at, t.name());
            f.set(at + 1, t.description());
            for (int k = 0; k < p.options().size(); k++) {
                f.set(at + 2 + 2 * k, ProductText.at(t.optionNames(), k));
            }
        }
        if (r < p.variants().size()) {
            Variant v = p.variants().get(r);
            for (int k = 0; k < v.optionValues().size() && k < p.options().size(); k++) {
                int j = p.options().get(k).values().indexOf(v.optionValues().get(k));
                f.set(at + 3 + 2 * k, j < 0 ? "" : t.optionValue(k, j));
            }
        }
        if (r < p.images().size()) {
            f.set(at + 8, ProductText.at(t.imageAlts(), r));
        }
    }

    private static String handle(String name, Set<String> used) {
        String base = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("(^-|-$)", "");
        if (base.isEmpty()) {
            base = "product";
        }
        String handle = base;
        for (int n = 2; !used.add(handle); n++) {
            handle = base + "-" + n;
        }
        return handle;
    }
}
