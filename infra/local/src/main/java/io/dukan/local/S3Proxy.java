package io.dukan.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser-facing S3 endpoint, {base}/_s3/{bucket}/{key}: presigned URLs point here. Requests go to s3mock
 * unchanged (method, path, query, headers; the body and its Content-Type only for PUT and POST), and CORS is answered
 * here as the bucket's template CorsConfiguration declares, since s3mock has no CORS of its own.
 *
 * <p>s3mock checks no signatures, so this endpoint stands in for S3's authentication, as far as a browser can tell
 * it apart: every request but a CORS preflight must be a presigned URL, whose query carries X-Amz-Algorithm
 * (AWS4-HMAC-SHA256), X-Amz-Credential, X-Amz-Date, X-Amz-Expires and X-Amz-Signature, and which has not expired
 * (X-Amz-Date + X-Amz-Expires not in the past, X-Amz-Date not in the future); anything else is S3's 403 AccessDenied.
 * The signature itself is <em>not</em> verified (no cryptographic check; any credential and signature pass), so
 * a URL edited by hand, or used with another method or path than it was signed for, still works here where S3
 * would answer SignatureDoesNotMatch.
 *
 * <p>A PUT or POST body is read in full (into a temporary file) before anything goes to s3mock, which then gets it
 * with its Content-Length; one that cannot be read (shorter than its Content-Length, broken chunking) is S3's 400
 * IncompleteBody, and s3mock gets no request at all, so nothing is stored.
 */
final class S3Proxy {

    static final String PREFIX = "/_s3";

    private static final Logger LOG = LoggerFactory.getLogger("io.dukan.local.gateway");

    /** Hop-by-hop headers and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "host",
            "connection",
            "content-length",
            "expect",
            "upgrade",
            "transfer-encoding",
            "keep-alive",
            "te",
            "trailer",
            "proxy-connection",
            "proxy-authorization");

    private static final Set<String> NOT_RETURNED =
            Set.of("connection", "content-length", "transfer-encoding", "keep-alive", "date");

    /** Headers that describe a request body: forwarded only with one (PUT, POST). */
    private static final Set<String> BODY_HEADERS =
            Set.of("content-type", "content-encoding", "content-md5", "x-amz-decoded-content-length");
    /** The query parameters of a presigned (SigV4 query-string) URL that must be present. */
    private static final List<String> PRESIGNED_PARAMETERS =
            List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-Signature");

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");
    /** S3's limit for X-Amz-Expires: seven days. */
    private static final long MAX_EXPIRES_SECONDS = 7 * 24 * 3600;
    /** How far X-Amz-Date may lie ahead of this clock (S3 allows 15 minutes of skew). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(15);

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
            return preflight(
                    exchange,
                    cors,
                    origin,
                    in.getFirst("Access-Control-Request-Method"),
                    in.getFirst("Access-Control-Request-Headers"));
        }

        String refusal = presignedUrlRefusal(query, Instant.now());
        if (refusal != null) {
            try (InputStream body = exchange.getRequestBody()) {
                LocalApiGateway.drain(body); // so a browser mid-upload sees the answer instead of a reset
            } catch (IOException unreadable) {
                // refused either way
            }
            cors.actual(origin, method).forEach(exchange.getResponseHeaders()::set);
            return error(exchange, 403, "AccessDenied", refusal);
        }

        boolean withBody = method.equals("PUT") || method.equals("POST");
        String decodedLength = in.getFirst("x-amz-decoded-content-length");
        if (withBody && decodedLength != null && !decodedLength.strip().matches("[0-9]{1,18}")) {
            // s3mock would fail on it with a 500
            cors.actual(origin, method).forEach(exchange.getResponseHeaders()::set);
            return error(exchange, 400, "InvalidArgument", "x-amz-decoded-content-length must be a number of bytes.");
        }
        boolean awsChunked = withBody && isAwsChunked(in);
        URI target = URI.create(s3mock + path + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(5));
        in.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && (withBody || !BODY_HEADERS.contains(lower))) {
                for (String value : values) {
                    try {
                        request.header(name, value);
                    } catch (IllegalArgumentException restricted) {
                        // a header the JDK client will not send; s3mock does not need it
                    }
                }
            }
        });
        Path spooled = null;
        try {
            if (withBody) {
                // the whole body first: one that breaks off is refused here, and s3mock never sees half a request
                spooled = Files.createTempFile("dukan-s3-body-", ".tmp");
                try (InputStream body = exchange.getRequestBody()) {
                    Files.copy(body, spooled, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException unreadable) {
                    LOG.info("{} {}{}: request body unreadable: {}", method, PREFIX, path, unreadable.getMessage());
                    cors.actual(origin, method).forEach(exchange.getResponseHeaders()::set);
                    return error(
                            exchange,
                            400,
                            "IncompleteBody",
                            "The request body could not be read in full (" + unreadable.getMessage() + ").");
                }
                request.method(
                        method,
                        Files.size(spooled) == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofFile(spooled));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return forward(exchange, method, request.build(), cors, origin, awsChunked);
        } finally {
            if (spooled != null) {
                Files.deleteIfExists(spooled);
            }
        }
    }

    /**
     * Sends the request to s3mock and its answer to the client; but s3mock's 500 for a body it was told is
     * aws-chunked (Content-Encoding or x-amz-content-sha256 STREAMING-…) comes from its decoder failing on
     * framing that is no aws-chunked (a chunk size that is no hex number): the request's fault, S3's 400.
     */
    private int forward(
            HttpExchange exchange, String method, HttpRequest request, S3Cors cors, String origin, boolean awsChunked)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (awsChunked && response.statusCode() >= 500) {
            try (InputStream ignored = response.body()) {
                LOG.info(
                        "{} {}: s3mock answered {} to an aws-chunked body: taken as malformed",
                        method,
                        exchange.getRequestURI().getRawPath(),
                        response.statusCode());
            }
            cors.actual(origin, method).forEach(exchange.getResponseHeaders()::set);
            return error(exchange, 400, "InvalidRequest", "The aws-chunked request body could not be decoded.");
        }

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

