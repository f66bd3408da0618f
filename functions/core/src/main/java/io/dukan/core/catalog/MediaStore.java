package io.dukan.core.catalog;

import io.dukan.core.tenant.TenantId;
import java.net.URI;

/** Out-port: product media in object storage; bytes go browser ↔ storage directly, never through a function. */
public interface MediaStore {

    /** Where the browser may PUT one object of this type, under the store's own prefix. */
    record Upload(URI url, String key, String contentType) {}

    Upload presignUpload(TenantId tenant, String contentType, long contentLength);

    /** True when the key is the store's own and the object was uploaded. */
    boolean exists(TenantId tenant, String key);

    URI presignGet(TenantId tenant, String key);
}
