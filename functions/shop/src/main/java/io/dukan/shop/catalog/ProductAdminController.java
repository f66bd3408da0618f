package io.dukan.shop.catalog;

import io.dukan.core.account.Permission;
import io.dukan.core.account.Session;
import io.dukan.core.catalog.CatalogConflictException;
import io.dukan.core.catalog.CatalogService;
import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.MediaStore;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.SaveProductCommand;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.storefront.StoreCollections;
import io.dukan.shop.web.AdminAccess;
import io.dukan.shop.web.AdminPages;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.web.access.Allow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The owner's catalog: products (list, editor, delete), image uploads, collections, spreadsheet import/export. */
@Allow(Permission.PRODUCTS)
@Controller("/s/{store}/admin")
class ProductAdminController {

    /** A pasted or posted spreadsheet: 10,000 rows of a few hundred bytes (API Gateway's body limit is 10 MB). */
    static final int MAX_CSV_CHARS = 5 * 1024 * 1024;

    private final ThisStore store;
    private final AdminAccess access;
    private final CatalogService catalog;
    private final Csrf csrf;
    private final StoreCollections shownCollections;

    ProductAdminController(
            ThisStore store, AdminAccess access, CatalogService catalog, Csrf csrf, StoreCollections shownCollections) {
        this.store = store;
        this.access = access;
        this.catalog = catalog;
        this.csrf = csrf;
        this.shownCollections = shownCollections;
    }

    @Serdeable
    record UploadRequest(@Nullable String contentType, long contentLength) {}

    @Serdeable
    record UploadGrant(String url, String key, String contentType) {}

    @Get(value = "/products", produces = MediaType.TEXT_HTML)
    HttpResponse<String> products(
            HttpRequest<?> request, @QueryValue @Nullable String status, @QueryValue @Nullable String after) {
        ProductStatus filter = status == null || status.isBlank() ? null : SaveProductCommand.status(status);
        Page<Product> page = catalog.products(store.id(), filter, after, 50);
        Map<String, String> thumbs = new HashMap<>();
        page.items().stream()
                .filter(Product::hasImage)
                .forEach(p -> thumbs.put(p.id().value(), catalog.thumbnailUrl(store.id(), p)));
        return Pages.html(
                HttpStatus.OK,
                ProductAdminViews.list(
                        store.settings(),
                        base(request),
                        filter,
                        page.items(),
                        page.next(),
                        thumbs,
                        csrf.token(request)));
    }

    @Get(value = "/products/new", produces = MediaType.TEXT_HTML)
    HttpResponse<String> newProduct(HttpRequest<?> request) {
        return editor(request, HttpStatus.OK, null, ProductForm.blank(), null);
    }

    @Get(value = "/products/{id}/edit", produces = MediaType.TEXT_HTML)
    HttpResponse<String> editProduct(HttpRequest<?> request, String id) {
        Product p = catalog.product(store.id(), ProductId.parse(id));
        return editor(request, HttpStatus.OK, p.id().value(), ProductForm.of(p), null);
    }

