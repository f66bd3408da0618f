package io.dukan.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StoreRouterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FALLBACK = "dukan-provisioning:live";

    private final Map<String, String> entries = new HashMap<>();
    private final List<String> lookups = new ArrayList<>();
    private final List<String> invoked = new ArrayList<>();
    private final List<JsonNode> payloads = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final StoreRouter router = new StoreRouter(
            slug -> {
                lookups.add(slug);
                return Optional.ofNullable(entries.get(slug));
            },
            (function, payload) -> {
                invoked.add(function);
                try {
                    payloads.add(JSON.readTree(payload));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return "{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8);
            },
            FALLBACK,
            "shops.example.com",
            now::get);

    private static byte[] event(String path, String store, String host) {
        String parameters = store == null ? "null" : "{\"store\":\"" + store + "\"}";
        return ("{\"path\":\"" + path + "\",\"httpMethod\":\"GET\",\"pathParameters\":" + parameters
                        + ",\"headers\":{\"Host\":\"" + host + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNewStore_isRouted_assoonAsItsEntryIsWritten_withNoDeployment() throws Exception {
        router.route(event("/s/kashgar/", "kashgar", "api.example.com"));
        assertThat(invoked).containsExactly(FALLBACK);

        // the saga writes the one routing entry; the miss is cached only briefly
        entries.put("kashgar", "arn:aws:lambda:us-east-1:123456789012:function:dukan-store-t1");
        now.addAndGet(StoreRouter.MISS_TTL_MILLIS + 1);
        router.route(event("/s/kashgar/", "kashgar", "api.example.com"));

        assertThat(invoked).last().isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:dukan-store-t1");
        assertThat(payloads.get(1).path("path").asText()).isEqualTo("/s/kashgar/");
    }

    @Test
    void aStoresEntry_isReadOncePerMinute_notOncePerRequest() throws Exception {
        entries.put("kashgar", "fn-kashgar");
        for (int i = 0; i < 5; i++) {
            router.route(event("/s/kashgar/p/" + i, "kashgar", "api.example.com"));
        }
        assertThat(lookups).containsExactly("kashgar");
        assertThat(invoked).containsOnly("fn-kashgar").hasSize(5);
    }

    @Test
    void aSubdomainRequest_isRewrittenToTheStoresPath_andRouted() throws Exception {
        entries.put("kashgar", "fn-kashgar");

        router.route(event("/products/7", null, "Kashgar.Shops.Example.com"));

        assertThat(invoked).containsExactly("fn-kashgar");
        JsonNode sent = payloads.get(0);
        assertThat(sent.path("path").asText()).isEqualTo("/s/kashgar/products/7");
        assertThat(sent.at("/pathParameters/store").asText()).isEqualTo("kashgar");
        assertThat(sent.at("/pathParameters/proxy").asText()).isEqualTo("products/7");
        assertThat(sent.path("resource").asText()).isEqualTo("/s/{store}/{proxy+}");
    }

    @Test
    void anUnknownOrMalformedStore_goesToThePlatformFunction_withoutALookUpForMalformedOnes() throws Exception {
        router.route(event("/s/nobody/", "nobody", "api.example.com"));
        router.route(event("/s/..%2f/", "../x", "api.example.com"));
        router.route(event("/", null, "evil.example.org"));

        assertThat(invoked).containsOnly(FALLBACK).hasSize(3);
        assertThat(lookups).containsExactly("nobody");
    }
}
