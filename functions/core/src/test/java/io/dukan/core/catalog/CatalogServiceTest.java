package io.dukan.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.InMemoryAuditLog;
import io.dukan.core.testing.InMemoryCatalog;
import io.dukan.core.testing.InMemoryMedia;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogServiceTest {

    final TenantId tenant = new TenantId(io.dukan.core.shared.Ids.newId());
    final InMemoryCatalog catalog = new InMemoryCatalog();
    final InMemoryMedia media = new InMemoryMedia();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final CatalogService service = new CatalogService(
            catalog, catalog, media, audit, Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC));

    static final String HEADER =
            "Handle,Title,Description,Status,Option1 Name,Option1 Value,Option2 Name,Option2 Value,SKU,Price,Compare At Price,Stock,Weight Grams,Tags,Collections\n";

    SaveProductCommand shirt(List<ProductImage> images, int stockS, Integer shownS) {
        return new SaveProductCommand(
                "Shirt",
                "Cotton",
                ProductStatus.ACTIVE,
                List.of(new ProductOption("Size", List.of("S", "M"))),
                List.of(
                        new SaveProductCommand.VariantInput(
                                List.of("S"), "SH-S", new Money(1000, "PKR"), null, stockS, shownS, 200),
                        new SaveProductCommand.VariantInput(
                                List.of("M"), "SH-M", new Money(1000, "PKR"), null, 4, 4, 200)),
                images,
                List.of(),
                List.of("cotton"),
                "",
                "",
                false);
    }

    @Test
    void createProduct_makesRenditionsOfItsImages_andRefusesAKeyThatWasNotUploaded() {
        String key = media.upload(tenant);

        service.createProduct(tenant, "o@x", shirt(List.of(new ProductImage(key, "front")), 3, null));

        assertThat(media.has(MediaStore.Rendition.THUMBNAIL.key(key))).isTrue();
        assertThat(media.has(MediaStore.Rendition.PRODUCT_PAGE.key(key))).isTrue();
        assertThatThrownBy(() -> service.createProduct(
                        tenant,
                        "o@x",
                        shirt(
                                List.of(new ProductImage(
                                        "tenants/" + tenant.value() + "/media/aaaaaaaaaaaaaaaa.jpg", "")),
                                3,
                                null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not uploaded");
    }

    @Test
    void createProduct_refusesAnImageThePlatformCannotRead() {
        String key = media.uploadUnreadable(tenant);

        assertThatThrownBy(() ->
                        service.createProduct(tenant, "o@x", shirt(List.of(new ProductImage(key, "")), 3, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(service.products(tenant, null, 10).items()).isEmpty();
    }

    @Test
    void updateProduct_keepsStockOrdersTook_whenTheOwnerDidNotChangeIt() {
        Product p = service.createProduct(tenant, "o@x", shirt(List.of(), 3, null));
        Variant s = p.variants().get(0);
        catalog.put(tenant, withStock(p, 0, 1)); // an order took 2 of S meanwhile

        service.updateProduct(tenant, "o@x", p.id(), shirt(List.of(), 3, 3)); // form still shows 3, unchanged

        assertThat(service.product(tenant, p.id()).variant(s.id()).orElseThrow().stock())
                .isEqualTo(1);
    }

    @Test
    void updateProduct_refusesAStockChange_whenOrdersMovedItSinceTheFormWasOpened() {
        Product p = service.createProduct(tenant, "o@x", shirt(List.of(), 3, null));
        catalog.put(tenant, withStock(p, 0, 1));

        assertThatThrownBy(() -> service.updateProduct(tenant, "o@x", p.id(), shirt(List.of(), 10, 3)))
                .isInstanceOf(CatalogConflictException.class);
    }

    @Test
    void updateProduct_deletesTheMediaOfRemovedImages() {
        String key = media.upload(tenant);
        Product p = service.createProduct(tenant, "o@x", shirt(List.of(new ProductImage(key, "")), 3, null));

        service.updateProduct(tenant, "o@x", p.id(), shirt(List.of(), 3, 3));

        assertThat(media.has(key)).isFalse();
        assertThat(media.has(MediaStore.Rendition.THUMBNAIL.key(key))).isFalse();
    }

    @Test
    void deleteProduct_removesItAndItsMedia_andIsAudited() {
        String key = media.upload(tenant);
        Product p = service.createProduct(tenant, "o@x", shirt(List.of(new ProductImage(key, "")), 3, null));

        service.deleteProduct(tenant, "o@x", p.id());

        assertThat(catalog.find(tenant, p.id())).isEmpty();
        assertThat(media.has(key)).isFalse();
        assertThat(audit.recent(tenant, 10)).extracting(e -> e.action()).contains("deleted product", "added product");
    }

    @Test
    void importCsv_writesNothing_whenAnyRowIsBad_andNamesLineAndColumn() {
        String csv = HEADER
                + "tee,Tee,,active,Size,S,,,T-S,100,,5,200,,\n"
                + "tee,,,,Size,M,,,T-M,abc,,5,200,,\n"
                + "mug,Mug,,active,,,,,MUG,50,40,1,300,,\n";

        CatalogService.ImportResult result = service.importCsv(tenant, "o@x", csv, "PKR");

        assertThat(result.ok()).isFalse();
        assertThat(result.errors())
                .extracting(Object::toString)
                .contains(
                        "line 3, column Price: price must be a number, like 1250 or 1250.50",
                        "line 4, column Compare At Price: the compare-at price must be more than the price");
        assertThat(service.products(tenant, null, 10).items()).isEmpty();
    }

    @Test
    void importCsv_refusesSkusHeldByTheStoreOrRepeatedInTheFile() {
        service.createProduct(tenant, "o@x", shirt(List.of(), 3, null));
        String csv = HEADER
                + "a,A,,,,,,,SH-S,100,,5,200,,\n"
                + "b,B,,,,,,,NEW-1,100,,5,200,,\n"
                + "c,C,,,,,,,new-1,100,,5,200,,\n";

        CatalogService.ImportResult result = service.importCsv(tenant, "o@x", csv, "PKR");

        assertThat(result.errors())
                .extracting(Object::toString)
                .anyMatch(e -> e.startsWith("line 2, column SKU"))
                .anyMatch(e -> e.startsWith("line 4, column SKU"));
        assertThat(service.products(tenant, null, 10).items()).hasSize(1);
    }

    @Test
    void importCsv_groupsRowsByHandle_createsCollections_andExportRoundTrips() {
        String csv = HEADER
                + "tee,\"Tee, \"\"organic\"\"\",\"Soft\nand light\",active,Size,S,Colour,Red,T-S-R,100,120,5,200,\"summer, cotton\",Shirts; Sale\n"
                + "tee,,,,,S,,Blue,T-S-B,100,,5,200,,\n"
                + "tee,,,,,M,,Red,T-M-R,110,,0,210,,\n"
                + "tee,,,,,M,,Blue,T-M-B,110,,2,210,,\n"
                + "figs,Dried figs,,draft,,,,,FIG,450,,9,500,,Sale\n";

        CatalogService.ImportResult result = service.importCsv(tenant, "o@x", csv, "PKR");

        assertThat(result.errors()).isEmpty();
        assertThat(result.products()).isEqualTo(2);
        Product tee = service.products(tenant, null, 10).items().stream()
                .filter(p -> p.name().startsWith("Tee"))
                .findFirst()
                .orElseThrow();
        assertThat(tee.name()).isEqualTo("Tee, \"organic\"");
        assertThat(tee.variants())
                .extracting(Variant::title)
                .containsExactly("S / Red", "S / Blue", "M / Red", "M / Blue");
        assertThat(tee.collections()).hasSize(2);
        assertThat(service.collections(tenant)).extracting(Collection::title).containsExactly("Sale", "Shirts");

        TenantId other = new TenantId(io.dukan.core.shared.Ids.newId());
        String exported = service.exportCsv(tenant);
        assertThat(service.importCsv(other, "o@y", exported, "PKR").errors()).isEmpty();
        assertThat(service.exportCsv(other)).isEqualTo(exported);
    }

    private static Product withStock(Product p, int variant, int stock) {
        List<Variant> vs = new java.util.ArrayList<>(p.variants());
        vs.set(variant, vs.get(variant).withStock(stock));
        return new Product(
                p.id(),
                p.name(),
                p.description(),
                p.status(),
                p.options(),
                vs,
                p.images(),
                p.collections(),
                p.tags(),
                p.hsCode(),
                p.originCountry(),
                p.sellWhenSoldOut(),
                p.createdAt(),
                p.updatedAt());
    }
}