    @Post(value = "/products", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> createProduct(HttpRequest<?> request, @Body @Nullable String body) {
        return save(request, null, body);
    }

    @Post(value = "/products/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> updateProduct(HttpRequest<?> request, String id, @Body @Nullable String body) {
        return save(request, ProductId.parse(id), body);
    }

    private HttpResponse<String> save(HttpRequest<?> request, ProductId id, String body) {
        Optional<Session> session = Optional.of(access.signedIn(request));
        Form form = Form.parse(body, ProductForm.MAX_CHARS, ProductForm.MAX_FIELDS);
        if (id != null) {
            catalog.product(store.id(), id); // another store's or a deleted product: 404
        }
        ProductForm f = ProductForm.read(form, catalog.collections(store.id()));
        String productId = id == null ? null : id.value();
        try {
            if ("variants".equals(form.get("action")) || !f.rowsMatchOptions()) {
                boolean asked = "variants".equals(form.get("action"));
                f.regenerateRows();
                return editor(
                        request,
                        asked ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
                        productId,
                        f,
                        asked ? null : AdminPages.locale(store.settings()).t("editor.variantsChanged"));
            }
            SaveProductCommand command = f.command(store.settings().currency());
            Product saved = id == null
                    ? catalog.createProduct(store.id(), session.get().email(), command)
                    : catalog.updateProduct(store.id(), session.get().email(), id, command);
            return HttpResponse.seeOther(URI.create(
                    base(request) + "/admin/products#product-" + saved.id().value()));
        } catch (InvalidInputException e) {
            return editor(request, HttpStatus.BAD_REQUEST, productId, f, AdminPages.problem(store.settings(), e));
        } catch (CatalogConflictException e) {
            return editor(request, HttpStatus.CONFLICT, productId, f, AdminPages.problem(store.settings(), e));
        }
    }

    @Post(
            value = "/products/{id}/delete",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<String> deleteProduct(HttpRequest<?> request, String id, @Body @Nullable String body) {
        Optional<Session> session = Optional.of(access.signedIn(request));
        catalog.deleteProduct(store.id(), session.get().email(), ProductId.parse(id));
        return HttpResponse.seeOther(URI.create(base(request) + "/admin/products"));
    }

    /** Signs a one-object upload under this store's prefix; the browser then PUTs the file to S3 itself. */
    @Post(value = "/uploads", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> startUpload(HttpRequest<?> request, @Body UploadRequest upload) {
        MediaStore.Upload grant = catalog.startImageUpload(store.id(), upload.contentType(), upload.contentLength());
        return HttpResponse.ok(new UploadGrant(grant.url().toString(), grant.key(), grant.contentType()));
    }

    // Collections

    @Get(value = "/collections", produces = MediaType.TEXT_HTML)
    HttpResponse<String> collections(HttpRequest<?> request) {
        return collectionsPage(request, HttpStatus.OK, null);
    }

    @Post(value = "/collections", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> createCollection(HttpRequest<?> request, @Body @Nullable String body) {
        Optional<Session> session = Optional.of(access.signedIn(request));
        Form form = Form.parse(body);
        try {
            catalog.createCollection(store.id(), session.get().email(), form.get("title"), form.get("description"));
            shownCollections.changed();
            return HttpResponse.seeOther(URI.create(base(request) + "/admin/collections"));
        } catch (InvalidInputException e) {
            return collectionsPage(request, HttpStatus.BAD_REQUEST, AdminPages.problem(store.settings(), e));
        }
    }

    @Post(value = "/collections/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> updateCollection(HttpRequest<?> request, String id, @Body @Nullable String body) {
        Optional<Session> session = Optional.of(access.signedIn(request));
        Form form = Form.parse(body);
        try {
            java.util.Map<String, io.dukan.core.catalog.Collection.Words> translations = new java.util.HashMap<>();
            for (String l : store.settings().extraLanguages()) {
                translations.put(
                        l,
                        new io.dukan.core.catalog.Collection.Words(
                                form.getOrEmpty("title_" + l), form.getOrEmpty("description_" + l)));
            }
            catalog.updateCollection(
                    store.id(),
                    session.get().email(),
                    CollectionId.parse(id),
                    form.get("title"),
                    form.get("description"),
                    translations);
            shownCollections.changed();
            return HttpResponse.seeOther(URI.create(base(request) + "/admin/collections"));
        } catch (InvalidInputException e) {
            return collectionsPage(request, HttpStatus.BAD_REQUEST, AdminPages.problem(store.settings(), e));
        }
    }

    @Post(
            value = "/collections/{id}/delete",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<String> deleteCollection(HttpRequest<?> request, String id, @Body @Nullable String body) {
        Optional<Session> session = Optional.of(access.signedIn(request));
        catalog.deleteCollection(store.id(), session.get().email(), CollectionId.parse(id));
        shownCollections.changed();
        return HttpResponse.seeOther(URI.create(base(request) + "/admin/collections"));
    }

    // The spreadsheet

    @Get(value = "/catalog/import", produces = MediaType.TEXT_HTML)
    HttpResponse<String> importPage(HttpRequest<?> request) {
        return Pages.html(
                HttpStatus.OK,
                ProductAdminViews.importPage(store.settings(), base(request), null, null, csrf.token(request)));
    }

    /**
     * The import: the page's form (its {@code csv} field), or the file itself as the body ({@code Content-Type:
     * text/csv}, with the X-CSRF-Token header). One handler for both, so a request without a Content-Type is
     * refused as bad input instead of failing on two routes that both match.
     */
    @Post(
            value = "/catalog/import",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, "text/csv"},
            produces = MediaType.TEXT_HTML)
    HttpResponse<String> importCsv(HttpRequest<?> request, @Body @Nullable String body) {
        Session session = access.signedIn(request);
        boolean file = request.getContentType()
                .map(type -> type.matches(MediaType.of("text/csv")))
                .orElse(false);
        String csv = file
                ? (body == null ? "" : body)
                : Form.parse(body, MAX_CSV_CHARS * 3, 10).getOrEmpty("csv");
        return imported(request, session, csv);
    }

    private HttpResponse<String> imported(HttpRequest<?> request, Session session, String csv) {
        StoreSettings settings = store.settings();
        if (csv.length() > MAX_CSV_CHARS) {
            return Pages.html(
                    HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    ProductAdminViews.importPage(
                            settings,
                            base(request),
                            null,
                            AdminPages.locale(settings).t("catalog.tooLarge"),
                            csrf.token(request)));
        }
        CatalogService.ImportResult result;
        try {
            result = catalog.importCsv(store.id(), session.email(), csv, settings.currency());
        } catch (CatalogConflictException e) {
            return Pages.html(
                    HttpStatus.CONFLICT,
                    ProductAdminViews.importPage(
                            settings,
                            base(request),
                            null,
                            AdminPages.locale(settings).t("catalog.conflict", AdminPages.problem(settings, e)),
                            csrf.token(request)));
        } finally {
            shownCollections.changed(); // an import may add collections (or add and take them back)
        }
        return Pages.html(
                result.ok() ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
                ProductAdminViews.importPage(settings, base(request), result, null, csrf.token(request)));
    }

    @Get(
            value = "/catalog/export.csv",
            produces = {"text/csv", MediaType.TEXT_HTML})
    HttpResponse<String> export(HttpRequest<?> request) {
        return HttpResponse.ok(catalog.exportCsv(store.id()))
                .contentType(MediaType.of("text/csv;charset=utf-8"))
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + store.slug().value() + "-products.csv\"")
                .header("Cache-Control", "no-store");
    }

    private HttpResponse<String> collectionsPage(HttpRequest<?> request, HttpStatus status, String message) {
        return Pages.html(
                status,
                ProductAdminViews.collections(
                        store.settings(),
                        base(request),
                        catalog.collections(store.id()),
                        message,
                        csrf.token(request)));
    }

    private HttpResponse<String> editor(
            HttpRequest<?> request, HttpStatus status, String productId, ProductForm f, String message) {
        Map<String, String> urls = new HashMap<>();
        for (ProductForm.Image image : f.images) {
            try {
                urls.put(image.key(), catalog.imageUrl(store.id(), image.key(), MediaStore.Rendition.THUMBNAIL));
            } catch (IllegalArgumentException e) {
                // a key typed into the form that is not this store's: shown without a picture, refused on save
            }
        }
        List<Collection> collections = catalog.collections(store.id());
        return Pages.html(
                status,
                ProductAdminViews.editor(
                        store.settings(),
                        base(request),
                        productId,
                        f,
                        collections,
                        urls,
                        message,
                        csrf.token(request)));
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
