package io.dukan.core.testing;

import io.dukan.core.catalog.MediaStore;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.tenant.TenantId;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A fake media store for use-case tests: keys "uploaded" by {@link #upload}; renditions recorded as keys. */
public class InMemoryMedia implements MediaStore {

    private final Set<String> objects = ConcurrentHashMap.newKeySet();
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();

    /** Pretends the browser uploaded this key; returns it. */
    public String upload(TenantId tenant) {
        String key = "tenants/" + tenant.value() + "/media/" + io.dukan.core.shared.Ids.newId() + ".jpg";
        objects.add(key);
        return key;
    }

    /** Pretends the browser uploaded bytes that are no image. */
    public String uploadUnreadable(TenantId tenant) {
        String key = upload(tenant);
        unreadable.add(key);
        return key;
    }

    public boolean has(String key) {
        return objects.contains(key);
    }

    @Override
    public Upload presignUpload(TenantId tenant, String contentType, long contentLength) {
        String key = "tenants/" + tenant.value() + "/media/" + io.dukan.core.shared.Ids.newId() + ".jpg";
        return new Upload(URI.create("https://storage.invalid/" + key), key, contentType);
    }

    @Override
    public boolean exists(TenantId tenant, String key) {
        return key.startsWith("tenants/" + tenant.value() + "/media/") && objects.contains(key);
    }

    @Override
    public void createRenditions(TenantId tenant, String originalKey) {
        if (unreadable.contains(originalKey)) {
            throw new InvalidInputException("imageKey", "this file is not an image the store can read");
        }
        for (Rendition r : Rendition.values()) {
            objects.add(r.key(originalKey));
        }
    }

    @Override
    public void delete(TenantId tenant, String originalKey) {
        if (!originalKey.startsWith("tenants/" + tenant.value() + "/media/")) {
            return;
        }
        objects.remove(originalKey);
        for (Rendition r : Rendition.values()) {
            objects.remove(r.key(originalKey));
        }
    }

    @Override
    public URI viewUrl(TenantId tenant, String key) {
        return URI.create("https://storage.invalid/" + key);
    }
}
