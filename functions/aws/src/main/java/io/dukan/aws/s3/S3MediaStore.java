package io.dukan.aws.s3;

import io.dukan.aws.DukanProperties;
import io.dukan.core.catalog.CatalogService;
import io.dukan.core.catalog.MediaStore;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.tenant.TenantId;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Product media in S3 under tenants/{tenantId}/media/. Browsers upload by presigned URL and download renditions
 * from the public media address (the CDN, {@code dukan.media-url}) or, without one, by presigned URL; the function
 * only signs and builds addresses (and checks that an uploaded key is the store's own and exists). The S3 client and
 * the presigner are made on first use: a storefront page with a media address needs neither, so a cold start
 * does not load the S3 SDK for it.
 */
@Singleton
final class S3MediaStore implements MediaStore {

    static final Duration UPLOAD_WINDOW = Duration.ofMinutes(10);
    static final Duration VIEW_WINDOW = Duration.ofHours(1);
    private static final Pattern ORIGINAL_FILE = Pattern.compile("[a-z2-7]{16}\\.(jpg|png|gif)");
    /** An original or one of its renditions. */
    private static final Pattern MEDIA_FILE =
            Pattern.compile("(?:" + ORIGINAL_FILE.pattern() + ")|(?:" + Rendition.FILE_NAME.pattern() + ")");

    private final BeanProvider<S3Client> s3;
    private final BeanProvider<S3Presigner> presigner;
    private final String bucket;
    /** Without a trailing slash; null: renditions are presigned too. */
    private final String mediaUrl;

    S3MediaStore(BeanProvider<S3Client> s3, BeanProvider<S3Presigner> presigner, DukanProperties properties) {
        if (properties.getBucket() == null || properties.getBucket().isBlank()) {
            throw new IllegalStateException("dukan.bucket (env DUKAN_BUCKET) is not set");
        }
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = properties.getBucket();
        this.mediaUrl = properties.mediaBaseUrl();
    }

    /** True for a rendition this store could have (the only objects the public media address serves). */
    static boolean isOwnRenditionKey(TenantId tenant, String key) {
        String prefix = prefix(tenant);
        return key != null
                && key.startsWith(prefix)
                && Rendition.FILE_NAME.matcher(key.substring(prefix.length())).matches();
    }

    static String prefix(TenantId tenant) {
        return "tenants/" + tenant.value() + "/media/";
    }

    /** True only for an original this store could have uploaded: its own prefix, one generated file name. */
    static boolean isOwnOriginalKey(TenantId tenant, String key) {
        String prefix = prefix(tenant);
        return key != null
                && key.startsWith(prefix)
                && ORIGINAL_FILE.matcher(key.substring(prefix.length())).matches();
    }

    /** True only for keys this store could have been given (an original or a rendition of one). */
    static boolean isOwnMediaKey(TenantId tenant, String key) {
        String prefix = prefix(tenant);
        return key != null
                && key.startsWith(prefix)
                && MEDIA_FILE.matcher(key.substring(prefix.length())).matches();
    }

    @Override
    public Upload presignUpload(TenantId tenant, String contentType, long contentLength) {
        String key = prefix(tenant) + Ids.newId() + "." + CatalogService.IMAGE_TYPES.get(contentType);
        URI url = URI.create(presigner
                .get()
                .presignPutObject(p -> p.signatureDuration(UPLOAD_WINDOW)
                        .putObjectRequest(o -> o.bucket(bucket)
                                .key(key)
                                .contentType(contentType)
                                .contentLength(contentLength)))
                .url()
                .toString());
        return new Upload(url, key, contentType);
    }

    @Override
    public boolean exists(TenantId tenant, String key) {
        if (!isOwnOriginalKey(tenant, key)) {
            return false;
        }
        try {
            s3.get().headObject(h -> h.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            // A role that may read its own prefix but not list the bucket gets 403 for a missing key (S3 hides
            // whether it exists): store roles made before s3:ListBucket was granted. The key is the store's own
            // (checked above), so a refusal here can only mean "not there".
            if (e.statusCode() == 404 || e.statusCode() == 403) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void createRenditions(TenantId tenant, String originalKey) {
        if (!isOwnOriginalKey(tenant, originalKey)) {
            throw new InvalidInputException("imageKey", "not one of this store's images");
        }
        byte[] original;
        try {
            original = s3.get()
                    .getObjectAsBytes(g -> g.bucket(bucket).key(originalKey))
                    .asByteArray();
        } catch (NoSuchKeyException e) {
            throw new InvalidInputException("imageKey", "the image was not uploaded; please choose it again");
        }
        if (original.length > CatalogService.MAX_IMAGE_BYTES) {
            throw new InvalidInputException("imageKey", "images must be at most 10 MB");
        }
        BufferedImage image = ImageRenditions.decode(original);
        for (Rendition rendition : Rendition.values()) {
            byte[] jpeg = ImageRenditions.jpeg(image, rendition.width());
            s3.get()
                    .putObject(
                            p -> p.bucket(bucket)
                                    .key(rendition.key(originalKey))
                                    .contentType("image/jpeg")
                                    .cacheControl("public, max-age=31536000, immutable"),
                            RequestBody.fromBytes(jpeg));
        }
    }

    @Override
    public void delete(TenantId tenant, String originalKey) {
        if (!isOwnOriginalKey(tenant, originalKey)) {
            return;
        }
        List<ObjectIdentifier> keys = new ArrayList<>();
        keys.add(ObjectIdentifier.builder().key(originalKey).build());
        for (Rendition rendition : Rendition.values()) {
            keys.add(ObjectIdentifier.builder().key(rendition.key(originalKey)).build());
        }
        s3.get()
                .deleteObjects(
                        d -> d.bucket(bucket).delete(del -> del.objects(keys).quiet(true)));
    }

    @Override
    public boolean publicRenditions() {
        return mediaUrl != null;
    }

    @Override
    public URI viewUrl(TenantId tenant, String key) {
        if (!isOwnMediaKey(tenant, key)) {
            throw new IllegalArgumentException("not a media key of store " + tenant + ": " + key);
        }
        if (mediaUrl != null && isOwnRenditionKey(tenant, key)) {
            return URI.create(mediaUrl + "/" + key); // keys are [a-z0-9/-.] only: nothing to escape
        }
        return URI.create(presigner
                .get()
                .presignGetObject(p -> p.signatureDuration(VIEW_WINDOW)
                        .getObjectRequest(o -> o.bucket(bucket).key(key)))
                .url()
                .toString());
    }
}
