package io.dukan.aws.s3;

import io.dukan.aws.DukanProperties;
import io.dukan.core.catalog.CatalogService;
import io.dukan.core.catalog.MediaStore;
import io.dukan.core.shared.Ids;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Product media in S3 under tenants/{tenantId}/media/. Browsers upload and download by presigned URL; the
 * function only signs (and checks that an uploaded key is the store's own and exists).
 */
@Singleton
final class S3MediaStore implements MediaStore {

    static final Duration UPLOAD_WINDOW = Duration.ofMinutes(10);
    static final Duration VIEW_WINDOW = Duration.ofHours(1);
    private static final Pattern MEDIA_FILE = Pattern.compile("[a-z2-7]{16}\\.(jpg|png|webp|gif)");

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    S3MediaStore(S3Client s3, S3Presigner presigner, DukanProperties properties) {
        if (properties.getBucket() == null || properties.getBucket().isBlank()) {
            throw new IllegalStateException("dukan.bucket (env DUKAN_BUCKET) is not set");
        }
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = properties.getBucket();
    }

    static String prefix(TenantId tenant) {
        return "tenants/" + tenant.value() + "/media/";
    }

    /** True only for keys this store could have been given: its own prefix, one generated file name. */
    static boolean isOwnMediaKey(TenantId tenant, String key) {
        String prefix = prefix(tenant);
        return key != null && key.startsWith(prefix) && MEDIA_FILE.matcher(key.substring(prefix.length())).matches();
    }

    @Override
    public Upload presignUpload(TenantId tenant, String contentType, long contentLength) {
        String key = prefix(tenant) + Ids.newId() + "." + CatalogService.IMAGE_TYPES.get(contentType);
        URI url = URI.create(presigner.presignPutObject(p -> p.signatureDuration(UPLOAD_WINDOW)
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentType(contentType).contentLength(contentLength)))
                .url().toString());
        return new Upload(url, key, contentType);
    }

    @Override
    public boolean exists(TenantId tenant, String key) {
        if (!isOwnMediaKey(tenant, key)) {
            return false;
        }
        try {
            s3.headObject(h -> h.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public URI presignGet(TenantId tenant, String key) {
        if (!isOwnMediaKey(tenant, key)) {
            throw new IllegalArgumentException("not a media key of store " + tenant + ": " + key);
        }
        return URI.create(presigner.presignGetObject(p -> p.signatureDuration(VIEW_WINDOW)
                .getObjectRequest(o -> o.bucket(bucket).key(key))).url().toString());
    }
}
