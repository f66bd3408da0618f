package io.dukan.shop.storefront;

import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.ShopCatalog;
import io.dukan.shop.web.Cached;
import io.dukan.shop.web.ThisStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * The store's collections as its home page lists them, kept per instance for {@link ThisStore#TTL} ({@link Cached}):
 * owners change them rarely, and the home page should cost only the requests for its products. A change on this
 * instance (a collection added, edited or deleted, a spreadsheet imported: ProductAdminController) makes the next
 * page read them anew; other instances of the store's function see it within the TTL.
 */
@Singleton
public class StoreCollections {

    private final Cached<List<Collection>> all;

    StoreCollections(ThisStore store, ShopCatalog catalog, Clock clock) {
        this.all = new Cached<>(clock, ThisStore.TTL, () -> List.copyOf(catalog.collections(store.id())));
    }

    List<Collection> all() {
        return all.get();
    }

    /** This instance changed the collections: the next page reads them anew. */
    public void changed() {
        all.forget();
    }
}