    private static int preflight(
            HttpExchange exchange, S3Cors cors, String origin, String method, String requestHeaders)
            throws IOException {
        if (origin == null || method == null) {
            return error(exchange, 400, "BadRequest", "Insufficient information. Origin request header needed.");
        }
        Optional<Map<String, String>> allowed = cors.preflight(origin, method, requestHeaders);
        if (allowed.isEmpty()) {
            return error(
                    exchange,
                    403,
                    "AccessForbidden",
                    "CORSResponse: This CORS request is not allowed. This is usually because the evalution of"
                            + " Origin, request method / Access-Control-Request-Method or"
                            + " Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.");
        }
        allowed.get().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(200, -1);
        return 200;
    }

    /** S3's error document; to a HEAD request only the status and headers, as S3 answers it. */
    /** S3's error document (also the media CDN stand-in's: CloudFront passes S3's on). */
    static int error(HttpExchange exchange, int status, String code, String message) throws IOException {
        return LocalApiGateway.answer(
                exchange,
                status,
                "application/xml",
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + "<Error><Code>" + xmlEscape(code) + "</Code><Message>"
                                + xmlEscape(message) + "</Message></Error>")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Null when the query is that of a presigned URL still valid at {@code now} (its signature unchecked), else
     * why it is not, as S3 words it.
     */
    static String presignedUrlRefusal(String rawQuery, Instant now) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = Percent.decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : Percent.decodeQuery(pair.substring(equals + 1));
                parameters.putIfAbsent(name, value);
            }
        }
        if (PRESIGNED_PARAMETERS.stream().noneMatch(parameters::containsKey)) {
            return "Access Denied";
        }
        for (String name : PRESIGNED_PARAMETERS) {
            if (parameters.getOrDefault(name, "").isBlank()) {
                return "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential,"
                        + " X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.";
            }
        }
        if (!parameters.get("X-Amz-Algorithm").equals("AWS4-HMAC-SHA256")) {
            return "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"";
        }
        Instant signed;
        try {
            signed = LocalDateTime.parse(parameters.get("X-Amz-Date"), AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"";
        }
        long expires;
        try {
            expires = Long.parseLong(parameters.get("X-Amz-Expires"));
        } catch (NumberFormatException e) {
            return "X-Amz-Expires should be a number";
        }
        if (expires < 0) {
            return "X-Amz-Expires must be non-negative";
        }
        if (expires > MAX_EXPIRES_SECONDS) {
            return "X-Amz-Expires must be less than a week (in seconds) that is 604800";
        }
        if (signed.isAfter(now.plus(CLOCK_SKEW))) {
            return "Request is not valid yet";
        }
        if (signed.plusSeconds(expires).isBefore(now)) {
            return "Request has expired";
        }
        return null;
    }

    /** Whether the request says its body is aws-chunked (chunk-signed streaming upload framing). */
    private static boolean isAwsChunked(Headers headers) {
        String sha = headers.getFirst("x-amz-content-sha256");
        if (sha != null && sha.strip().toUpperCase(Locale.ROOT).startsWith("STREAMING-")) {
            return true;
        }
        List<String> encodings = headers.get("Content-Encoding");
        return encodings != null
                && encodings.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("aws-chunked"));
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** "/mediabucket/tenants/…" → "mediabucket" (path-style addressing is all s3mock and the presigner use). */
    private static String bucketOf(String path) {
        String rest = path.startsWith("/") ? path.substring(1) : path;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
