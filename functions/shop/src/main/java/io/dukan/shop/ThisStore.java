package io.dukan.shop;

import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The one store this function serves, from its configuration, never from a request. Its settings are read on
 * first use and kept for a minute (they change rarely; a cold start should not pay for them before it must).
 */
@Singleton
public class ThisStore {

    private static final long SETTINGS_TTL_NANOS = Duration.ofMinutes(1).toNanos();

    private final TenantId id;
    private final Slug slug;
    private final StoreDataRepository storeData;
    private volatile StoreSettings settings;
    private volatile long settingsLoadedAt;

    ThisStore(@Value("${dukan.tenant-id}") String tenantId, @Value("${dukan.store-slug}") String slug,
            StoreDataRepository storeData) {
        this.id = new TenantId(tenantId);
        this.slug = new Slug(slug);
        this.storeData = storeData;
    }

    public TenantId id() {
        return id;
    }

    public Slug slug() {
        return slug;
    }

    public StoreSettings settings() {
        StoreSettings current = settings;
        if (current == null || System.nanoTime() - settingsLoadedAt > SETTINGS_TTL_NANOS) {
            current = storeData.settings(id).orElseThrow(() -> new NotFoundException("this store is not open yet"));
            settings = current;
            settingsLoadedAt = System.nanoTime();
        }
        return current;
    }
}
