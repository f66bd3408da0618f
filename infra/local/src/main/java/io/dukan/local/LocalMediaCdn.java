package io.dukan.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.dukan.core.catalog.MediaStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The local stand-in for template.yaml's MediaCdn: {base}/_media/{key} answers GET and HEAD for renditions of the
 * media bucket ({@code tenants/{tenant}/media/{id}-{width}.jpg}, the widths of {@link MediaStore.Rendition}), read
 * from s3mock, with the Cache-Control they were written with. Anything else is 403, as CloudFront answers when its
 * origin access may not read a key (the bucket policy lets it read renditions only) or the object does not exist.
 */
final class LocalMediaCdn {

    static final String PREFIX = "/_media";

    private static final Pattern RENDITION =
            Pattern.compile("tenants/[A-Za-z0-9_-]{1,64}/media/" + MediaStore.Rendition.FILE_NAME.pattern());
    private static final List<String> RETURNED = List.of("Content-Type", "Cache-Control", "ETag", "Last-Modified");

    private final URI s3mock;
    private final String bucket;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    LocalMediaCdn(URI s3mock, String bucket) {
        this.s3mock = s3mock;
        this.bucket = bucket;
    }

    static boolean handles(String rawPath) {
        return rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/");
    }

    /** Serves one request whose raw path starts with /_media; returns the status sent. */
    int handle(HttpExchange exchange) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String key =
                exchange.getRequestURI().getRawPath().substring(PREFIX.length()).replaceFirst("^/", "");
        try (InputStream body = exchange.getRequestBody()) {
            LocalApiGateway.drain(body);
        }
        if (!(method.equals("GET") || method.equals("HEAD"))
                || !RENDITION.matcher(key).matches()) {
            return denied(exchange);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(s3mock + "/" + bucket + "/" + key))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream object = response.body()) {
            if (response.statusCode() != 200) {
                return denied(exchange);
            }
            Headers out = exchange.getResponseHeaders();
            for (String name : RETURNED) {
                response.headers().firstValue(name).ifPresent(value -> out.set(name, value));
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (method.equals("HEAD")) {
                if (length >= 0) {
                    out.set("Content-Length", String.valueOf(length));
                }
                exchange.sendResponseHeaders(200, -1);
                return 200;
            }
            exchange.sendResponseHeaders(200, length > 0 ? length : 0);
            try (OutputStream sink = exchange.getResponseBody()) {
                object.transferTo(sink);
            }
            return 200;
        }
    }

    private static int denied(HttpExchange exchange) throws IOException {
        return S3Proxy.error(exchange, 403, "AccessDenied", "Access Denied");
    }
}
