package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.local.template.CorsRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3CorsTest {

    private final S3Cors cors = new S3Cors(
            List.of(
                    new CorsRule(
                            List.of("https://api.example.com", "https://*.shops.example.com"),
                            List.of("PUT", "GET"),
                            List.of("content-type", "x-amz-*"),
                            List.of("ETag"),
                            600),
                    new CorsRule(List.of("*"), List.of("GET"), List.of(), List.of(), null)),
            List.of("http://localhost:3000", "http://*.localhost:3000"));

    @Test
    void preflight_fromAStoreHost_isAllowed_withTheRulesHeaders() {
        assertThat(cors.preflight("http://acme.localhost:3000", "PUT", "Content-Type, X-Amz-Meta-Name"))
                .hasValueSatisfying(h -> {
                    assertThat(h)
                            .containsEntry("Access-Control-Allow-Origin", "http://acme.localhost:3000")
                            .containsEntry("Access-Control-Allow-Methods", "PUT, GET")
                            .containsEntry("Access-Control-Allow-Headers", "content-type, x-amz-meta-name")
                            .containsEntry("Access-Control-Max-Age", "600")
                            .containsEntry("Access-Control-Expose-Headers", "ETag");
                });
    }

    @Test
    void preflight_withAHeaderNoRuleAllows_fallsToTheNextRule_orFails() {
        assertThat(cors.preflight("http://acme.localhost:3000", "PUT", "authorization"))
                .isEmpty();
        assertThat(cors.preflight("http://elsewhere.example", "GET", null))
                .hasValueSatisfying(h -> assertThat(h).containsEntry("Access-Control-Allow-Origin", "*"));
        assertThat(cors.preflight("http://elsewhere.example", "PUT", null)).isEmpty();
    }

    @Test
    void actualResponse_getsAllowOrigin_onlyForAnAdmittedOrigin() {
        assertThat(cors.actual("http://localhost:3000", "PUT"))
                .containsEntry("Access-Control-Allow-Origin", "http://localhost:3000");
        assertThat(cors.actual("http://evil.example", "PUT")).isEmpty();
        assertThat(cors.actual(null, "GET")).isEmpty();
    }

    @Test
    void deployedOrigins_stillWork() {
        assertThat(cors.preflight("https://acme.shops.example.com", "PUT", "content-type"))
                .isPresent();
        assertThat(cors.preflight("https://acme.shops.example.org", "PUT", "content-type"))
                .isEmpty();
    }

    @Test
    void wildcard_matchesAnyRun_literalOtherwise() {
        assertThat(S3Cors.wildcardMatch("http://*.localhost:*", "http://acme.localhost:3000", false))
                .isTrue();
        assertThat(S3Cors.wildcardMatch("http://*.localhost:*", "http://localhost:3000", false))
                .isFalse();
        assertThat(S3Cors.wildcardMatch("http://a.b", "http://aXb", false)).isFalse();
        assertThat(S3Cors.wildcardMatch("*", "anything", false)).isTrue();
    }
}
