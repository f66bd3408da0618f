package io.dukan.core.catalog;

import io.dukan.core.account.AuditEntry;
import io.dukan.core.account.AuditLog;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The owner manages products; shoppers look at them. */
public class CatalogService {

    /** Image types a phone or a spreadsheet export produces, and the file ending each is stored under. */
    public static final Map<String, String> IMAGE_TYPES = Map.of(
            "image/jpeg", "jpg", "image/png", "png", "image/webp", "webp", "image/gif", "gif");
    public static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;

    private final ProductRepository products;
    private final MediaStore media;
    private final AuditLog audit;
    private final Clock clock;

    public CatalogService(ProductRepository products, MediaStore media, AuditLog audit, Clock clock) {
        this.products = products;
        this.media = media;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a product; {@code actor} is the signed-in user, for the store's audit log. */
    public Product createProduct(TenantId tenant, String actor, CreateProductCommand command) {
        if (!command.imageKey().isEmpty() && !media.exists(tenant, command.imageKey())) {
            throw new InvalidInputException("imageKey", "the image was not uploaded; please choose it again");
        }
        Instant now = clock.instant();
        List<ProductImage> images = command.imageKey().isEmpty()
                ? List.of()
                : List.of(new ProductImage(command.imageKey(), command.name()));
        Product product = new Product(ProductId.newId(), command.name(), command.description(), ProductStatus.ACTIVE,
                List.of(), List.of(new Variant(VariantId.newId(), "", List.of(), command.price(), null, command.stock(), 0)),
                images, List.of(), List.of(), "", "", false, now, now);
        products.add(tenant, product);
        audit.record(tenant, new AuditEntry(product.createdAt(), actor, "added product", product.name()));
        return product;
    }

    public Product product(TenantId tenant, ProductId id) {
        return products.find(tenant, id).orElseThrow(() -> new NotFoundException("no such product"));
    }

    /** One page of products, newest first; {@code cursor} is the previous page's {@code next}, or null. */
    public Page<Product> products(TenantId tenant, String cursor, int limit) {
        if (cursor != null && !Ids.looksLikeId(cursor, 16)) {
            throw new InvalidInputException("after", "this page link is not valid; start from the first page");
        }
        return products.list(tenant, cursor, Math.max(1, Math.min(limit, 100)));
    }

    public MediaStore.Upload startImageUpload(TenantId tenant, String contentType, long contentLength) {
        String type = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
        if (!IMAGE_TYPES.containsKey(type)) {
            throw new InvalidInputException("contentType", "images must be JPEG, PNG, WebP or GIF");
        }
        if (contentLength <= 0 || contentLength > MAX_IMAGE_BYTES) {
            throw new InvalidInputException("contentLength", "images must be at most 10 MB");
        }
        return media.presignUpload(tenant, type, contentLength);
    }

    /** A short-lived URL for the product's image, or null when it has none. */
    public String imageUrl(TenantId tenant, Product product) {
        return product.hasImage() ? media.presignGet(tenant, product.imageKey()).toString() : null;
    }
}
