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
 * first use and kept for 30 seconds (they change rarely; a cold start should not pay for them before it must). A save
 * on this instance is seen at once ({@link #saved}); other instances of the store's function see it within the TTL.
 */
@Singleton
public class ThisStore {

    private static final long SETTINGS_TTL_NANOS = Duration.ofSeconds(30).toNanos();

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

    /** The settings as just saved: this instance shows them from the next request on. */
    public void saved(StoreSettings updated) {
        if (!updated.tenantId().equals(id)) {
            throw new IllegalArgumentException("settings of another store");
        }
        settings = updated;
        settingsLoadedAt = System.nanoTime();
    }
}
