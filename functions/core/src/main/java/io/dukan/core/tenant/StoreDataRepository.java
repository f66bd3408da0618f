package io.dukan.core.tenant;

import io.dukan.core.account.StoreUser;
import java.util.Optional;

/** Out-port: the records a new store starts with, in the store's own partition. */
public interface StoreDataRepository {

    /** Writes the settings and the owner account; writing the same again is harmless. */
    void createStoreData(StoreSettings settings, StoreUser owner);

    /** Removes what {@link #createStoreData} wrote; absent data is fine. */
    void deleteStoreData(TenantId id, String ownerEmail);

    Optional<StoreSettings> settings(TenantId id);

    /** Overwrites the owner-editable settings (name, currency, language, contact) of an existing store. */
    void saveSettings(StoreSettings settings);
}
