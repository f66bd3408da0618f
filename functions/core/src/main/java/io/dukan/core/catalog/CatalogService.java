package io.dukan.core.catalog;

import io.dukan.core.account.AuditEntry;
import io.dukan.core.account.AuditLog;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.shared.Page;
import io.dukan.core.shared.Text;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The owner manages products and collections; shoppers look at active products. */
public class CatalogService {

    /**
     * Image types a phone or a spreadsheet export produces, and the file ending each is stored under. Only types
     * the platform can decode to make renditions (javax.imageio): WebP is refused, since the JDK cannot read it.
     */
    public static final Map<String, String> IMAGE_TYPES =
            Map.of("image/jpeg", "jpg", "image/png", "png", "image/gif", "gif");

    public static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    public static final int MAX_PAGE = 100;

    private final ProductRepository products;
    private final CollectionRepository collections;
    private final MediaStore media;
    private final AuditLog audit;
    private final Clock clock;

    public CatalogService(
            ProductRepository products,
            CollectionRepository collections,
            MediaStore media,
            AuditLog audit,
            Clock clock) {
        this.products = products;
        this.collections = collections;
        this.media = media;
        this.audit = audit;
        this.clock = clock;
    }

    // Products: the owner

    /** Adds a product; {@code actor} is the signed-in user, for the store's audit log. */
    public Product createProduct(TenantId tenant, String actor, SaveProductCommand command) {
        checkCollections(tenant, command.collections());
        prepareImages(tenant, List.of(), command.images());
        Instant now = clock.instant();
        Product product = build(ProductId.newId(), command, null, now, now);
        products.add(tenant, product);
        audit.record(tenant, new AuditEntry(now, actor, "added product", product.name()));
        return product;
    }

    /** The simple form (one variant, one optional image): kept for callers of the first admin form. */
    public Product createProduct(TenantId tenant, String actor, CreateProductCommand c) {
        List<ProductImage> images =
                c.imageKey().isEmpty() ? List.of() : List.of(new ProductImage(c.imageKey(), c.name()));
        return createProduct(
                tenant,
                actor,
                new SaveProductCommand(
                        c.name(),
                        c.description(),
                        ProductStatus.ACTIVE,
                        List.of(),
                        List.of(new SaveProductCommand.VariantInput(
                                List.of(), "", c.price(), null, c.stock(), null, 0)),
                        images,
                        List.of(),
                        List.of(),
                        "",
                        "",
                        false));
    }

    /**
     * Saves the owner's edit. Stock is only written for variants whose stock the owner changed, and only if it is
     * still what the form showed; otherwise orders placed meanwhile keep what they took.
     */
    public Product updateProduct(TenantId tenant, String actor, ProductId id, SaveProductCommand command) {
        Product previous = product(tenant, id);
        checkCollections(tenant, command.collections());
        prepareImages(tenant, previous.images(), command.images());
        Instant now = clock.instant();
        Product next = build(id, command, previous, previous.createdAt(), now);
        List<ProductRepository.StockChange> changes = new ArrayList<>();
        for (int i = 0; i < next.variants().size(); i++) {
            Variant v = next.variants().get(i);
            SaveProductCommand.VariantInput typed = command.variants().get(i);
            Variant before = previous.variant(v.id()).orElse(null);
            if (before == null) {
                changes.add(new ProductRepository.StockChange(v.id(), null, typed.stock()));
            } else {
                int shown = typed.shownStock() == null ? before.stock() : typed.shownStock();
                if (typed.stock() != shown) {
                    changes.add(new ProductRepository.StockChange(v.id(), shown, typed.stock()));
                }
            }
        }
        products.update(tenant, previous, next, changes);
        deleteMediaGone(tenant, previous.images(), next.images());
        audit.record(tenant, new AuditEntry(now, actor, "edited product", next.name()));
        return product(tenant, id);
    }

    public Product setStatus(TenantId tenant, String actor, ProductId id, ProductStatus status) {
        Product previous = product(tenant, id);
        Instant now = clock.instant();
        Product next = new Product(
                id,
                previous.name(),
                previous.description(),
                status,
                previous.options(),
                previous.variants(),
                previous.images(),
                previous.collections(),
                previous.tags(),
                previous.hsCode(),
                previous.originCountry(),
                previous.sellWhenSoldOut(),
                previous.createdAt(),
                now,
                previous.translations());
        products.update(tenant, previous, next, List.of());
        audit.record(
                tenant,
                new AuditEntry(now, actor, "set product " + status.name().toLowerCase(Locale.ROOT), next.name()));
        return next;
    }

