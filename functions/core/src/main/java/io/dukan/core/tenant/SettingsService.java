package io.dukan.core.tenant;

import io.dukan.core.account.AuditEntry;
import io.dukan.core.account.AuditLog;
import io.dukan.core.catalog.MediaStore;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import java.time.Clock;

/** The owner changes what the store shows about itself: name, logo, contact details, currency, language. */
public class SettingsService {

    private final StoreDataRepository storeData;
    private final ProductRepository products;
    private final MediaStore media;
    private final AuditLog audit;
    private final Clock clock;

    public SettingsService(
            StoreDataRepository storeData, ProductRepository products, MediaStore media, AuditLog audit, Clock clock) {
        this.storeData = storeData;
        this.products = products;
        this.media = media;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Saves the settings and returns them as stored. The currency may change only while the store has no
     * products (prices are minor units of the store's currency); the logo must be an image this store uploaded
     * (its renditions are made here, before anything is saved).
     */
    public StoreSettings update(TenantId tenant, String actor, UpdateSettingsCommand command) {
        StoreSettings current = storeData.settings(tenant).orElseThrow(() -> new NotFoundException("no such store"));
        if (!command.currency().equals(current.currency())
                && !products.list(tenant, null, 1).items().isEmpty()) {
            throw new CurrencyLockedException(current.currency());
        }
        if (!command.logoKey().isEmpty()
                && !command.logoKey().equals(current.contact().logoKey())) {
            if (!media.exists(tenant, command.logoKey())) {
                throw new InvalidInputException("logoKey", "the logo was not uploaded; please choose it again");
            }
            // shoppers get the logo as a rendition, like product images (never the uploaded original)
            media.createRenditions(tenant, command.logoKey());
        }
        StoreSettings updated = new StoreSettings(
                tenant,
                current.slug(),
                command.name(),
                command.currency(),
                current.country(),
                command.language(),
                new StoreSettings.StoreContact(
                        command.phone(), command.whatsapp(), command.email(), command.address(), command.logoKey()),
                command.extraLanguages(),
                command.descriptions());
        storeData.saveSettings(updated);
        audit.record(tenant, new AuditEntry(clock.instant(), actor, "changed settings", updated.name()));
        return updated;
    }
}
