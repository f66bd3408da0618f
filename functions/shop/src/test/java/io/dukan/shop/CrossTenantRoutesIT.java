package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.CSRF;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestCatalog;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductImage;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.Order;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PlaceOrderCommand;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.testing.ProductTestData;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-tenant suite, generated from the shop function's own route table: every route, with one store's
 * session, ids, image key and order code, sent to the other store's function (both ways). No route may answer
 * with the other store's data, let the other store's session in, change anything, or fail with a 5xx. Routes
 * added later are covered without editing this test.
 */
class CrossTenantRoutesIT {

    static final String PASSWORD = "correct horse battery";
    static Emulators emulators;
    static Tenant alpha;
    static Tenant beta;

    /** One store with its function, its owner's session and the data an attacker from it would know. */
    record Tenant(StoreSettings store, ShopFunction fn, Product product, Order order, String session) {

        String slug() {
            return store.slug().value();
        }

        /**
         * Values that exist only in this store's data and are never part of the attacking request (the owner's
         * e-mail is: a sign-in form may echo it back): none may appear in another store's responses.
         */
        List<String> secrets() {
            return List.of(
                    product.name(),
                    product.defaultVariant().sku(),
                    order.customerName(),
                    order.contact().phone(),
                    order.contact().email(),
                    order.address().line1());
        }

