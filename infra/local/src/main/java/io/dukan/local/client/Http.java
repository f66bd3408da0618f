package io.dukan.local.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP client against the local API gateway, for the bench and the store runtime's training run: HTTP/1.1 with
 * keep-alive (as a browser talks to API Gateway), no redirects followed (a 303 is the answer to measure), every
 * request with a timeout.
 */
public final class Http {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** An answer; {@code cookies} holds what its Set-Cookie headers set, name → value. */
    public record Response(int status, String body, String location, Map<String, String> cookies) {}

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public Response get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                request(path).header("Accept", "text/html").GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    /** The status only; the body is read and dropped, so the client's own cost stays small. */
    public int status(String path) throws IOException, InterruptedException {
        return client.send(
                        request(path).header("Accept", "text/html").GET().build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    public Response postForm(String path, Map<String, String> form, String cookie)
            throws IOException, InterruptedException {
        String body = Forms.encode(form);
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    public Response postJson(String path, String json, String idempotencyKey) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A Cookie header for these cookies (null when there are none). */
    public static String cookieHeader(Map<String, String> cookies) {
        return cookies.isEmpty()
                ? null
                : cookies.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; "));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.contains(";") ? header.substring(0, header.indexOf(';')) : header;
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.put(
                        pair.substring(0, equals).strip(),
                        pair.substring(equals + 1).strip());
            }
        }
        return new Response(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Location").orElse(null),
                cookies);
    }
}
