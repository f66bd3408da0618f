package io.dukan.core.catalog;

import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import java.util.List;

/**
 * What shoppers may see of the catalog: active products only (a draft or archived product is "not found", as is
 * anything of another store), collections, search. Every listing is one page behind an opaque cursor.
 */
public class ShopCatalog {

    /** Longer queries are cut here: nobody types more, and the repository uses only the first words anyway. */
    public static final int MAX_QUERY = 100;

    private final ProductRepository products;
    private final CollectionRepository collections;
    private final MediaStore media;

    public ShopCatalog(ProductRepository products, CollectionRepository collections, MediaStore media) {
        this.products = products;
        this.collections = collections;
        this.media = media;
    }

    /** An active product; drafts, archived products and unknown ids are all simply not found. */
    public Product product(TenantId tenant, ProductId id) {
        return products.find(tenant, id)
                .filter(Product::visibleToShoppers)
                .orElseThrow(() -> new NotFoundException("no such product"));
    }

    /** Active products, newest first. */
    public Page<Product> newest(TenantId tenant, String cursor, int limit) {
        return products.listActive(tenant, cursor(cursor), clamp(limit));
    }

    public List<Collection> collections(TenantId tenant) {
        return collections.all(tenant);
    }

    public Collection collection(TenantId tenant, CollectionId id) {
        return collections.find(tenant, id).orElseThrow(() -> new NotFoundException("no such collection"));
    }

    /** Active products on a collection of this store, newest first. */
    public Page<Product> inCollection(TenantId tenant, CollectionId id, String cursor, int limit) {
        collection(tenant, id);
        return products.listActiveInCollection(tenant, id, cursor(cursor), clamp(limit));
    }

    /**
     * Active products whose title, tags or SKUs hold every word of the query. A blank query, or one with no
     * letters or digits in it, finds nothing (it is not an error: the page says what to type).
     */
    public Page<Product> search(TenantId tenant, String query, String cursor, int limit) {
        String words = normalisedQuery(query);
        if (words.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return products.searchActive(tenant, words, cursor(cursor), clamp(limit));
    }

    /** The query as it will be searched and shown back: control characters dropped, trimmed, at most 100 chars. */
    public static String normalisedQuery(String query) {
        if (query == null) {
            return "";
        }
        String cleaned = query.replaceAll("\\p{Cntrl}", " ").strip();
        return cleaned.length() > MAX_QUERY ? cleaned.substring(0, MAX_QUERY).strip() : cleaned;
    }

    /** A short-lived URL for one of this store's media keys, or null for "". */
    /** A shopper-sized rendition of one of the store's product images (never the original), or null for none. */
    public String imageUrl(TenantId tenant, String originalKey, MediaStore.Rendition rendition) {
        return media.renditionUrl(tenant, originalKey, rendition);
    }

    /** Whether image URLs are the CDN's (short, cached) rather than presigned; see {@link MediaStore#publicRenditions}. */
    public boolean publicImageUrls() {
        return media.publicRenditions();
    }

    /** The store's logo as shoppers get it: its 320 px rendition (made when the owner chose it), or null for none. */
    public String logoUrl(TenantId tenant, String logoKey) {
        return imageUrl(tenant, logoKey, MediaStore.Rendition.THUMBNAIL);
    }

    private static String cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (!Ids.looksLikeId(cursor, 16)) {
            throw new InvalidInputException("after", "this page link is not valid; start from the first page");
        }
        return cursor;
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, 100));
    }
}
