package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static io.dukan.aws.testing.ProxyEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestCatalog;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.operator.StoreSuspensions;
import io.dukan.core.operator.Suspension;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.testing.ProductTestData;
import io.dukan.shop.web.ThisStore;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A store the operators suspend, through the store's real handler against DynamoDB Local: the suspension item is
 * written as the console writes it, and the store's own (warm) function closes within the guard's 5-second cache,
 * then opens again on reactivation.
 */
class SuspendedStoreIT {

    static final String PASSWORD = "suspension password";
    static Emulators emulators;
    static StoreSettings store;
    static ShopFunction fn;
    static StoreSuspensions suspensions;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        store = TestStores.seed(emulators, "closing", "PKR", "owner@closing.example", PASSWORD);
        TestCatalog.add(emulators, store.tenantId(), ProductTestData.aProduct().build());
        fn = ShopFunctionIT.function(emulators, store);
        suspensions = fn.getApplicationContext().getBean(StoreSuspensions.class);
    }

    @AfterAll
    static void stop() throws Exception {
        fn.close();
        emulators.close();
    }

    static APIGatewayProxyResponseEvent call(
            com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent e) {
        return fn.handleRequest(e, null);
    }

    static void waitOutTheCache() throws InterruptedException {
        Thread.sleep(5_200);
    }

    @Test
    void aSuspendedStore_isClosedToShoppers_readOnlyToItsOwner_andOpensAgainOnReactivation() throws Exception {
        String owner = ShopFunctionIT.login(fn, "closing", "owner@closing.example", PASSWORD);
        assertThat(call(get("/s/closing/")).getStatusCode()).isEqualTo(200);
        assertThat(call(json("GET", "/s/closing/api/products", null)).getStatusCode())
                .isEqualTo(200);

        suspensions.suspend(
                store.tenantId(), new Suspension("counterfeit goods <reported>", "ops@x.example", Instant.now()));
        waitOutTheCache();

        APIGatewayProxyResponseEvent home = call(get("/s/closing/"));
        assertThat(home.getStatusCode()).isEqualTo(503);
        assertThat(header(home, "Retry-After")).hasValue("3600");
        assertThat(home.getBody()).contains("Temporarily closed").doesNotContain("counterfeit");

        APIGatewayProxyResponseEvent api = call(json("GET", "/s/closing/api/products", null));
        assertThat(api.getStatusCode()).isEqualTo(503);
        assertThat(header(api, "Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(api.getBody()).contains("store-suspended");

        APIGatewayProxyResponseEvent order =
                call(json("POST", "/s/closing/api/orders", "{\"items\":[],\"customer\":{\"name\":\"A\"}}"));
        assertThat(order.getStatusCode()).isEqualTo(503);
        assertThat(order.getBody()).contains("store-suspended");

        APIGatewayProxyResponseEvent checkout = call(form("/s/closing/checkout/place", "name=A"));
        assertThat(checkout.getStatusCode()).isEqualTo(503);

        APIGatewayProxyResponseEvent adminPage =
                call(ShopFunctionIT.withCookie(get("/s/closing/admin/settings"), owner));
        assertThat(adminPage.getStatusCode()).isEqualTo(200);
        assertThat(adminPage.getBody())
                .contains("id=\"suspended\"")
                .contains("counterfeit goods &lt;reported&gt;")
                .doesNotContain("<reported>");

        APIGatewayProxyResponseEvent change = call(ShopFunctionIT.withCookie(
                form("/s/closing/admin/settings", "name=Renamed&currency=PKR&language=en"), owner));
        assertThat(change.getStatusCode()).isEqualTo(403);
        assertThat(change.getBody()).contains("Store suspended").contains("counterfeit goods &lt;reported&gt;");
        assertThat(fn.getApplicationContext()
                        .getBean(ThisStore.class)
                        .settings()
                        .name())
                .isNotEqualTo("Renamed");

        // the owner can still sign in to read it
        assertThat(ShopFunctionIT.login(fn, "closing", "owner@closing.example", PASSWORD))
                .isNotBlank();

        suspensions.lift(store.tenantId());
        waitOutTheCache();

        assertThat(call(get("/s/closing/")).getStatusCode()).isEqualTo(200);
        assertThat(call(json("GET", "/s/closing/api/products", null)).getStatusCode())
                .isEqualTo(200);
        APIGatewayProxyResponseEvent adminAgain =
                call(ShopFunctionIT.withCookie(get("/s/closing/admin/settings"), owner));
        assertThat(adminAgain.getBody()).doesNotContain("id=\"suspended\"");
    }

    @Test
    void theClosedPage_speaksTheStoresLanguage() throws Exception {
        StoreSettings urdu = TestStores.seed(emulators, "band-dukan", "PKR", "owner@band.example", PASSWORD);
        // the store's language is its settings'; TestStores seeds English: switch it to Urdu as the owner would
        io.dukan.core.tenant.StoreDataRepository data =
                fn.getApplicationContext().getBean(io.dukan.core.tenant.StoreDataRepository.class);
        StoreSettings inUrdu = new StoreSettings(
                urdu.tenantId(), urdu.slug(), urdu.name(), urdu.currency(), "PK", "ur", urdu.contact());
        data.saveSettings(inUrdu);
        try (ShopFunction urduFn = ShopFunctionIT.function(emulators, inUrdu)) {
            suspensions.suspend(urdu.tenantId(), new Suspension("reason", "ops@x.example", Instant.now()));
            APIGatewayProxyResponseEvent closed = urduFn.handleRequest(get("/s/band-dukan/"), null);
            assertThat(closed.getStatusCode()).isEqualTo(503);
            assertThat(closed.getBody()).contains("عارضی طور پر بند").contains("dir=\"rtl\"");
        }
    }
}
