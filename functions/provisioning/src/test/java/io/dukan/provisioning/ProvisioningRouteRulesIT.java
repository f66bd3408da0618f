package io.dukan.provisioning;

import static io.dukan.aws.testing.ProxyEvents.CSRF;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.core.testing.RecordingQueue;
import io.dukan.web.access.CsrfExempt;
import io.micronaut.context.ApplicationContext;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The provisioning function's own route table: every state-changing route takes the CSRF token unless it is one of
 * the known {@link CsrfExempt} routes, and no route answers a missing or wrong body or Content-Type with a 5xx.
 */
class ProvisioningRouteRulesIT {

    static final Set<String> CSRF_EXEMPT = Set.of(
            "POST /api/stores",
            "POST /s/{store}/{path:.*}",
            "POST /operator/signups/{id}/approve",
            "POST /operator/signups/{id}/reject",
            "POST /operator/stores/{slug}/offboard");
    static Emulators emulators;
    static ProvisioningFunction function;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.fleet.mode", "local");
        function = new ProvisioningFunction(
                ApplicationContext.builder().properties(properties).singletons(new RecordingQueue()));
    }

    @AfterAll
    static void stop() throws Exception {
        function.close();
        emulators.close();
    }

    static List<UriRouteInfo<?, ?>> routes() {
        Set<String> seen = new HashSet<>();
        return function.getApplicationContext()
                .getBean(Router.class)
                .uriRoutes()
                .<UriRouteInfo<?, ?>>map(r -> r)
                .filter(r -> seen.add(name(r)))
                .sorted(Comparator.comparing(ProvisioningRouteRulesIT::name))
                .toList();
    }

    static String name(UriRouteInfo<?, ?> route) {
        return route.getHttpMethod() + " " + route.getUriMatchTemplate();
    }

    static boolean changesState(UriRouteInfo<?, ?> route) {
        return Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)
                .contains(route.getHttpMethod());
    }

    @Test
    void onlyTheKnownRoutes_skipTheCsrfToken_andSayWhy() {
        assertThat(routes())
                .filteredOn(ProvisioningRouteRulesIT::changesState)
                .extracting(ProvisioningRouteRulesIT::name)
                .contains("POST /signup");
        List<UriRouteInfo<?, ?>> exempt = routes().stream()
                .filter(ProvisioningRouteRulesIT::changesState)
                .filter(r -> r.getAnnotationMetadata().hasAnnotation(CsrfExempt.class))
                .toList();
        assertThat(exempt).extracting(ProvisioningRouteRulesIT::name).containsExactlyInAnyOrderElementsOf(CSRF_EXEMPT);
        exempt.forEach(r -> assertThat(
                        r.getAnnotationMetadata().stringValue(CsrfExempt.class).orElse(""))
                .as(name(r))
                .hasSizeGreaterThan(20));
    }

    @TestFactory
    Stream<DynamicTest> everyStateChangingRoute_withoutTheCsrfToken_isRefused403() {
        return routes().stream()
                .filter(ProvisioningRouteRulesIT::changesState)
                .filter(r -> !CSRF_EXEMPT.contains(name(r)))
                .map(route -> DynamicTest.dynamicTest(name(route), () -> {
                    APIGatewayProxyResponseEvent response = function.handleRequest(
                            ProxyEvents.event(
                                    route.getHttpMethod().name(),
                                    path(route),
                                    "storeName=x&slug=no-token&_csrf=",
                                    Map.of(
                                            "Content-Type",
                                            "application/x-www-form-urlencoded",
                                            "Accept",
                                            "*/*",
                                            "Cookie",
                                            "dukan_csrf=" + CSRF)),
                            null);
                    assertThat(response.getStatusCode())
                            .as(name(route) + "\n" + response.getBody())
                            .isEqualTo(403);
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyRoute_withNoBodyNoContentTypeOrAWrongOne_answersNo5xx() {
        return routes().stream()
                .flatMap(route -> Stream.of(
                        DynamicTest.dynamicTest(
                                name(route) + " no body, no Content-Type",
                                () -> assertNoServerError(route, null, Map.of())),
                        DynamicTest.dynamicTest(
                                name(route) + " wrong Content-Type",
                                () -> assertNoServerError(route, "<x/>", Map.of("Content-Type", "application/xml"))),
                        DynamicTest.dynamicTest(
                                name(route) + " form type, empty body",
                                () -> assertNoServerError(
                                        route, "", Map.of("Content-Type", "application/x-www-form-urlencoded"))),
                        DynamicTest.dynamicTest(
                                name(route) + " JSON type, broken body",
                                () -> assertNoServerError(
                                        route, "{\"slug\":", Map.of("Content-Type", "application/json")))));
    }

    private static void assertNoServerError(UriRouteInfo<?, ?> route, String body, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("Cookie", "dukan_csrf=" + CSRF);
        headers.put("X-CSRF-Token", CSRF);
        APIGatewayProxyResponseEvent response = function.handleRequest(
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
                && "application/xml".equals(extra.get("Content-Type"))
                && !name(route).startsWith("POST /s/{store}")) {
            assertThat(response.getStatusCode()).as(name(route) + " " + extra).isBetween(400, 499);
        }
    }

    static String path(UriRouteInfo<?, ?> route) {
        UriMatchTemplate template = route.getUriMatchTemplate();
        Map<String, Object> values = new HashMap<>();
        for (String name : template.getVariableNames()) {
            values.put(name, name.equals("path") ? "admin/products" : "no-such-store");
        }
        String path = template.expand(values);
        return path.isEmpty() ? "/" : path;
    }
}
