package io.dukan.core.offboard;

import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.Csv;
import io.dukan.core.catalog.ProductCsv;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderLine;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a store's export, one zip:
 *
 * <ul>
 *   <li>{@code products.csv}: the catalog spreadsheet the admin exports, with the image columns left empty so the
 *       admin's import of another store reads it as it is (an image key names the old store's object);
 *   <li>{@code product-images.csv}: each product's images (Handle, File in this archive, Alt);
 *   <li>{@code collections.csv}, {@code orders.csv} (one row per order line), {@code customers.csv} (one row per
 *       e-mail address, or phone, that ordered), {@code settings.json};
 *   <li>{@code media/…}: the originals the owner uploaded (no renditions).
 * </ul>
 */
public final class StoreArchive {

    /** One original: its object key, and how to read it. */
    public record MediaFile(String key, MediaSource source) {}

    @FunctionalInterface
    public interface MediaSource {
        InputStream open() throws IOException;
    }

    private StoreArchive() {}

    public static void write(
            OutputStream out,
            Store store,
            StoreSettings settings,
            String productsCsv,
            List<Collection> collections,
            List<Order> orders,
            List<MediaFile> media)
            throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Map<String, String> split = splitImages(productsCsv);
            text(zip, "products.csv", split.get("products"));
            text(zip, "product-images.csv", split.get("images"));
            text(zip, "collections.csv", collections(collections));
            text(zip, "orders.csv", orders(orders));
            text(zip, "customers.csv", customers(orders));
            text(zip, "settings.json", settings(store, settings));
            for (MediaFile file : media) {
                zip.putNextEntry(new ZipEntry(archivePath(file.key())));
                try (InputStream in = file.source().open()) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    /** Where an original goes in the archive: media/{file name}. */
    public static String archivePath(String key) {
        return "media/" + key.substring(key.lastIndexOf('/') + 1);
    }

    private static void text(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The catalog CSV without its image cells, and those cells as their own file. */
    static Map<String, String> splitImages(String productsCsv) {
        List<Csv.Row> rows = Csv.parse(productsCsv);
        StringBuilder products = new StringBuilder();
        StringBuilder images = new StringBuilder();
        Csv.writeRow(images, List.of("Handle", "File", "Alt"));
        if (rows.isEmpty()) {
            Csv.writeRow(products, ProductCsv.HEADER);
        } else {
            List<String> header = rows.get(0).fields();
            int handle = header.indexOf(ProductCsv.HANDLE);
            int key = header.indexOf(ProductCsv.IMAGE_KEY);
            int alt = header.indexOf(ProductCsv.IMAGE_ALT);
            Csv.writeRow(products, header);
            for (Csv.Row row : rows.subList(1, rows.size())) {
                List<String> fields = new ArrayList<>(row.fields());
                if (key >= 0 && key < fields.size() && !fields.get(key).isEmpty()) {
                    String altText = alt >= 0 && alt < fields.size() ? fields.get(alt) : "";
                    Csv.writeRow(
                            images,
                            List.of(handle >= 0 ? fields.get(handle) : "", archivePath(fields.get(key)), altText));
                    fields.set(key, "");
                    if (alt >= 0 && alt < fields.size()) {
                        fields.set(alt, "");
                    }
                    boolean onlyTheHandleLeft = true;
                    for (int f = 0; f < fields.size(); f++) {
                        onlyTheHandleLeft &= f == handle || fields.get(f).isEmpty();
                    }
                    if (onlyTheHandleLeft) {
                        continue; // a row that held only a further image of the product above
                    }
                }
                Csv.writeRow(products, fields);
            }
        }
        return Map.of("products", products.toString(), "images", images.toString());
    }

    static String collections(List<Collection> collections) {
        StringBuilder out = new StringBuilder();
        Csv.writeRow(out, List.of("Id", "Title", "Description", "Created"));
        for (Collection c : collections) {
            Csv.writeRow(out, List.of(c.id().value(), c.title(), nz(c.description()), String.valueOf(c.createdAt())));
        }
        return out.toString();
    }

    static String orders(List<Order> orders) {
        StringBuilder out = new StringBuilder();
        Csv.writeRow(
                out,
                List.of(
                        "Number",
                        "Placed",
                        "Name",
                        "Email",
                        "Phone",
                        "Address",
                        "City",
                        "Region",
                        "Postcode",
                        "Country",
                        "Payment Method",
                        "Payment Status",
                        "Fulfilment Status",
                        "Tracking Number",
                        "Currency",
                        "Subtotal",
                        "Shipping",
                        "Total",
                        "Line Product",
                        "Line Variant",
                        "Line SKU",
                        "Line Quantity",
                        "Line Unit Price",
                        "Notes"));
        for (Order o : orders) {
            for (OrderLine line : o.lines()) {
                Csv.writeRow(
                        out,
                        List.of(
                                o.displayNumber(),
                                String.valueOf(o.placedAt()),
                                nz(o.contact().name()),
                                nz(o.contact().email()),
                                nz(o.contact().phone()),
                                o.address() == null
                                        ? ""
                                        : (nz(o.address().line1()) + " "
                                                        + nz(o.address().line2()))
                                                .strip(),
                                o.address() == null ? "" : nz(o.address().city()),
                                o.address() == null ? "" : nz(o.address().region()),
                                o.address() == null ? "" : nz(o.address().postcode()),
                                o.address() == null ? "" : nz(o.address().country()),
                                String.valueOf(o.paymentMethod()),
                                String.valueOf(o.paymentStatus()),
                                String.valueOf(o.fulfilmentStatus()),
                                nz(o.trackingNumber()),
                                o.total().currency(),
                                o.subtotal().amount(),
                                o.shipping().amount(),
                                o.total().amount(),
                                nz(line.productName()),
                                nz(line.variantTitle()),
                                nz(line.sku()),
                                String.valueOf(line.quantity()),
                                line.unitPrice().amount(),
                                nz(o.notes())));
            }
        }
        return out.toString();
    }

    /** The people who ordered, by e-mail address (or phone, for orders without one), with their count and total. */
    static String customers(List<Order> orders) {
        record Customer(
                String name, String email, String phone, int orders, long totalMinor, String currency, String last) {}
        Map<String, Customer> byKey = new LinkedHashMap<>();
        for (Order o : orders) {
            String email = nz(o.contact().email()).toLowerCase(Locale.ROOT);
            String key = !email.isEmpty() ? email : nz(o.contact().phone());
            if (key.isEmpty()) {
                continue;
            }
            Customer before = byKey.get(key);
            String last = before == null || o.placedAt().toString().compareTo(before.last()) > 0
                    ? o.placedAt().toString()
                    : before.last();
            byKey.put(
                    key,
                    new Customer(
                            nz(o.contact().name()),
                            email,
                            nz(o.contact().phone()),
                            before == null ? 1 : before.orders() + 1,
                            (before == null ? 0 : before.totalMinor())
                                    + o.total().minor(),
                            o.total().currency(),
                            last));
        }
        StringBuilder out = new StringBuilder();
        Csv.writeRow(out, List.of("Name", "Email", "Phone", "Orders", "Total Spent", "Currency", "Last Order"));
        for (Customer c : byKey.values()) {
            Csv.writeRow(
                    out,
                    List.of(
                            c.name(),
                            c.email(),
                            c.phone(),
                            String.valueOf(c.orders()),
                            new io.dukan.core.shared.Money(c.totalMinor(), c.currency()).amount(),
                            c.currency(),
                            c.last()));
        }
        return out.toString();
    }

    static String settings(Store store, StoreSettings s) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("slug", store.slug().value());
        fields.put("name", s == null ? store.name() : s.name());
        fields.put("currency", s == null ? store.currency() : s.currency());
        fields.put("country", s == null ? store.country() : s.country());
        fields.put("language", s == null ? store.language() : s.language());
        fields.put("ownerEmail", store.ownerEmail());
        fields.put("createdAt", String.valueOf(store.createdAt()));
        if (s != null) {
            fields.put("phone", s.contact().phone());
            fields.put("whatsapp", s.contact().whatsapp());
            fields.put("email", s.contact().email());
            fields.put("address", s.contact().address());
            fields.put(
                    "logo",
                    s.contact().logoKey().isEmpty()
                            ? ""
                            : archivePath(s.contact().logoKey()));
        }
        StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            json.append("  ").append(quote(e.getKey())).append(": ").append(quote(nz(e.getValue())));
            json.append(++i < fields.size() ? ",\n" : "\n");
        }
        return json.append("}\n").toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
