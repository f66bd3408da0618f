package io.dukan.core.offboard;

import io.dukan.core.tenant.Store;
import java.net.URI;
import java.time.Duration;

/**
 * Out-port: the store's data as one archive (zip) stored outside its media prefix, and links to download it. The
 * archive holds products.csv (the catalog spreadsheet the admin's import reads), collections.csv, orders.csv,
 * customers.csv, settings.json and the media originals under media/.
 */
public interface StoreExporter {

    /** Writes the archive (again, if it exists: the same key); returns its object key. */
    String export(Store store);

    /** A presigned GET of the archive, valid for {@code lifetime}. */
    URI downloadLink(String key, Duration lifetime);

    /** Deletes the archive; a missing one is fine. */
    void deleteArchive(String key);
}