        /** What an attacker from this store would put into path variables. */
        List<String> ids() {
            return List.of(
                    product.id().value(),
                    product.defaultVariant().id().value(),
                    order.code(),
                    Long.toString(order.number()),
                    product.imageKey(),
                    store.tenantId().value());
        }
    }

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        alpha = tenant("alpha", "PKR", "Amina Qureshi", "+92 300 7654321");
        beta = tenant("beta", "USD", "Li Wei", "+86 138 0013 8000");
    }

    @AfterAll
    static void stop() throws Exception {
        alpha.fn().close();
        beta.fn().close();
        emulators.close();
    }

    static Tenant tenant(String slug, String currency, String customer, String phone) {
        StoreSettings store = TestStores.seed(emulators, slug, currency, "owner@" + slug + ".example", PASSWORD);
        Product product = TestCatalog.add(
                emulators,
                store.tenantId(),
                ProductTestData.aProduct()
                        .named("Secret " + slug + " saffron")
                        .withSku("SKU-" + slug.toUpperCase() + "-77")
                        .pricedAt(new Money(12345, currency))
                        .withStock(50)
                        .withImages(new ProductImage(
                                "tenants/" + store.tenantId().value() + "/media/" + "aaaaaaaaaaaaaaaa.jpg", "saffron"))
                        .build());
        Order order = TestStores.placeOrder(
                emulators,
                store,
                new PlaceOrderCommand(
                        List.of(new PlaceOrderCommand.Line(product.id(), null, 2)),
                        new Contact(customer, phone, slug + ".shopper@example.com"),
                        new Address("7 Secret Lane " + slug, "", "Lahore", "", "", "PK"),
                        "",
                        PaymentMethod.CASH_ON_DELIVERY));
        ShopFunction fn = ShopFunctionIT.function(emulators, store);
        String session = ShopFunctionIT.login(fn, slug, "owner@" + slug + ".example", PASSWORD);
        return new Tenant(store, fn, product, order, session);
    }

    record Route(HttpMethod method, String template, boolean json) {}

    static List<Route> routes(ShopFunction fn) {
        Router router = fn.getApplicationContext().getBean(Router.class);
        Map<String, Route> routes = new LinkedHashMap<>();
        router.uriRoutes().forEach(r -> {
            Route route = new Route(r.getHttpMethod(), r.getUriMatchTemplate().toString(), json(r));
            routes.putIfAbsent(route.method() + " " + route.template(), route);
        });
        return routes.values().stream()
                .sorted(Comparator.comparing(Route::template))
                .toList();
    }

    private static boolean json(UriRouteInfo<?, ?> route) {
        List<MediaType> consumes = route.getConsumes();
        return !consumes.isEmpty()
                && consumes.stream()
                        .noneMatch(t -> t.equals(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                                || t.equals(MediaType.MULTIPART_FORM_DATA_TYPE)
                                || t.equals(MediaType.ALL_TYPE));
    }

    @Test
    void theRouteTable_isNotEmpty_andReachesStoreRoutes() {
        List<Route> routes = routes(alpha.fn());
        assertThat(routes).extracting(Route::template).anyMatch(t -> t.startsWith("/s/{store}/admin"));
        assertThat(routes).extracting(Route::template).anyMatch(t -> t.contains("{id}") || t.contains("{code}"));
    }

    @TestFactory
    Stream<DynamicTest> everyRoute_withAlphasSessionAndIds_onBeta_showsAndChangesNothingOfAlpha() {
        return attacks(alpha, beta);
    }

    @TestFactory
    Stream<DynamicTest> everyRoute_withBetasSessionAndIds_onAlpha_showsAndChangesNothingOfBeta() {
        return attacks(beta, alpha);
    }

    @TestFactory
    Stream<DynamicTest> everyRoute_forAnotherStoresPath_isRefusedByThisStoresFunction() {
        return routes(alpha.fn()).stream()
                .filter(r -> r.template().startsWith("/s/{store}"))
                .map(route -> DynamicTest.dynamicTest(route.method() + " " + route.template(), () -> {
                    for (String id : beta.ids()) {
                        String path = expand(route.template(), beta.slug(), id);
                        APIGatewayProxyResponseEvent response = send(alpha.fn(), route, path, beta, alpha.session());
                        assertThat(response.getStatusCode())
                                .as(route + " " + path)
                                .isEqualTo(404);
                        assertNoSecrets(response, beta, route, path);
                        assertNoSecrets(response, alpha, route, path);
                    }
                }));
    }

    private Stream<DynamicTest> attacks(Tenant attacker, Tenant victim) {
        return routes(victim.fn()).stream()
                .filter(r -> r.template().startsWith("/s/{store}"))
                .map(route -> DynamicTest.dynamicTest(route.method() + " " + route.template(), () -> {
                    Snapshot before = Snapshot.of(attacker, victim);
                    for (String id : attacker.ids()) {
                        String path = expand(route.template(), victim.slug(), id);
                        APIGatewayProxyResponseEvent response =
                                send(victim.fn(), route, path, attacker, attacker.session());
                        assertThat(response.getStatusCode())
                                .as(route + " " + path + "\n" + response.getBody())
                                .isLessThan(500);
                        assertNoSecrets(response, attacker, route, path);
                        if (route.method() == HttpMethod.POST
                                && route.template().endsWith("/admin/login")) {
                            // The other store's owner's e-mail and password do not sign in here (429 once throttled).
                            assertThat(response.getStatusCode())
                                    .as(route + " " + path)
                                    .isIn(401, 429);
                        }
                        if (adminOnly(route.template())) {
                            // The other store's session must not open this store's admin.
                            assertThat(response.getStatusCode())
                                    .as(route + " " + path)
                                    .matches(s -> s < 200 || s > 299, "not a success");
                            if (response.getStatusCode() == 303) {
                                assertThat(ProxyEvents.header(response, "Location")
                                                .orElse(""))
                                        .as(route + " " + path)
                                        .contains("/admin/login");
                            }
                        }
                    }
                    assertThat(Snapshot.of(attacker, victim))
                            .as(route.toString())
                            .isEqualTo(before);
                }));
    }

    /** Pages and actions only a signed-in member of the store may use (sign-in and recovery pages excepted). */
    private static boolean adminOnly(String template) {
        return template.contains("/admin")
                && !template.contains("/login")
                && !template.contains("/logout")
                && !template.contains("/password")
                && !template.contains("/reset")
                && !template.contains("/invite");
    }

    private static String expand(String template, String slug, String id) {
        Map<String, Object> values = new HashMap<>();
        for (String name : io.micronaut.http.uri.UriMatchTemplate.of(template).getVariableNames()) {
            values.put(name, name.equals("store") ? slug : id);
        }
        String path = io.micronaut.http.uri.UriMatchTemplate.of(template).expand(values);
        return path.isEmpty() ? "/" : path;
    }

    private static APIGatewayProxyResponseEvent send(
            ShopFunction fn, Route route, String path, Tenant attacker, String session) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("productId", attacker.product().id().value());
        fields.put("variantId", attacker.product().defaultVariant().id().value());
        fields.put("id", attacker.product().id().value());
        fields.put("code", attacker.order().code());
        fields.put("number", Long.toString(attacker.order().number()));
        fields.put("imageKey", attacker.product().imageKey());
        fields.put("key", "tenants/" + attacker.store().tenantId().value() + "/media/../../x.jpg");
        fields.put("quantity", "1");
        fields.put("email", "owner@" + attacker.slug() + ".example");
        fields.put("password", PASSWORD);
        fields.put("name", "Mallory");
        fields.put("status", "PAID");
        String method = route.method().name();
        Map<String, String> headers = new HashMap<>();
        headers.put("Cookie", session + "; dukan_csrf=" + CSRF);
        headers.put("X-CSRF-Token", CSRF);
        String body = null;
        if (route.method() != HttpMethod.GET && route.method() != HttpMethod.HEAD) {
            if (route.json()) {
                headers.put("Content-Type", "application/json");
                headers.put("Accept", "application/json");
                StringBuilder json = new StringBuilder("{");
                fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "")
                        .append('"')
                        .append(k)
                        .append("\":\"")
                        .append(v)
                        .append('"'));
                json.append(",\"lines\":[{\"productId\":\"")
                        .append(fields.get("productId"))
                        .append("\",\"variantId\":\"")
                        .append(fields.get("variantId"))
                        .append("\",\"quantity\":1}]}");
                body = json.toString();
            } else {
                headers.put("Content-Type", "application/x-www-form-urlencoded");
                headers.put("Accept", "text/html");
                List<String> pairs = new ArrayList<>();
                fields.forEach((k, v) -> pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
                pairs.add("_csrf=" + CSRF);
                body = String.join("&", pairs);
            }
        } else {
            headers.put("Accept", "text/html");
        }
        return fn.handleRequest(ProxyEvents.event(method, path, body, headers), null);
    }

    private static void assertNoSecrets(APIGatewayProxyResponseEvent response, Tenant owner, Route route, String path) {
        String body = response.getBody() == null ? "" : response.getBody();
        String headers = String.valueOf(response.getHeaders()) + response.getMultiValueHeaders();
        for (String secret : owner.secrets()) {
            if (!secret.isEmpty()) {
                assertThat(body).as(route + " " + path + " leaks " + secret).doesNotContain(secret);
                assertThat(headers).as(route + " " + path + " leaks " + secret).doesNotContain(secret);
            }
        }
    }

    /** What must not change: both stores' product stock, order state and the order counters' reach. */
    record Snapshot(String attackerProduct, String attackerOrder, String victimProduct, String victimOrder) {

        static Snapshot of(Tenant attacker, Tenant victim) {
            return new Snapshot(product(attacker), order(attacker), product(victim), order(victim));
        }

        private static String product(Tenant t) {
            APIGatewayProxyResponseEvent r = t.fn().handleRequest(
                            ProxyEvents.event(
                                    "GET",
                                    "/s/" + t.slug() + "/api/products/"
                                            + t.product().id().value(),
                                    null,
                                    Map.of("Accept", "application/json")),
                            null);
            // Presigned media URLs are signed anew each second; what matters is the data around them.
            return r.getStatusCode() + " " + r.getBody().replaceAll("X-Amz-[A-Za-z]+=[^&\"]*", "");
        }

        private static String order(Tenant t) {
            APIGatewayProxyResponseEvent r = t.fn().handleRequest(
                            ProxyEvents.event(
                                    "GET",
                                    "/s/" + t.slug() + "/api/orders/"
                                            + t.order().code(),
                                    null,
                                    Map.of("Accept", "application/json")),
                            null);
            return r.getStatusCode() + " " + r.getBody();
        }
    }
}