    /** Deletes the product, then its images and their renditions. */
    public void deleteProduct(TenantId tenant, String actor, ProductId id) {
        Product product = product(tenant, id);
        products.delete(tenant, product);
        product.images().forEach(i -> media.delete(tenant, i.key()));
        audit.record(tenant, new AuditEntry(clock.instant(), actor, "deleted product", product.name()));
    }

    public Product product(TenantId tenant, ProductId id) {
        return products.find(tenant, id).orElseThrow(() -> new NotFoundException("no such product"));
    }

    /** One page of products, newest first; {@code cursor} is the previous page's {@code next}, or null. */
    public Page<Product> products(TenantId tenant, String cursor, int limit) {
        return products.list(tenant, cursor(cursor), pageSize(limit));
    }

    /** The owner's list, of one status or (null) all. */
    public Page<Product> products(TenantId tenant, ProductStatus status, String cursor, int limit) {
        return status == null
                ? products(tenant, cursor, limit)
                : products.listByStatus(tenant, status, cursor(cursor), pageSize(limit));
    }

    // Products: shoppers

    /** An active product, or NotFound (drafts and archived products are not shown to shoppers). */
    public Product activeProduct(TenantId tenant, ProductId id) {
        Product p = product(tenant, id);
        if (!p.visibleToShoppers()) {
            throw new NotFoundException("no such product");
        }
        return p;
    }

    public Page<Product> activeProducts(TenantId tenant, String cursor, int limit) {
        return products.listActive(tenant, cursor(cursor), pageSize(limit));
    }

    public Page<Product> activeProducts(TenantId tenant, CollectionId collection, String cursor, int limit) {
        return products.listActiveInCollection(tenant, collection, cursor(cursor), pageSize(limit));
    }

    public Page<Product> search(TenantId tenant, String words, String cursor, int limit) {
        return products.searchActive(tenant, Text.optional("q", words, 200), cursor(cursor), pageSize(limit));
    }

    // Collections

    public List<Collection> collections(TenantId tenant) {
        return collections.all(tenant);
    }

    public Collection collection(TenantId tenant, CollectionId id) {
        return collections.find(tenant, id).orElseThrow(() -> new NotFoundException("no such collection"));
    }

    public Collection createCollection(TenantId tenant, String actor, String title, String description) {
        if (collections.all(tenant).size() >= CollectionRepository.MAX_COLLECTIONS) {
            throw new InvalidInputException(
                    "title", "a store has at most " + CollectionRepository.MAX_COLLECTIONS + " collections");
        }
        Collection c = new Collection(
                CollectionId.newId(),
                collectionTitle(title),
                Text.optional("description", description, 2000),
                clock.instant());
        collections.add(tenant, c);
        audit.record(tenant, new AuditEntry(c.createdAt(), actor, "added collection", c.title()));
        return c;
    }

    public Collection updateCollection(
            TenantId tenant, String actor, CollectionId id, String title, String description) {
        return updateCollection(
                tenant, actor, id, title, description, collection(tenant, id).translations());
    }

    /** Saves the collection with its title and description in the store's extra languages. */
    public Collection updateCollection(
            TenantId tenant,
            String actor,
            CollectionId id,
            String title,
            String description,
            Map<String, Collection.Words> translations) {
        Collection before = collection(tenant, id);
        Map<String, Collection.Words> kept = new java.util.TreeMap<>();
        translations.forEach((language, words) -> {
            if (!io.dukan.core.tenant.UpdateSettingsCommand.LANGUAGES.contains(language)) {
                throw new InvalidInputException("language", "no such language: " + language);
            }
            if (!words.isEmpty()) {
                kept.put(language, words);
            }
        });
        Collection c = new Collection(
                id, collectionTitle(title), Text.optional("description", description, 2000), before.createdAt(), kept);
        collections.update(tenant, c);
        audit.record(tenant, new AuditEntry(clock.instant(), actor, "edited collection", c.title()));
        return c;
    }

    /**
     * Deletes the collection. Products keep the id in their list until next saved; nothing shows it, since the
     * collection no longer resolves.
     */
    public void deleteCollection(TenantId tenant, String actor, CollectionId id) {
        Collection c = collection(tenant, id);
        collections.delete(tenant, id);
        audit.record(tenant, new AuditEntry(clock.instant(), actor, "deleted collection", c.title()));
    }

