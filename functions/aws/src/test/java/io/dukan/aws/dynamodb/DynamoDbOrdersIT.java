package io.dukan.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.aws.testing.Emulators;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.checkout.CheckoutService;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.Order;
import io.dukan.core.order.OutOfStockException;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PlaceOrderCommand;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.ProductTestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Order placement against DynamoDB Local: the transaction, stock conditions, numbering and tenant scoping. */
class DynamoDbOrdersIT {

    static Emulators emulators;
    static DynamoDbProducts products;
    static DynamoDbOrders orders;
    static CheckoutService checkout;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        TableName table = TestTables.emulators();
        products = new DynamoDbProducts(emulators.dynamo(), table);
        orders = new DynamoDbOrders(emulators.dynamo(), table);
        checkout = TestStores.checkout(emulators.dynamo(), table);
    }

    @AfterAll
    static void stop() throws Exception {
        emulators.close();
    }

    /** Places the order through the checkout, as the shop's JSON API does. */
    static Order place(TenantId tenant, PlaceOrderCommand command) {
        return checkout.place(TestStores.storeOf(tenant), command, null);
    }

    static Product product(TenantId tenant, int stock) {
        Product p = ProductTestData.aProduct().withStock(stock).build();
        products.add(tenant, p);
        return p;
    }

    static PlaceOrderCommand order(ProductId id, int... quantities) {
        List<PlaceOrderCommand.Line> lines = new ArrayList<>();
        for (int q : quantities) {
            lines.add(new PlaceOrderCommand.Line(id, null, q));
        }
        return new PlaceOrderCommand(
                lines,
                new Contact("Amina", "+92 300 1234567", ""),
                new Address("12 Mall Road", "", "Lahore", "", "", "PK"),
                "",
                PaymentMethod.CASH_ON_DELIVERY);
    }

    @Test
    void thirtyParallelOrders_forStockOfTen_placeExactlyTen_withDistinctNumbers() throws Exception {
        TenantId tenant = TenantId.newId();
        Product figs = product(tenant, 10);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Order>> buyers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            buyers.add(() -> place(tenant, order(figs.id(), 1)));
        }
        List<Long> numbers = new ArrayList<>();
        int outOfStock = 0;
        for (Future<Order> f : pool.invokeAll(buyers)) {
            try {
                numbers.add(f.get().number());
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(OutOfStockException.class);
                outOfStock++;
            }
        }
        pool.shutdown();

        assertThat(numbers).hasSize(10).doesNotHaveDuplicates();
        assertThat(numbers)
                .containsExactlyInAnyOrder(1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L, 1008L, 1009L, 1010L);
        assertThat(outOfStock).isEqualTo(20);
        assertThat(products.find(tenant, figs.id()).orElseThrow().stock()).isZero();
        assertThat(orders.recent(tenant, 100)).hasSize(10);
    }

    @Test
    void twoLinesOfOneProduct_areCheckedTogether_soTheyCannotBeatTheStockCheck() {
        TenantId tenant = TenantId.newId();
        Product figs = product(tenant, 10);

        assertThatThrownBy(() -> place(tenant, order(figs.id(), 6, 6))).isInstanceOf(OutOfStockException.class);

        assertThat(products.find(tenant, figs.id()).orElseThrow().stock()).isEqualTo(10);
        assertThat(orders.recent(tenant, 10)).isEmpty();
        Order ok = place(tenant, order(figs.id(), 4, 6));
        assertThat(ok.lines()).hasSize(1);
        assertThat(ok.lines().get(0).quantity()).isEqualTo(10);
        assertThat(ok.total()).isEqualTo(new Money(450000, "PKR"));
    }

    @Test
    void orderLines_snapshotNameAndPrice_andTheOrderIsFoundByItsCode() {
        TenantId tenant = TenantId.newId();
        Product figs = product(tenant, 3);

        Order placed = place(tenant, order(figs.id(), 2));

        Order found = orders.findByCode(tenant, placed.code()).orElseThrow();
        assertThat(found).isEqualTo(placed);
        assertThat(found.lines().get(0).productName()).isEqualTo("Dried figs");
        assertThat(found.lines().get(0).unitPrice()).isEqualTo(new Money(45000, "PKR"));
    }

    @Test
    void anotherStore_seesNoneOfThisStoresProductsOrOrders() {
        TenantId owner = TenantId.newId();
        TenantId other = TenantId.newId();
        Product figs = product(owner, 3);
        Order placed = place(owner, order(figs.id(), 1));

        assertThat(products.find(other, figs.id())).isEmpty();
        assertThat(products.list(other, null, 50).items()).isEmpty();
        assertThat(orders.findByCode(other, placed.code())).isEmpty();
        assertThat(orders.recent(other, 50)).isEmpty();
        assertThatThrownBy(() -> place(other, order(figs.id(), 1))).hasMessageContaining("no longer sold");
        assertThat(products.find(owner, figs.id()).orElseThrow().stock()).isEqualTo(2);
    }

    @Test
    void productListing_isNewestFirst_andPagesWithACursor() throws InterruptedException {
        TenantId tenant = TenantId.newId();
        List<ProductId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(product(tenant, 1).id());
            Thread.sleep(2);
        }
        var first = products.list(tenant, null, 3);
        var second = products.list(tenant, first.next(), 3);

        assertThat(first.items()).extracting(Product::id).containsExactly(ids.get(4), ids.get(3), ids.get(2));
        assertThat(second.items()).extracting(Product::id).containsExactly(ids.get(1), ids.get(0));
        assertThat(second.next()).isNull();
    }
}
