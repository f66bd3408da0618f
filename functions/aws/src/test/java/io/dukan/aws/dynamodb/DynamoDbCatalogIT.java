package io.dukan.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.aws.testing.CountedDynamoDb;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.catalog.CatalogConflictException;
import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductRepository.StockChange;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.Variant;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PlaceOrderCommand;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.ProductTestData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog's DynamoDB layout against DynamoDB Local: listings cost one Query (+ one BatchGetItem) whatever the
 * catalog's size, SKUs are unique per store, an owner's edit never overwrites stock orders took, and no listing or
 * lookup reaches another store's products or collections.
 */
class DynamoDbCatalogIT {

    static Emulators emulators;
    static CountedDynamoDb counted;
    static DynamoDbProducts products;
    static DynamoDbCollections collections;
    static DynamoDbOrders orders;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        TableName table = TestTables.emulators();
        counted = new CountedDynamoDb(emulators);
        products = new DynamoDbProducts(counted.client(), table);
        collections = new DynamoDbCollections(counted.client(), table);
        orders = new DynamoDbOrders(counted.client(), table);
    }

    @AfterAll
    static void stop() throws Exception {
        counted.close();
        emulators.close();
    }

    @BeforeEach
    void reset() {
        counted.reset();
    }

    static Product active(String name, CollectionId... in) {
        return ProductTestData.aProduct().named(name).inCollections(in).build();
    }

    static Product draft(String name) {
        return ProductTestData.aProduct()
                .named(name)
                .withStatus(ProductStatus.DRAFT)
                .build();
    }

    @Test
    void listings_costOneQueryAndOneBatchGet_whateverTheCatalogSize() {
        TenantId tenant = TenantId.newId();
        CollectionId shelf = CollectionId.newId();
        List<Product> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // mostly drafts and products off the shelf: a filtered scan of the catalog would read them all
            many.add(i % 10 == 0 ? active("Apricot " + i, shelf) : draft("Walnut " + i));
        }
        products.addAll(tenant, many);
        counted.reset();

        Page<Product> active = products.listActive(tenant, null, 24);
        Page<Product> onShelf = products.listActiveInCollection(tenant, shelf, null, 24);
        Page<Product> search = products.searchActive(tenant, "apricot", null, 24);

        assertThat(active.items()).hasSize(24).allMatch(Product::visibleToShoppers);
        assertThat(onShelf.items()).hasSize(24).allMatch(p -> p.collections().contains(shelf));
        assertThat(search.items()).hasSize(24).allMatch(p -> p.name().startsWith("Apricot"));
        assertThat(counted.calls()).containsOnly(Map.entry("Query", 3), Map.entry("BatchGetItem", 3));
    }

    @Test
    void listings_pageWithTheCursor_newestFirst_withoutRepeats() {
        TenantId tenant = TenantId.newId();
        List<Product> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(active("Fig " + i));
        }
        products.addAll(tenant, all);

        Page<Product> first = products.listActive(tenant, null, 4);
        Page<Product> second = products.listActive(tenant, first.next(), 4);

        List<String> seen = new ArrayList<>();
        first.items().forEach(p -> seen.add(p.id().value()));
        second.items().forEach(p -> seen.add(p.id().value()));
        assertThat(seen).doesNotHaveDuplicates().hasSize(7).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(second.next()).isNull();
    }

    @Test
    void search_matchesEveryWord_inTitleTagsAndSku() {
        TenantId tenant = TenantId.newId();
        Product red = ProductTestData.aProduct()
                .named("Silk scarf")
                .taggedWith("red", "gift")
                .withSku("SC-RED-1")
                .build();
        Product blue = ProductTestData.aProduct()
                .named("Silk scarf blue")
                .withSku("SC-BLUE-1")
                .build();
        products.addAll(tenant, List.of(red, blue));

        assertThat(products.searchActive(tenant, "silk gift", null, 10).items())
                .extracting(Product::id)
                .containsExactly(red.id());
        assertThat(products.searchActive(tenant, "sc-blue-1", null, 10).items())
                .extracting(Product::id)
                .containsExactly(blue.id());
        assertThat(products.searchActive(tenant, "Scarf", null, 10).items()).hasSize(2);
    }

    @Test
    void statusChange_movesTheProductBetweenListings() {
        TenantId tenant = TenantId.newId();
        CollectionId shelf = CollectionId.newId();
        Product p = active("Dates", shelf);
        products.add(tenant, p);
        Product archived = withStatus(p, ProductStatus.ARCHIVED);

        products.update(tenant, p, archived, List.of());

        assertThat(products.listActive(tenant, null, 10).items()).isEmpty();
        assertThat(products.listActiveInCollection(tenant, shelf, null, 10).items())
                .isEmpty();
        assertThat(products.searchActive(tenant, "dates", null, 10).items()).isEmpty();
        assertThat(products.listByStatus(tenant, ProductStatus.ARCHIVED, null, 10)
                        .items())
                .extracting(Product::id)
                .containsExactly(p.id());
    }

    @Test
    void sku_isUniqueWithinAStore_butNotAcrossStores() {
        TenantId tenant = TenantId.newId();
        products.add(tenant, ProductTestData.aProduct().withSku("ALMOND-1").build());

        assertThatThrownBy(() -> products.add(
                        tenant, ProductTestData.aProduct().withSku("almond-1").build()))
                .isInstanceOf(CatalogConflictException.class)
                .hasMessageContaining("ALMOND-1");
        assertThat(products.list(tenant, null, 10).items()).hasSize(1);
        assertThat(products.takenSkus(tenant, Set.of("ALMOND-1", "OTHER"))).containsExactly("ALMOND-1");

        TenantId other = TenantId.newId();
        products.add(other, ProductTestData.aProduct().withSku("ALMOND-1").build());
        assertThat(products.list(other, null, 10).items()).hasSize(1);
    }

    @Test
    void sku_isFreedWhenAProductDropsIt_andClaimedWhenAnEditTakesIt() {
        TenantId tenant = TenantId.newId();
        Product a = ProductTestData.aProduct().withSku("A-1").build();
        Product b = ProductTestData.aProduct().withSku("B-1").build();
        products.addAll(tenant, List.of(a, b));

        assertThatThrownBy(() -> products.update(tenant, b, withSku(b, "A-1"), List.of()))
                .isInstanceOf(CatalogConflictException.class)
                .hasMessageContaining("A-1");
        products.update(tenant, a, withSku(a, "A-2"), List.of());
        products.update(tenant, b, withSku(b, "A-1"), List.of());

        assertThat(products.takenSkus(tenant, Set.of("A-1", "A-2", "B-1"))).containsExactly("A-1", "A-2");
    }

    @Test
    void importOf_aFileWithATakenSku_writesNothing() {
        TenantId tenant = TenantId.newId();
        products.add(tenant, ProductTestData.aProduct().withSku("TAKEN").build());
        List<Product> batch = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            batch.add(ProductTestData.aProduct().named("Nut " + i).build()); // 60 x 3 items: several transactions
        }
        batch.add(ProductTestData.aProduct().withSku("TAKEN").build());

        assertThatThrownBy(() -> products.addAll(tenant, batch)).isInstanceOf(CatalogConflictException.class);

        assertThat(products.list(tenant, null, 100).items()).hasSize(1);
        assertThat(products.searchActive(tenant, "nut", null, 100).items()).isEmpty();
        assertThat(products.listActive(tenant, null, 100).items()).hasSize(1);
    }

    @Test
    void ownersEdit_keepsStockAnOrderTookMeanwhile() {
        TenantId tenant = TenantId.newId();
        Product p = ProductTestData.aProduct().withStock(5).build();
        products.add(tenant, p);
        Product opened = products.find(tenant, p.id()).orElseThrow(); // the owner opens the form: stock 5
        shopperBuys(tenant, p, 2); // a shopper takes 2

        Product renamed = rename(opened, "Dried figs, large");
        products.update(tenant, opened, renamed, List.of()); // stock field left at 5, unchanged

        Product after = products.find(tenant, p.id()).orElseThrow();
        assertThat(after.name()).isEqualTo("Dried figs, large");
        assertThat(after.defaultVariant().stock()).isEqualTo(3);
    }

    @Test
    void ownersStockChange_isRefused_whenAnOrderMovedItSinceTheFormShowedIt() {
        TenantId tenant = TenantId.newId();
        Product p = ProductTestData.aProduct().withStock(5).build();
        products.add(tenant, p);
        Product opened = products.find(tenant, p.id()).orElseThrow();
        shopperBuys(tenant, p, 2);
        Variant v = opened.defaultVariant();

        assertThatThrownBy(() ->
                        products.update(tenant, opened, rename(opened, "x"), List.of(new StockChange(v.id(), 5, 20))))
                .isInstanceOf(CatalogConflictException.class)
                .hasMessageContaining("to 3");
        assertThat(products.find(tenant, p.id()).orElseThrow().defaultVariant().stock())
                .isEqualTo(3);

        products.update(tenant, opened, rename(opened, "x"), List.of(new StockChange(v.id(), 3, 20)));
        assertThat(products.find(tenant, p.id()).orElseThrow().defaultVariant().stock())
                .isEqualTo(20);
    }

    @Test
    void delete_removesTheProductFromEveryListing_andFreesItsSkus() {
        TenantId tenant = TenantId.newId();
        CollectionId shelf = CollectionId.newId();
        Product p = ProductTestData.aProduct()
                .named("Raisins")
                .withSku("RA-1")
                .inCollections(shelf)
                .build();
        products.add(tenant, p);

        products.delete(tenant, p);

        assertThat(products.find(tenant, p.id())).isEmpty();
        assertThat(products.listActive(tenant, null, 10).items()).isEmpty();
        assertThat(products.listActiveInCollection(tenant, shelf, null, 10).items())
                .isEmpty();
        assertThat(products.searchActive(tenant, "raisins", null, 10).items()).isEmpty();
        assertThat(products.takenSkus(tenant, Set.of("RA-1"))).isEmpty();
    }

    @Test
    void anotherStoresProductsAndCollections_areNeverReachable() {
        TenantId mine = TenantId.newId();
        TenantId theirs = TenantId.newId();
        Collection shelf = new Collection(CollectionId.newId(), "Gifts", "", Instant.now());
        collections.add(theirs, shelf);
        Product theirProduct = ProductTestData.aProduct()
                .named("Saffron")
                .inCollections(shelf.id())
                .build();
        products.add(theirs, theirProduct);

        assertThat(products.find(mine, theirProduct.id())).isEmpty();
        assertThat(products.list(mine, null, 10).items()).isEmpty();
        assertThat(products.listActive(mine, null, 10).items()).isEmpty();
        assertThat(products.listActiveInCollection(mine, shelf.id(), null, 10).items())
                .isEmpty();
        assertThat(products.searchActive(mine, "saffron", null, 10).items()).isEmpty();
        assertThat(collections.find(mine, shelf.id())).isEmpty();
        assertThat(collections.all(mine)).isEmpty();
        assertThatThrownBy(() -> collections.update(mine, new Collection(shelf.id(), "Mine now", "", Instant.now())))
                .isInstanceOf(io.dukan.core.shared.NotFoundException.class);
        collections.delete(mine, shelf.id());
        assertThat(collections.find(theirs, shelf.id())).isPresent();
    }

    @Test
    void aProductWithAHundredSkus_isWrittenAndDeletedBeyondOneTransaction() {
        TenantId tenant = TenantId.newId();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add("v" + i);
        }
        Product p = ProductTestData.aProduct()
                .named("Buttons")
                .withSku("BTN")
                .withOption("Shade", values.toArray(String[]::new))
                .build();

        products.add(tenant, p);

        assertThat(products.takenSkus(tenant, Set.of("BTN-V0", "BTN-V99"))).hasSize(2);
        products.delete(tenant, products.find(tenant, p.id()).orElseThrow());
        assertThat(products.takenSkus(tenant, Set.of("BTN-V0", "BTN-V99"))).isEmpty();
    }

    /** A shopper's order through the checkout, as the shop's JSON API places it. */
    static void shopperBuys(TenantId tenant, Product p, int quantity) {
        TestStores.checkout(emulators.dynamo(), TestTables.emulators())
                .place(TestStores.storeOf(tenant), order(p, quantity), null);
    }

    static PlaceOrderCommand order(Product p, int quantity) {
        return new PlaceOrderCommand(
                List.of(new PlaceOrderCommand.Line(p.id(), null, quantity)),
                new Contact("Amina", "+92 300 1234567", ""),
                new Address("12 Mall Road", "", "Lahore", "", "", "PK"),
                "",
                PaymentMethod.CASH_ON_DELIVERY);
    }

    static Product withStatus(Product p, ProductStatus status) {
        return new Product(
                p.id(),
                p.name(),
                p.description(),
                status,
                p.options(),
                p.variants(),
                p.images(),
                p.collections(),
                p.tags(),
                p.hsCode(),
                p.originCountry(),
                p.sellWhenSoldOut(),
                p.createdAt(),
                p.updatedAt().plusSeconds(1));
    }

    static Product rename(Product p, String name) {
        return new Product(
                p.id(),
                name,
                p.description(),
                p.status(),
                p.options(),
                p.variants(),
                p.images(),
                p.collections(),
                p.tags(),
                p.hsCode(),
                p.originCountry(),
                p.sellWhenSoldOut(),
                p.createdAt(),
                p.updatedAt().plusSeconds(1));
    }

    static Product withSku(Product p, String sku) {
        List<Variant> vs = p.variants().stream()
                .map(v -> new Variant(
                        v.id(), sku, v.optionValues(), v.price(), v.compareAtPrice(), v.stock(), v.weightGrams()))
                .toList();
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
                p.updatedAt().plusSeconds(1));
    }
}