    private static String collectionTitle(String title) {
        String t = Text.required("title", title, 80);
        if (t.contains(";")) {
            throw new InvalidInputException(
                    "title", "a collection title may not contain ; (the spreadsheet separates collections with it)");
        }
        return t;
    }

    // Media

    public MediaStore.Upload startImageUpload(TenantId tenant, String contentType, long contentLength) {
        String type = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
        if (!IMAGE_TYPES.containsKey(type)) {
            throw new InvalidInputException("contentType", "images must be JPEG, PNG or GIF");
        }
        if (contentLength <= 0 || contentLength > MAX_IMAGE_BYTES) {
            throw new InvalidInputException("contentLength", "images must be at most 10 MB");
        }
        return media.presignUpload(tenant, type, contentLength);
    }

    /** A short-lived URL for the product's main image at product-page size, or null when it has none. */
    public String imageUrl(TenantId tenant, Product product) {
        return product.hasImage() ? imageUrl(tenant, product.imageKey(), MediaStore.Rendition.PRODUCT_PAGE) : null;
    }

    /** A short-lived URL for a small version of the product's main image (listings), or null. */
    public String thumbnailUrl(TenantId tenant, Product product) {
        return product.hasImage() ? imageUrl(tenant, product.imageKey(), MediaStore.Rendition.THUMBNAIL) : null;
    }

    /** A rendition of one of the store's images; never the original. */
    public String imageUrl(TenantId tenant, String originalKey, MediaStore.Rendition rendition) {
        return media.renditionUrl(tenant, originalKey, rendition);
    }

    // The spreadsheet

