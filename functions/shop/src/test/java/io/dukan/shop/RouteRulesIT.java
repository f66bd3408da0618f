package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.CSRF;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.web.access.Allow;
import io.dukan.web.access.CsrfExempt;
import io.dukan.web.access.Public;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.uri.UriMatchTemplate;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shop function's own route table (Micronaut's {@link Router}), checked for what each route declares and sent
 * what a careless or hostile client would: every route says who may use it ({@link Public} or {@link Allow}), every
 * state-changing route is refused without the CSRF token unless it is one of the known {@link CsrfExempt} routes,
 * and no route answers a missing or wrong body or Content-Type with a 5xx. Routes added later are covered without
 * editing this test.
 */
class RouteRulesIT {

    static final String PASSWORD = "correct horse battery";
    static final Set<HttpMethod> STATE_CHANGING =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    /** The only routes that take no CSRF token, each for the reason its annotation gives. */
    static final Set<String> CSRF_EXEMPT = Set.of(
            "POST /s/{store}/payments/stripe/webhook",
            "POST /s/{store}/api/orders",
            "POST /s/{store}/payments/jazzcash/return",
            "POST /s/{store}/payments/alipay/notify");
    /** The admin's doors that must stay open to someone not signed in. */
    static final Set<String> PUBLIC_ADMIN = Set.of(
            "GET /s/{store}/admin/login",
            "POST /s/{store}/admin/login",
            "POST /s/{store}/admin/logout",
            "GET /s/{store}/admin/reset",
            "POST /s/{store}/admin/reset",
            "GET /s/{store}/admin/reset/{token}",
            "POST /s/{store}/admin/reset/{token}",
            "GET /s/{store}/admin/invite/{token}",
            "POST /s/{store}/admin/invite/{token}");

    static Emulators emulators;
    static StoreSettings store;
    static ShopFunction fn;
    static String session;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        store = TestStores.seed(emulators, "rules", "PKR", "owner@rules.example", PASSWORD);
        fn = ShopFunctionIT.function(emulators, store);
        session = ShopFunctionIT.login(fn, "rules", "owner@rules.example", PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        fn.close();
        emulators.close();
    }

    static List<UriRouteInfo<?, ?>> routes() {
        return fn.getApplicationContext()
                .getBean(Router.class)
                .uriRoutes()
                .<UriRouteInfo<?, ?>>map(r -> r)
                .sorted(Comparator.comparing(RouteRulesIT::name))
                .toList();
    }

    static String name(UriRouteInfo<?, ?> route) {
        return route.getHttpMethod() + " " + route.getUriMatchTemplate();
    }

    static Predicate<UriRouteInfo<?, ?>> distinctNames() {
        Set<String> seen = new HashSet<>();
        return route -> seen.add(name(route));
    }

    static boolean changesState(UriRouteInfo<?, ?> route) {
        return STATE_CHANGING.contains(route.getHttpMethod());
    }

    @Test
    void theRouteTable_holdsTheAdminsStateChangingRoutes() {
        assertThat(routes())
                .filteredOn(RouteRulesIT::changesState)
                .extracting(RouteRulesIT::name)
                .contains(
                        "POST /s/{store}/admin/products",
                        "POST /s/{store}/admin/catalog/import",
                        "POST /s/{store}/admin/staff/invites",
                        "POST /s/{store}/admin/discounts",
                        "POST /s/{store}/admin/discounts/{code}/pause",
                        "DELETE /s/{store}/api/products/{id}");
    }

    @Test
    void everyRoute_declaresWhoMayUseIt_andAdminRoutesArePublicOnlyForSignInAndRecovery() {
        for (UriRouteInfo<?, ?> route : routes()) {
            AnnotationMetadata declared = route.getAnnotationMetadata();
            assertThat(declared.hasAnnotation(Public.class) || declared.hasAnnotation(Allow.class))
                    .as(name(route) + " declares @Public or @Allow")
                    .isTrue();
            if (route.getUriMatchTemplate().toString().startsWith("/s/{store}/admin")
                    && !PUBLIC_ADMIN.contains(name(route).replaceFirst("^HEAD ", "GET "))) {
                assertThat(declared.hasAnnotation(Public.class))
                        .as(name(route) + " is not @Public")
                        .isFalse();
            }
        }
    }

