package io.dukan.aws.s3;

import io.dukan.core.tenant.TenantId;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Every object of one store, under tenants/{tenantId}/ (its media and anything else kept there): offboarding only. */
public final class TenantObjects {

    private final S3Client s3;
    private final String bucket;

    public TenantObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Everything of the store is under this prefix (IAM's fence for the store role too). */
    public static String prefix(TenantId tenant) {
        return "tenants/" + tenant.value() + "/";
    }

    /** The store's media prefix (originals and renditions). */
    public static String mediaPrefix(TenantId tenant) {
        return S3MediaStore.prefix(tenant);
    }

    /** Deletes every object under the store's prefix, 1,000 per request; returns how many. */
    public int deleteAll(TenantId tenant) {
        int deleted = 0;
        while (true) {
            ListObjectsV2Response page = s3.listObjectsV2(
                    r -> r.bucket(bucket).prefix(prefix(tenant)).maxKeys(1000));
            List<ObjectIdentifier> keys = page.contents().stream()
                    .map(S3Object::key)
                    .filter(k -> k.startsWith(prefix(tenant)))
                    .map(k -> ObjectIdentifier.builder().key(k).build())
                    .toList();
            if (keys.isEmpty()) {
                return deleted;
            }
            var response = s3.deleteObjects(
                    r -> r.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                throw new IllegalStateException(
                        "S3 did not delete " + response.errors().size() + " object(s) of store "
                                + tenant + ", e.g. " + response.errors().get(0).key() + ": "
                                + response.errors().get(0).message());
            }
            deleted += keys.size();
        }
    }

    /** The keys of the store's objects under {@code prefix} (for the export, and for checks). */
    public List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }
}
