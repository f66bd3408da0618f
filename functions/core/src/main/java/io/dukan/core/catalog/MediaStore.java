package io.dukan.core.catalog;

import io.dukan.core.tenant.TenantId;
import java.net.URI;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Out-port: product media in object storage; bytes go browser ↔ storage directly, never through a function. */
public interface MediaStore {

    /** Where the browser may PUT one object of this type, under the store's own prefix. */
    record Upload(URI url, String key, String contentType) {}

    /** The smaller JPEGs made from each original, so shoppers' phones never download the original. */
    enum Rendition {
        THUMBNAIL(320),
        PRODUCT_PAGE(960);

        /**
         * A rendition's file name (after the store's media prefix): an original's id and one of the widths. The
         * only objects shoppers get, so the only ones the media CDN may serve (template.yaml grants one per width).
         */
        public static final Pattern FILE_NAME = Pattern.compile("[a-z2-7]{16}-("
                + Arrays.stream(values()).map(r -> String.valueOf(r.width)).collect(Collectors.joining("|"))
                + ")\\.jpg");

        private final int width;

        Rendition(int width) {
            this.width = width;
        }

        public int width() {
            return width;
        }

        /** The rendition's key beside the original: {@code …/media/abc.jpg} → {@code …/media/abc-320.jpg}. */
        public String key(String originalKey) {
            int dot = originalKey.lastIndexOf('.');
            return (dot < 0 ? originalKey : originalKey.substring(0, dot)) + "-" + width + ".jpg";
        }
    }

    Upload presignUpload(TenantId tenant, String contentType, long contentLength);

    /** True when the key is the store's own and the object was uploaded. */
    boolean exists(TenantId tenant, String key);

    /**
     * Reads the original and writes its renditions beside it. Throws InvalidInputException when the object is not
     * an image this platform can read.
     */
    void createRenditions(TenantId tenant, String originalKey);

    /** Deletes the original and its renditions (nothing when the key is not the store's own). */
    void delete(TenantId tenant, String originalKey);

    /**
     * Where a browser GETs one of this store's media objects. Renditions come from the public media address (a CDN
     * in front of the bucket, cacheable by browsers) when the platform has one; originals, and every object when it
     * has none, by a short-lived presigned URL.
     */
    URI viewUrl(TenantId tenant, String key);

    /**
     * Whether renditions come from the public media address (the CDN): short URLs browsers cache. Without one every
     * rendition URL is presigned (about 400 characters of signature each), so pages list fewer of them.
     */
    default boolean publicRenditions() {
        return false;
    }

    /** Where a browser GETs a rendition of one of the store's images (never the original), or null for no image. */
    default String renditionUrl(TenantId tenant, String originalKey, Rendition rendition) {
        return originalKey == null || originalKey.isEmpty()
                ? null
                : viewUrl(tenant, rendition.key(originalKey)).toString();
    }
}
