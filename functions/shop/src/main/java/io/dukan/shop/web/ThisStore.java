package io.dukan.shop.web;

import io.dukan.core.checkout.CheckoutSettingsService;
import io.dukan.core.checkout.DisplayCurrencies;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The one store this function serves, from its configuration, never from a request. What every storefront page
 * shows of its owner's choices (the store's settings, the display currencies) is read on first use and kept for 30
 * seconds ({@link Cached}): they change rarely, and a warm page should cost only the DynamoDB requests for its own
 * data. A save on this instance is seen at once ({@link #saved}, {@link #savedCurrencies}); other instances of the
 * store's function see it within the 30 seconds.
 */
@Singleton
public class ThisStore {

    public static final Duration TTL = Duration.ofSeconds(30);

    private final TenantId id;
    private final Slug slug;
    private final Cached<StoreSettings> settings;
    private final Cached<DisplayCurrencies> currencies;

    ThisStore(
            @Value("${dukan.tenant-id}") String tenantId,
            @Value("${dukan.store-slug}") String slug,
            StoreDataRepository storeData,
            CheckoutSettingsService checkoutSettings,
            Clock clock) {
        this.id = new TenantId(tenantId);
        this.slug = new Slug(slug);
        this.settings = new Cached<>(
                clock,
                TTL,
                () -> storeData.settings(id).orElseThrow(() -> new NotFoundException("this store is not open yet")));
        this.currencies = new Cached<>(clock, TTL, () -> checkoutSettings.currencies(id));
    }

    public TenantId id() {
        return id;
    }

    public Slug slug() {
        return slug;
    }

    public StoreSettings settings() {
        return settings.get();
    }

    /** The currencies the owner shows prices in beside the store's own (none by default). */
    public DisplayCurrencies currencies() {
        return currencies.get();
    }

    /** The settings as just saved: this instance shows them from the next request on. */
    public void saved(StoreSettings updated) {
        if (!updated.tenantId().equals(id)) {
            throw new IllegalArgumentException("settings of another store");
        }
        settings.replace(updated);
    }

    /** The display currencies as just saved: this instance shows them from the next request on. */
    public void savedCurrencies(DisplayCurrencies updated) {
        currencies.replace(updated);
    }
}