    @Test
    void everyStateChangingRoute_checksTheCsrfToken_butTheKnownExemptions_whichSayWhy() {
        List<UriRouteInfo<?, ?>> exempt = routes().stream()
                .filter(RouteRulesIT::changesState)
                .filter(r -> r.getAnnotationMetadata().hasAnnotation(CsrfExempt.class))
                .toList();
        assertThat(exempt.stream().map(RouteRulesIT::name).distinct()).containsExactlyInAnyOrderElementsOf(CSRF_EXEMPT);
        for (UriRouteInfo<?, ?> route : exempt) {
            assertThat(route.getAnnotationMetadata()
                            .stringValue(CsrfExempt.class)
                            .orElse(""))
                    .as(name(route) + " says why")
                    .hasSizeGreaterThan(20);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyStateChangingRoute_withoutTheCsrfToken_isRefused403_evenForTheOwner() {
        return routes().stream()
                .filter(RouteRulesIT::changesState)
                .filter(r -> !CSRF_EXEMPT.contains(name(r)))
                .filter(distinctNames())
                .flatMap(route -> Stream.of(
                        DynamicTest.dynamicTest(name(route) + " without token", () -> {
                            APIGatewayProxyResponseEvent response = send(route, "_csrf=", Map.of());
                            assertThat(response.getStatusCode())
                                    .as(name(route) + "\n" + response.getBody())
                                    .isEqualTo(403);
                        }),
                        DynamicTest.dynamicTest(name(route) + " with another token", () -> {
                            APIGatewayProxyResponseEvent response = send(
                                    route,
                                    "_csrf=zzzzzzzzzzzzzzzzzzzzzzzzzz",
                                    Map.of("X-CSRF-Token", "zzzzzzzzzzzzzzzzzzzzzzzzzz"));
                            assertThat(response.getStatusCode())
                                    .as(name(route) + "\n" + response.getBody())
                                    .isEqualTo(403);
                        })));
    }

    @Test
    void aStateChangingRoute_withTheToken_isNotRefused() {
        APIGatewayProxyResponseEvent response = fn.handleRequest(
                ShopFunctionIT.withCookie(ProxyEvents.form("/s/rules/admin/collections", "title=Summer"), session),
                null);
        assertThat(response.getStatusCode())
                .as(response.getBody())
                .isNotEqualTo(403)
                .isLessThan(400);
    }

    @Test
    void aRouteThatDeclaresNothing_isRefused403_evenToTheOwner_beforeItsHandlerRuns() throws Exception {
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.tenant-id", store.tenantId().value());
        properties.put("dukan.store-slug", store.slug().value());
        properties.put(UndeclaredRouteController.ENABLED, "true");
        try (ShopFunction careless =
                new ShopFunction(ApplicationContext.builder().properties(properties))) {
            String owner = ShopFunctionIT.login(careless, "rules", "owner@rules.example", PASSWORD);
            APIGatewayProxyResponseEvent response = careless.handleRequest(
                    ShopFunctionIT.withCookie(ProxyEvents.get("/s/rules/admin/undeclared"), owner), null);
            assertThat(response.getStatusCode()).isEqualTo(403);
            assertThat(response.getBody()).doesNotContain("the handler ran");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRoute_withNoBodyNoContentTypeOrAWrongOne_answers4xxNever5xx() {
        return routes().stream()
                .filter(distinctNames())
                .flatMap(route -> Stream.of(
                        DynamicTest.dynamicTest(
                                name(route) + " no body, no Content-Type",
                                () -> assertNoServerError(route, null, Map.of())),
                        DynamicTest.dynamicTest(
                                name(route) + " wrong Content-Type",
                                () -> assertNoServerError(
                                        route, "<not>what</was>expected", Map.of("Content-Type", "application/xml"))),
                        DynamicTest.dynamicTest(
                                name(route) + " garbage Content-Type",
                                () -> assertNoServerError(route, "x", Map.of("Content-Type", "no/such;;=type"))),
                        DynamicTest.dynamicTest(
                                name(route) + " form type, empty body",
                                () -> assertNoServerError(
                                        route, "", Map.of("Content-Type", "application/x-www-form-urlencoded"))),
                        DynamicTest.dynamicTest(
                                name(route) + " JSON type, broken body",
                                () -> assertNoServerError(
                                        route, "{\"lines\":[", Map.of("Content-Type", "application/json")))));
    }

    @Test
    void theCatalogImport_withoutAContentType_isABadRequest_notAServerError() {
        APIGatewayProxyResponseEvent response = fn.handleRequest(
                ProxyEvents.event(
                        "POST",
                        "/s/rules/admin/catalog/import",
                        null,
                        Map.of(
                                "Cookie",
                                session + "; dukan_csrf=" + CSRF,
                                "X-CSRF-Token",
                                CSRF,
                                "Accept",
                                "text/html")),
                null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    }

    /** Signed in as the owner, with the CSRF cookie and header (so the handler itself meets the bad request). */
    private static void assertNoServerError(UriRouteInfo<?, ?> route, String body, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        // signing out would end the session the other cases use: that one is sent without it (it is public)
        boolean signOut = route.getUriMatchTemplate().toString().endsWith("/logout");
        headers.put("Cookie", (signOut ? "" : session + "; ") + "dukan_csrf=" + CSRF);
        headers.put("X-CSRF-Token", CSRF);
        APIGatewayProxyResponseEvent response = fn.handleRequest(
                ProxyEvents.event(
                        route.getHttpMethod().name(),
                        path(route),
                        route.getHttpMethod() == HttpMethod.GET ? null : body,
                        headers),
                null);
        assertThat(response.getStatusCode())
                .as(name(route) + " " + extra + "\n" + response.getBody())
                .isLessThan(500);
        if (changesState(route)
                && extra.containsKey("Content-Type")
                && !extra.get("Content-Type").contains("form")
                && !extra.get("Content-Type").contains("json")) {
            assertThat(response.getStatusCode()).as(name(route) + " " + extra).isBetween(400, 499);
        }
    }

    private static APIGatewayProxyResponseEvent send(
            UriRouteInfo<?, ?> route, String formBody, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("Cookie", session + "; dukan_csrf=" + CSRF);
        boolean form = route.getConsumes().stream().anyMatch(t -> t.getSubtype().equals("x-www-form-urlencoded"));
        headers.put("Content-Type", form ? "application/x-www-form-urlencoded" : "application/json");
        headers.put("Accept", "*/*");
        String body = form ? formBody + "&title=x&email=x%40example.com" : "{\"title\":\"x\"}";
        return fn.handleRequest(ProxyEvents.event(route.getHttpMethod().name(), path(route), body, headers), null);
    }

    static String path(UriRouteInfo<?, ?> route) {
        UriMatchTemplate template = route.getUriMatchTemplate();
        Map<String, Object> values = new HashMap<>();
        for (String name : template.getVariableNames()) {
            values.put(name, name.equals("store") ? "rules" : "aaaaaaaaaaaaaaaaaaaaaaaaaa");
        }
        String path = template.expand(values);
        return path.isEmpty() ? "/" : path;
    }
}
