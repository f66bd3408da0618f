package io.dukan.core.catalog;

import static io.dukan.core.testing.ProductTestData.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.InMemoryCatalog;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShopCatalogTest {

    private final TenantId store = TenantId.newId();
    private final TenantId other = TenantId.newId();
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final ShopCatalog shop = new ShopCatalog(catalog, catalog, new MediaStore() {
        @Override
        public Upload presignUpload(TenantId t, String contentType, long contentLength) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean exists(TenantId t, String key) {
            return false;
        }

        @Override
        public void createRenditions(TenantId t, String originalKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(TenantId t, String originalKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public URI viewUrl(TenantId t, String key) {
            return URI.create("https://media.example/" + key);
        }
    });

    @Test
    void product_isNotFound_whenDraftArchivedOrAnotherStores() {
        Product draft = aProduct().withStatus(ProductStatus.DRAFT).build();
        Product archived = aProduct().withStatus(ProductStatus.ARCHIVED).build();
        Product foreign = aProduct().build();
        catalog.add(store, draft);
        catalog.add(store, archived);
        catalog.add(other, foreign);

        for (Product p : new Product[] {draft, archived, foreign}) {
            assertThatThrownBy(() -> shop.product(store, p.id())).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void inCollection_ofAnotherStoresCollection_isNotFound() {
        Collection theirs = new Collection(CollectionId.newId(), "Theirs", "", Instant.now());
        catalog.add(other, theirs);
        catalog.add(other, aProduct().inCollections(theirs.id()).build());

        assertThatThrownBy(() -> shop.inCollection(store, theirs.id(), null, 24))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void search_ofNothingOrPunctuation_findsNothing_andABadCursorIsRefused() {
        catalog.add(store, aProduct().named("Dried figs").build());

        assertThat(shop.search(store, "  ", null, 24).items()).isEmpty();
        assertThat(shop.search(store, null, null, 24).items()).isEmpty();
        assertThat(shop.search(store, "figs\u0000", null, 24).items()).hasSize(1);
        assertThatThrownBy(() -> shop.search(store, "figs", "#x", 24)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void normalisedQuery_dropsControlCharacters_andCutsLongQueries() {
        assertThat(ShopCatalog.normalisedQuery(" a\tb\n ")).isEqualTo("a b");
        assertThat(ShopCatalog.normalisedQuery("x".repeat(500))).hasSize(ShopCatalog.MAX_QUERY);
    }
}
