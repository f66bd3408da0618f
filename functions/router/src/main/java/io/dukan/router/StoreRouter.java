package io.dukan.router;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The platform's store router (template.yaml's RouterFunction): API Gateway's {@code /s/{store}} and
 * {@code /s/{store}/{proxy+}} routes, and every request to {@code {store}.{ShopDomain}}, come here. It reads the
 * store's routing entry (PLATFORM#ROUTE#{slug}, the one item a signup's saga writes) and invokes the function that
 * entry names with the API Gateway event as it came (a subdomain request is first rewritten to /s/{store}/…, as the
 * local cloud does), answering with that function's answer. No entry: the platform function (the unknown-store
 * page). So a new store is reachable as soon as its entry is written: no API resource, no deployment.
 *
 * <p>Entries are cached per instance for {@link #HIT_TTL_MILLIS} (a found one) or {@link #MISS_TTL_MILLIS} (none),
 * so a store's requests cost one DynamoDB read per minute per router instance, and a new store is found within
 * seconds of its signup even by an instance that was asked for it a moment before.
 */
public final class StoreRouter implements RequestStreamHandler {

    static final String ROUTE_PREFIX = "PLATFORM#ROUTE#";
    static final String ROUTE_SORT_KEY = "ROUTE";
    static final long HIT_TTL_MILLIS = 60_000;
    static final long MISS_TTL_MILLIS = 2_000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a store's requests go: a function ARN (qualified with its alias when SnapStart is on), if routed. */
    @FunctionalInterface
    interface RouteTable {
        Optional<String> functionFor(String slug);
    }

    /** A synchronous Lambda invocation: the payload in, the function's answer out. */
    @FunctionalInterface
    interface Invoker {
        byte[] invoke(String function, byte[] payload);
    }

    private record Cached(Optional<String> function, long expiresAt) {}

    private final RouteTable routes;
    private final Invoker invoker;
    private final String fallbackFunction;
    private final String shopDomain;
    private final LongSupplier clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** On Lambda: DUKAN_TABLE, DUKAN_ROUTER_FALLBACK_FUNCTION and (optional) DUKAN_SHOP_DOMAIN. */
    public StoreRouter() {
        this(
                dynamoRoutes(System.getenv("DUKAN_TABLE")),
                lambdaInvoker(),
                System.getenv("DUKAN_ROUTER_FALLBACK_FUNCTION"),
                System.getenv("DUKAN_SHOP_DOMAIN"),
                System::currentTimeMillis);
    }

    StoreRouter(RouteTable routes, Invoker invoker, String fallbackFunction, String shopDomain, LongSupplier clock) {
        this.routes = routes;
        this.invoker = invoker;
        this.fallbackFunction = fallbackFunction;
        this.shopDomain = shopDomain == null || shopDomain.isBlank()
                ? null
                : shopDomain.strip().toLowerCase(Locale.ROOT);
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(route(input.readAllBytes()));
    }

    /** The store function's answer to one API Gateway (payload 1.0) event. */
    byte[] route(byte[] eventBytes) throws IOException {
        JsonNode parsed = JSON.readTree(eventBytes);
        if (!(parsed instanceof ObjectNode event)) {
            return problem(400, "not an API Gateway event");
        }
        String slug = fromSubdomain(event);
        if (slug == null) {
            slug = event.path("pathParameters").path("store").asText(null);
        }
        Optional<String> target = slug != null && SLUG.matcher(slug).matches() ? lookUp(slug) : Optional.empty();
        return invoker.invoke(target.orElse(fallbackFunction), JSON.writeValueAsBytes(event));
    }

    /**
     * A request to {store}.{ShopDomain}: rewritten to the /s/{store}/… request the store's function serves (its
     * path parameters too), and its slug returned; null for any other host.
     */
    private String fromSubdomain(ObjectNode event) {
        if (shopDomain == null) {
            return null;
        }
        String host = header(event, "host");
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (!host.endsWith("." + shopDomain)) {
            return null;
        }
        String label = host.substring(0, host.length() - shopDomain.length() - 1);
        if (!SLUG.matcher(label).matches()) {
            return null;
        }
        String path = event.path("path").asText("/");
        String rest = path.startsWith("/") ? path.substring(1) : path;
        event.put("path", "/s/" + label + "/" + rest);
        ObjectNode parameters = event.putObject("pathParameters");
        parameters.put("store", label);
        if (!rest.isEmpty()) {
            parameters.put("proxy", rest);
        }
        event.put("resource", rest.isEmpty() ? "/s/{store}" : "/s/{store}/{proxy+}");
        return label;
    }

    private static String header(JsonNode event, String name) {
        JsonNode headers = event.path("headers");
        for (var fields = headers.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue().asText(null);
            }
        }
        return null;
    }

    private Optional<String> lookUp(String slug) {
        long now = clock.getAsLong();
        Cached cached = cache.get(slug);
        if (cached != null && cached.expiresAt() > now) {
            return cached.function();
        }
        Optional<String> function = routes.functionFor(slug);
        cache.put(slug, new Cached(function, now + (function.isPresent() ? HIT_TTL_MILLIS : MISS_TTL_MILLIS)));
        return function;
    }

    static byte[] problem(int status, String detail) {
        String body = "{\"statusCode\":" + status + ",\"headers\":{\"Content-Type\":\"application/problem+json\"},"
                + "\"body\":" + quote("{\"status\":" + status + ",\"title\":\"" + detail + "\"}") + "}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RouteTable dynamoRoutes(String table) {
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .region(Region.of(System.getenv("AWS_REGION")))
                .build();
        return slug -> {
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                            .key(Map.of(
                                    "pk",
                                    AttributeValue.fromS(ROUTE_PREFIX + slug),
                                    "sk",
                                    AttributeValue.fromS(ROUTE_SORT_KEY)))
                            .projectionExpression("functionArn"))
                    .item();
            return item == null || !item.containsKey("functionArn")
                    ? Optional.empty()
                    : Optional.of(item.get("functionArn").s());
        };
    }

    static Invoker lambdaInvoker() {
        LambdaClient lambda = LambdaClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .region(Region.of(System.getenv("AWS_REGION")))
                .build();
        return (function, payload) -> {
            InvokeResponse response =
                    lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromByteArray(payload)));
            if (response.functionError() != null) {
                // the store's function crashed (or timed out): what API Gateway answers for a failed integration
                return problem(502, "the store could not answer");
            }
            return response.payload().asByteArray();
        };
    }
}
