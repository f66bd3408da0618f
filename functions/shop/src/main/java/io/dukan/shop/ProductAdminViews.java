package io.dukan.shop;

import static io.dukan.web.Html.esc;

import io.dukan.web.Csrf;
import io.dukan.web.Pages;
import io.dukan.core.catalog.CatalogService;
import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductCsv;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.tenant.StoreSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The owner's catalog pages: products (list, editor), collections, spreadsheet import/export. All typed text escaped. */
final class ProductAdminViews {

    private ProductAdminViews() {}

    private static String error(String message) {
        return message == null ? "" : "<p class=\"error\" role=\"alert\">" + esc(message) + "</p>";
    }

    private static String nav(String base) {
        String a = esc(base) + "/admin";
        return "<p><a href=\"" + a + "/products\">Products</a> · <a href=\"" + a + "/collections\">Collections</a> · <a href=\""
                + a + "/catalog/import\">Import spreadsheet</a> · <a href=\"" + a + "/catalog/export.csv\">Export spreadsheet</a></p>";
    }

    static String list(StoreSettings s, String base, ProductStatus status, List<Product> products, String next,
            Map<String, String> thumbnails, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Products</h1>").append(nav(base))
                .append("<p><a class=\"button\" href=\"").append(esc(base)).append("/admin/products/new\">Add a product</a></p><p>Show: ");
        String listUrl = esc(base) + "/admin/products";
        b.append(status == null ? "<strong>all</strong>" : "<a href=\"" + listUrl + "\">all</a>");
        for (ProductStatus st : ProductStatus.values()) {
            String label = st.name().toLowerCase(Locale.ROOT);
            b.append(" · ").append(st == status ? "<strong>" + label + "</strong>"
                    : "<a href=\"" + listUrl + "?status=" + label + "\">" + label + "</a>");
        }
        b.append("</p>");
        if (products.isEmpty()) {
            b.append("<p class=\"muted\">No products here yet.</p>");
        } else {
            b.append("<table><thead><tr><th></th><th>Product</th><th>Status</th><th>Price</th><th>Stock</th><th>Variants</th></tr></thead><tbody>");
            for (Product p : products) {
                String thumb = thumbnails.get(p.id().value());
                b.append("<tr id=\"product-").append(p.id().value()).append("\" data-product-id=\"").append(p.id().value()).append("\"><td>")
                        .append(thumb == null ? "" : "<img src=\"" + esc(thumb) + "\" alt=\"\" width=\"48\" height=\"48\" style=\"object-fit:cover\">")
                        .append("</td><td><a href=\"").append(esc(base)).append("/admin/products/").append(p.id().value())
                        .append("/edit\">").append(esc(p.name())).append("</a></td><td>")
                        .append(p.status().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                        .append(p.priceVaries() ? "from " : "").append(esc(p.price().format()))
                        .append("</td><td class=\"stock\">").append(p.stock()).append("</td><td>").append(p.variants().size())
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        if (next != null) {
            b.append("<p><a class=\"button\" href=\"").append(listUrl).append("?after=").append(esc(next))
                    .append(status == null ? "" : "&amp;status=" + status.name().toLowerCase(Locale.ROOT)).append("\">Next page</a></p>");
        }
        return ShopViews.adminPage(s, base, "Products", b.toString(), csrf);
    }

    /** The editor; {@code productId} null for a new product. {@code imageUrls} are the existing images' thumbnails. */
    static String editor(StoreSettings s, String base, String productId, ProductForm f, List<Collection> collections,
            Map<String, String> imageUrls, String message, String csrf) {
        String action = esc(base) + "/admin/products" + (productId == null ? "" : "/" + productId);
        StringBuilder b = new StringBuilder("<h1>").append(productId == null ? "Add a product" : "Edit " + esc(f.name)).append("</h1>")
                .append(nav(base)).append(error(message))
                .append("<form id=\"product-form\" method=\"post\" action=\"").append(action).append("\" data-upload-url=\"")
                .append(esc(base)).append("/admin/uploads\">").append(Csrf.field(csrf))
                .append("<input type=\"hidden\" name=\"updatedAt\" value=\"").append(esc(f.updatedAt)).append("\">")
                .append(Pages.field("name", "Name", "text", f.name, "maxlength=\"120\" required"))
                .append("<label for=\"description\">Description</label><textarea id=\"description\" name=\"description\" maxlength=\"5000\">")
                .append(esc(f.description)).append("</textarea>")
                .append("<label for=\"status\">Status</label><select id=\"status\" name=\"status\">");
        for (ProductStatus st : ProductStatus.values()) {
            String v = st.name().toLowerCase(Locale.ROOT);
            b.append("<option value=\"").append(v).append('"').append(v.equalsIgnoreCase(f.status) ? " selected" : "")
                    .append('>').append(v).append("</option>");
        }
        b.append("</select><p class=\"muted\">Only active products are shown to shoppers.</p>")
                .append("<label><input type=\"checkbox\" name=\"sellWhenSoldOut\" value=\"yes\" style=\"width:auto\"")
                .append(f.sellWhenSoldOut ? " checked" : "").append("> Keep selling when out of stock</label>")
                .append("<h2>Options</h2><p class=\"muted\">Up to three, e.g. Size: S, M, L. Each combination is a variant (at most 100).</p>");
        for (int k = 0; k < 3; k++) {
            b.append(Pages.field("option" + (k + 1) + "Name", "Option " + (k + 1) + " name", "text", f.optionNames[k], "maxlength=\"40\""))
                    .append(Pages.field("option" + (k + 1) + "Values", "Option " + (k + 1) + " values (comma-separated)", "text",
                            f.optionValues[k], "maxlength=\"2000\""));
        }
        // formnovalidate: the variant table is not filled in yet (the simple form's price is required)
        b.append("<button type=\"submit\" name=\"action\" value=\"variants\" formnovalidate>Update the variants below</button>")
                .append("<h2>Variants</h2>");
        if (f.rows.size() == 1 && f.rows.get(0).key().isEmpty()) {
            ProductForm.Row r = f.rows.get(0);
            b.append(Pages.field("price", "Price (" + s.currency() + ")", "text", r.price(), "inputmode=\"decimal\" required placeholder=\"1250.00\""))
                    .append(Pages.field("compareAt", "Compare-at price (optional)", "text", r.compareAt(), "inputmode=\"decimal\""))
                    .append(Pages.field("stock", "Stock", "number", r.stock(), "min=\"0\" required"))
                    .append("<input type=\"hidden\" name=\"shownStock\" value=\"").append(esc(r.shownStock())).append("\">")
                    .append(Pages.field("sku", "SKU", "text", r.sku(), "maxlength=\"64\""))
                    .append(Pages.field("weight", "Weight (grams)", "number", r.weight(), "min=\"0\""));
        } else {
            b.append("<div style=\"overflow-x:auto\"><table><thead><tr><th>Variant</th><th>SKU</th><th>Price</th><th>Compare-at</th><th>Stock</th><th>Weight (g)</th></tr></thead><tbody>");
            for (int i = 0; i < f.rows.size(); i++) {
                ProductForm.Row r = f.rows.get(i);
                String p = "v" + i + ".";
                b.append("<tr><td>").append(esc(r.key()))
                        .append("<input type=\"hidden\" name=\"").append(p).append("key\" value=\"").append(esc(r.key())).append("\">")
                        .append("<input type=\"hidden\" name=\"").append(p).append("shownStock\" value=\"").append(esc(r.shownStock())).append("\">")
                        .append("</td>").append(cell(p + "sku", r.sku(), "text", "SKU of " + r.key()))
                        .append(cell(p + "price", r.price(), "text", "Price of " + r.key()))
                        .append(cell(p + "compareAt", r.compareAt(), "text", "Compare-at price of " + r.key()))
                        .append(cell(p + "stock", r.stock(), "number", "Stock of " + r.key()))
                        .append(cell(p + "weight", r.weight(), "number", "Weight of " + r.key())).append("</tr>");
            }
            b.append("</tbody></table></div>");
        }
        b.append("<h2>Images</h2>");
        for (int i = 0; i < f.images.size(); i++) {
            ProductForm.Image img = f.images.get(i);
            String p = "img" + i + ".";
            String url = imageUrls.get(img.key());
            b.append("<div class=\"card\" style=\"margin:.5rem 0\">")
                    .append(url == null ? "" : "<img src=\"" + esc(url) + "\" alt=\"" + esc(img.alt()) + "\" width=\"96\" height=\"96\" style=\"width:96px;height:96px\">")
                    .append("<input type=\"hidden\" name=\"").append(p).append("key\" value=\"").append(esc(img.key())).append("\">")
                    .append(Pages.field(p + "alt", "Alt text (what the picture shows)", "text", img.alt(), "maxlength=\"200\""))
                    .append(Pages.field(p + "position", "Position", "number", img.position(), "min=\"1\" max=\"10\""))
                    .append("<label><input type=\"checkbox\" name=\"").append(p).append("remove\" value=\"yes\" style=\"width:auto\"> Remove this image</label></div>");
        }
        b.append("<label for=\"image\">Add an image (JPEG, PNG or GIF, up to 10 MB)</label>")
                .append("<input id=\"image\" type=\"file\" accept=\"image/jpeg,image/png,image/gif\">")
                .append("<input type=\"hidden\" id=\"imageKey\" name=\"imageKey\" value=\"").append(esc(f.newImageKey)).append("\">")
                .append(Pages.field("imageAlt", "Its alt text", "text", f.newImageAlt, "maxlength=\"200\""))
                .append("<p class=\"muted\" id=\"upload-status\">The image goes straight to storage; uploading needs JavaScript.</p>")
                .append("<h2>Organise</h2>");
        if (collections.isEmpty()) {
            b.append("<p class=\"muted\">No collections yet: <a href=\"").append(esc(base)).append("/admin/collections\">add one</a>.</p>");
        } else {
            b.append("<fieldset><legend>Collections</legend>");
            for (Collection c : collections) {
                b.append("<label><input type=\"checkbox\" style=\"width:auto\" name=\"collection.").append(c.id().value())
                        .append("\" value=\"yes\"").append(f.collections.contains(c.id().value()) ? " checked" : "").append("> ")
                        .append(esc(c.title())).append("</label>");
            }
            b.append("</fieldset>");
        }
        b.append(Pages.field("tags", "Tags (comma-separated, up to 20)", "text", f.tags, "maxlength=\"900\""))
                .append(Pages.field("hsCode", "HS code (for customs, 6 to 10 digits)", "text", f.hsCode, "maxlength=\"14\" inputmode=\"numeric\""))
                .append(Pages.field("originCountry", "Country of origin (two letters, e.g. PK)", "text", f.origin, "maxlength=\"2\""))
                .append("<button type=\"submit\" name=\"action\" value=\"save\">Save product</button></form>");
        if (productId != null) {
            b.append("<form method=\"post\" action=\"").append(action).append("/delete\">").append(Csrf.field(csrf))
                    .append("<button type=\"submit\" style=\"background:#b91c1c\">Delete this product</button></form>");
        }
        b.append("<script src=\"").append(esc(base)).append("/assets/admin.js\" defer></script>");
        return ShopViews.adminPage(s, base, productId == null ? "Add a product" : "Edit product", b.toString(), csrf);
    }

    private static String cell(String name, String value, String type, String label) {
        return "<td><input name=\"" + name + "\" type=\"" + type + "\" value=\"" + esc(value) + "\" aria-label=\""
                + esc(label) + "\"" + ("number".equals(type) ? " min=\"0\"" : "") + " style=\"min-width:5rem\"></td>";
    }

    static String collections(StoreSettings s, String base, List<Collection> collections, String message, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Collections</h1>").append(nav(base)).append(error(message));
        for (Collection c : collections) {
            String action = esc(base) + "/admin/collections/" + c.id().value();
            b.append("<form method=\"post\" action=\"").append(action).append("\" class=\"card\" style=\"margin:.5rem 0\">")
                    .append(Csrf.field(csrf))
                    .append("<label>Title<input name=\"title\" type=\"text\" maxlength=\"80\" required value=\"").append(esc(c.title())).append("\"></label>")
                    .append("<label>Description<textarea name=\"description\" maxlength=\"2000\">").append(esc(c.description())).append("</textarea></label>")
                    .append("<button type=\"submit\">Save</button> <button type=\"submit\" formaction=\"").append(action)
                    .append("/delete\" style=\"background:#b91c1c\">Delete</button></form>");
        }
        b.append("<h2>Add a collection</h2><form method=\"post\" action=\"").append(esc(base)).append("/admin/collections\">")
                .append(Csrf.field(csrf)).append(Pages.field("title", "Title", "text", "", "maxlength=\"80\" required"))
                .append("<label for=\"cdescription\">Description</label><textarea id=\"cdescription\" name=\"description\" maxlength=\"2000\"></textarea>")
                .append("<button type=\"submit\">Add collection</button></form>");
        return ShopViews.adminPage(s, base, "Collections", b.toString(), csrf);
    }

    static String importPage(StoreSettings s, String base, CatalogService.ImportResult result, String message, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Import products from a spreadsheet</h1>").append(nav(base)).append(error(message));
        if (result != null && result.ok()) {
            b.append("<p class=\"ok\" role=\"status\">Imported ").append(result.products()).append(" products from ")
                    .append(result.rows()).append(" rows.</p>");
        } else if (result != null) {
            b.append("<div class=\"error\" role=\"alert\"><p>Nothing was imported: fix these rows and import the file again.</p><ul>");
            for (ProductCsv.Error e : result.errors()) {
                b.append("<li>").append(esc(e.toString())).append("</li>");
            }
            b.append("</ul></div>");
        }
        b.append("<p>Save your spreadsheet as CSV (UTF-8) with these columns (one row per variant; the rows of one product share its handle): <code>")
                .append(esc(String.join(", ", ProductCsv.HEADER))).append("</code>. <a href=\"").append(esc(base))
                .append("/admin/catalog/export.csv\">Export your catalog</a> for an example. Every row is checked first; ")
                .append("if any row has a problem, nothing is imported.</p>")
                .append("<form id=\"import-form\" method=\"post\" action=\"").append(esc(base)).append("/admin/catalog/import\">")
                .append(Csrf.field(csrf))
                .append("<label for=\"csv-file\">CSV file</label><input id=\"csv-file\" type=\"file\" accept=\".csv,text/csv\">")
                .append("<label for=\"csv\">…or paste its contents</label><textarea id=\"csv\" name=\"csv\" rows=\"10\"></textarea>")
                .append("<button type=\"submit\">Import</button></form>")
                .append("<script src=\"").append(esc(base)).append("/assets/admin.js\" defer></script>");
        return ShopViews.adminPage(s, base, "Import products", b.toString(), csrf);
    }
}
