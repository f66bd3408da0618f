package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRouteTableTest {

    private final ApiRouteTable<String> table = new ApiRouteTable<String>()
            .add("/signup", "ANY", "signup")
            .add("/api/stores/{slug}", "GET", "store-status")
            .add("/api/stores/mine", "GET", "my-store")
            .add("/s/{store}", "ANY", "store-root")
            .add("/s/{store}/{proxy+}", "ANY", "store-pages")
            .add("/s/{store}/admin", "POST", "admin-post");

    @Test
    void staticPath_matchesAnyMethod_whenDeclaredAny() {
        assertThat(table.match("POST", "/signup")).hasValueSatisfying(m -> {
            assertThat(m.target()).isEqualTo("signup");
            assertThat(m.resource()).isEqualTo("/signup");
            assertThat(m.pathParameters()).isNull();
        });
        assertThat(table.match("GET", "/signup/"))
                .map(ApiRouteTable.Match::target)
                .hasValue("signup");
    }

    @Test
    void staticSegment_beatsParameter() {
        assertThat(table.match("GET", "/api/stores/mine"))
                .map(ApiRouteTable.Match::target)
                .hasValue("my-store");
        assertThat(table.match("GET", "/api/stores/acme")).hasValueSatisfying(m -> {
            assertThat(m.target()).isEqualTo("store-status");
            assertThat(m.pathParameters()).isEqualTo(Map.of("slug", "acme"));
        });
    }

    @Test
    void greedyProxy_takesOneOrMoreSegments_decoded() {
        assertThat(table.match("GET", "/s/acme/products/a%20b")).hasValueSatisfying(m -> {
            assertThat(m.target()).isEqualTo("store-pages");
            assertThat(m.resource()).isEqualTo("/s/{store}/{proxy+}");
            assertThat(m.pathParameters()).containsEntry("store", "acme").containsEntry("proxy", "products/a b");
        });
        assertThat(table.match("GET", "/s/acme"))
                .map(ApiRouteTable.Match::target)
                .hasValue("store-root");
    }

    @Test
    void mostSpecificResource_isChosenBeforeTheMethod() {
        assertThat(table.match("POST", "/s/acme/admin"))
                .map(ApiRouteTable.Match::target)
                .hasValue("admin-post");
        // /s/{store}/admin exists but has no GET: API Gateway does not fall back to {proxy+}
        assertThat(table.match("GET", "/s/acme/admin")).isEmpty();
    }

    @Test
    void unknownPathOrMethod_matchesNothing() {
        assertThat(table.match("GET", "/")).isEmpty();
        assertThat(table.match("GET", "/nothing")).isEmpty();
        assertThat(table.match("DELETE", "/api/stores/acme")).isEmpty();
    }
}