    /** What an import did: the products written, or every error found (and nothing written). */
    public record ImportResult(int products, int rows, List<ProductCsv.Error> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Imports the owner's spreadsheet as new products: every row is checked first (values, SKUs against the file
     * and the store, image keys); any error and nothing is written. Collections named in the file that the store
     * lacks are created.
     */
    public ImportResult importCsv(TenantId tenant, String actor, String csv, String currency) {
        ProductCsv.Parsed parsed = ProductCsv.read(csv, currency);
        List<ProductCsv.Error> errors = new ArrayList<>(parsed.errors());
        if (errors.isEmpty() && parsed.products().isEmpty()) {
            errors.add(new ProductCsv.Error(1, null, "the file has no products"));
        }
        Map<String, Integer> skuLines = new HashMap<>();
        parsed.products().forEach(p -> skuLines.putAll(p.skuLines()));
        for (String taken : products.takenSkus(tenant, skuLines.keySet())) {
            errors.add(new ProductCsv.Error(
                    skuLines.get(taken),
                    ProductCsv.SKU,
                    "SKU " + taken + " is already used by a product of the store"));
        }
        for (ProductCsv.ParsedProduct p : parsed.products()) {
            for (ProductImage image : p.command().images()) {
                if (!media.exists(tenant, image.key())) {
                    errors.add(new ProductCsv.Error(
                            p.line(),
                            ProductCsv.IMAGE_KEY,
                            "image " + image.key() + " is not one of this store's uploaded images"));
                }
            }
        }
        Map<String, Collection> byTitle = collections.all(tenant).stream()
                .collect(Collectors.toMap(c -> c.title().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        Set<String> newTitles = new java.util.LinkedHashSet<>();
        parsed.products()
                .forEach(p -> p.collectionTitles().stream()
                        .filter(t -> !byTitle.containsKey(t.toLowerCase(Locale.ROOT)))
                        .forEach(newTitles::add));
        if (byTitle.size() + newTitles.size() > CollectionRepository.MAX_COLLECTIONS) {
            errors.add(new ProductCsv.Error(
                    1, ProductCsv.COLLECTIONS, "the file names more collections than a store may have"));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(ProductCsv.Error::line));
            return new ImportResult(0, parsed.rows(), errors);
        }
        Instant now = clock.instant();
        List<Collection> created = new ArrayList<>();
        for (String title : newTitles) {
            Collection c = new Collection(CollectionId.newId(), collectionTitle(title), "", now);
            created.add(c);
            byTitle.put(title.toLowerCase(Locale.ROOT), c);
        }
        // Ids sort by creation time but not within one millisecond: sorted, they keep the file's order in the
        // catalog (and in the next export).
        List<ProductId> newIds = new ArrayList<>();
        for (int i = 0; i < parsed.products().size(); i++) {
            newIds.add(ProductId.newId());
        }
        newIds.sort(java.util.Comparator.comparing(ProductId::value));
        List<Product> toWrite = new ArrayList<>();
        for (ProductCsv.ParsedProduct p : parsed.products()) {
            SaveProductCommand c = p.command();
            List<CollectionId> ids = p.collectionTitles().stream()
                    .map(t -> byTitle.get(t.toLowerCase(Locale.ROOT)).id())
                    .toList();
            SaveProductCommand withCollections = new SaveProductCommand(
                    c.name(),
                    c.description(),
                    c.status(),
                    c.options(),
                    c.variants(),
                    c.images(),
                    ids,
                    c.tags(),
                    c.hsCode(),
                    c.originCountry(),
                    c.sellWhenSoldOut(),
                    c.translations());
            toWrite.add(build(newIds.get(toWrite.size()), withCollections, null, now, now));
        }
        created.forEach(c -> collections.add(tenant, c));
        try {
            products.addAll(tenant, toWrite);
        } catch (RuntimeException e) {
            created.forEach(c -> collections.delete(tenant, c.id()));
            throw e;
        }
        audit.record(tenant, new AuditEntry(now, actor, "imported products", toWrite.size() + " products"));
        return new ImportResult(toWrite.size(), parsed.rows(), List.of());
    }

    /** The whole catalog as the spreadsheet (read a page at a time). */
    public String exportCsv(TenantId tenant) {
        List<Product> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Product> page = products.list(tenant, cursor, MAX_PAGE);
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        java.util.Collections.reverse(all); // oldest first, as the owner added them
        Map<CollectionId, String> titles = new LinkedHashMap<>();
        collections.all(tenant).forEach(c -> titles.put(c.id(), c.title()));
        return ProductCsv.write(all, titles);
    }

    // Helpers

    private Product build(ProductId id, SaveProductCommand c, Product previous, Instant createdAt, Instant now) {
        Map<List<String>, Variant> before = new HashMap<>();
        if (previous != null) {
            previous.variants().forEach(v -> before.put(v.optionValues(), v));
        }
        List<Variant> variants = c.variants().stream()
                .map(v -> {
                    Variant old = before.get(v.optionValues());
                    VariantId vid = old == null ? VariantId.newId() : old.id();
                    return new Variant(
                            vid, v.sku(), v.optionValues(), v.price(), v.compareAtPrice(), v.stock(), v.weightGrams());
                })
                .toList();
        return new Product(
                id,
                c.name(),
                c.description(),
                c.status(),
                c.options(),
                variants,
                c.images(),
                c.collections(),
                c.tags(),
                c.hsCode(),
                c.originCountry(),
                c.sellWhenSoldOut(),
                createdAt,
                now,
                c.translations());
    }

    private void checkCollections(TenantId tenant, List<CollectionId> ids) {
        for (CollectionId id : ids) {
            if (collections.find(tenant, id).isEmpty()) {
                throw new InvalidInputException("collections", "no such collection; reload the page");
            }
        }
    }

    /** New images must be the store's own uploads; their renditions are made before the product is saved. */
    private void prepareImages(TenantId tenant, List<ProductImage> before, List<ProductImage> after) {
        Set<String> known = new HashSet<>();
        before.forEach(i -> known.add(i.key()));
        for (ProductImage image : after) {
            if (known.contains(image.key())) {
                continue;
            }
            if (!media.exists(tenant, image.key())) {
                throw new InvalidInputException("imageKey", "the image was not uploaded; please choose it again");
            }
            media.createRenditions(tenant, image.key());
        }
    }

    private void deleteMediaGone(TenantId tenant, List<ProductImage> before, List<ProductImage> after) {
        Set<String> kept = new HashSet<>();
        after.forEach(i -> kept.add(i.key()));
        before.stream().filter(i -> !kept.contains(i.key())).forEach(i -> media.delete(tenant, i.key()));
    }

    private static String cursor(String cursor) {
        if (cursor != null && !Ids.looksLikeId(cursor, 16)) {
            throw new InvalidInputException("after", "this page link is not valid; start from the first page");
        }
        return cursor;
    }

    private static int pageSize(int limit) {
        return Math.max(1, Math.min(limit, MAX_PAGE));
    }
}
