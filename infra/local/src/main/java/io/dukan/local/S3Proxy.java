package io.dukan.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The browser-facing S3 endpoint, {base}/_s3/{bucket}/{key}: presigned URLs point here. Requests go to s3mock
 * unchanged (method, path, query, headers, body bytes; s3mock checks no signatures), and CORS is answered here as
 * the bucket's template CorsConfiguration declares, since s3mock has no CORS of its own.
 */
final class S3Proxy {

    static final String PREFIX = "/_s3";

    /** Hop-by-hop headers and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "proxy-authorization");
    private static final Set<String> NOT_RETURNED = Set.of("connection", "content-length", "transfer-encoding",
            "keep-alive", "date");

    private static final S3Cors NO_CORS = new S3Cors(List.of(), List.of());

    private final URI s3mock;
    private final Map<String, S3Cors> corsByBucket;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    S3Proxy(URI s3mock, Map<String, S3Cors> corsByBucket) {
        this.s3mock = s3mock;
        this.corsByBucket = Map.copyOf(corsByBucket);
    }

    /** Serves one request whose raw path starts with /_s3; returns the status sent. */
    int handle(HttpExchange exchange) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
        if (path.isEmpty()) {
            path = "/";
        }
        String query = exchange.getRequestURI().getRawQuery();
        Headers in = exchange.getRequestHeaders();
        String origin = in.getFirst("Origin");
        S3Cors cors = corsByBucket.getOrDefault(bucketOf(path), NO_CORS);

        if (method.equals("OPTIONS")) {
            return preflight(exchange, cors, origin, in.getFirst("Access-Control-Request-Method"),
                    in.getFirst("Access-Control-Request-Headers"));
        }

        URI target = URI.create(s3mock + path + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(5));
        in.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : values) {
                    try {
                        request.header(name, value);
                    } catch (IllegalArgumentException restricted) {
                        // a header the JDK client will not send; s3mock does not need it
                    }
                }
            }
        });
        request.method(method, body(exchange));
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());

        Headers out = exchange.getResponseHeaders();
        response.headers().map().forEach((name, values) -> {
            if (!NOT_RETURNED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                out.put(name, values);
            }
        });
        cors.actual(origin, method).forEach(out::set);
        int status = response.statusCode();
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream body = response.body()) {
            if (method.equals("HEAD") || status == 204 || status == 304) {
                if (method.equals("HEAD") && length >= 0) {
                    out.set("Content-Length", String.valueOf(length)); // HEAD reports the object's size
                }
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(status, length > 0 ? length : length == 0 ? -1 : 0);
                try (OutputStream sink = exchange.getResponseBody()) {
                    body.transferTo(sink);
                }
            }
        }
        return status;
    }

    private static int preflight(HttpExchange exchange, S3Cors cors, String origin, String method,
            String requestHeaders) throws IOException {
        if (origin == null || method == null) {
            return error(exchange, 400, "BadRequest",
                    "Insufficient information. Origin request header needed.");
        }
        Optional<Map<String, String>> allowed = cors.preflight(origin, method, requestHeaders);
        if (allowed.isEmpty()) {
            return error(exchange, 403, "AccessForbidden",
                    "CORSResponse: This CORS request is not allowed. This is usually because the evalution of"
                            + " Origin, request method / Access-Control-Request-Method or"
                            + " Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.");
        }
        allowed.get().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(200, -1);
        return 200;
    }

    private static int error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, xml.length);
        try (OutputStream sink = exchange.getResponseBody()) {
            sink.write(xml);
        }
        return status;
    }

    /** The request body, streamed with its declared length (so s3mock gets a Content-Length, not chunks). */
    private static HttpRequest.BodyPublisher body(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        boolean chunked = "chunked".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Transfer-Encoding"));
        if (declared != null) {
            long length = Long.parseLong(declared.strip());
            if (length == 0) {
                return HttpRequest.BodyPublishers.noBody();
            }
            return HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody), length);
        }
        if (chunked) {
            return HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody);
        }
        return HttpRequest.BodyPublishers.noBody();
    }

    /** "/mediabucket/tenants/…" → "mediabucket" (path-style addressing is all s3mock and the presigner use). */
    private static String bucketOf(String path) {
        String rest = path.startsWith("/") ? path.substring(1) : path;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
