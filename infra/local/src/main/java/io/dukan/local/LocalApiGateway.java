package io.dukan.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.dukan.core.tenant.Slug;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local REST API: turns each HTTP request into an API Gateway proxy event (payload 1.0) and invokes the
 * function behind its route in-process.
 *
 * <p>Routing, in order: {@code /_s3/…} goes to the S3 proxy; {@code /_outbox/…} to the local mail outbox; a {@code {slug}.localhost} host is rewritten to
 * {@code /s/{slug}{path}}; {@code /s/{slug}} and below go to the store's function when the local fleet has a
 * route for the slug (static resources /s/{slug} and /s/{slug}/{proxy+}, as the AWS fleet creates them, which beat
 * the template's /s/{store}/… as static parts beat parameters on API Gateway); everything else is matched against
 * the template's API routes. No match is a 403 {"message":"Missing Authentication Token"}, exactly what API Gateway
 * answers for a path or method it has no resource for, so code and tests see the same thing locally and deployed.
 *
 * <p>A request whose body cannot be read (shorter than its Content-Length, broken chunked encoding) is the
 * client's fault: it is answered 400, as API Gateway answers malformed requests, and logged at INFO.
 */
final class LocalApiGateway implements HttpHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.dukan.local.gateway");

    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private static final long DRAIN_LIMIT_BYTES = 100L * 1024 * 1024;

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService workers;
    private final int port;
    // set once by start(), before the first request can arrive
    private ApiRouteTable<FunctionSlot> templateRoutes;
    private LocalStoreFleet fleet;
    private S3Proxy s3;
    private int minimumCompressionSize = -1;
    private LocalMediaCdn media;
    private LocalOutbox outbox;
    private LocalPaymentSandbox sandbox;

    /**
     * Binds 127.0.0.1:{port} (0 = any free port), and [::1] on the same port when the machine has IPv6; serves
     * nothing until {@link #start}, so what depends on the port (the public S3 endpoint, CORS origins) can be
     * built in between.
     */
    LocalApiGateway(int port) throws IOException {
        this.workers = Executors.newFixedThreadPool(64, daemonThreads("gateway-"));
        HttpServer ipv4;
        try {
            ipv4 = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 256);
        } catch (BindException e) {
            workers.shutdownNow();
            throw new BindException(
                    "port " + port + " is in use (another local cloud running? try --port=…): " + e.getMessage());
        }
        servers.add(ipv4);
        this.port = ipv4.getAddress().getPort();
        try {
            // browsers may resolve localhost and {slug}.localhost to ::1 first
            servers.add(HttpServer.create(new InetSocketAddress(InetAddress.getByName("::1"), this.port), 256));
        } catch (IOException e) {
            LOG.debug("not listening on [::1]:{}: {}", this.port, e.toString());
        }
        for (HttpServer server : servers) {
            server.createContext("/", this);
            server.setExecutor(workers);
        }
    }

    int port() {
        return port;
    }

    /**
     * Gzips a function's answer of at least this many bytes when the request accepts gzip, as API Gateway does
     * with the REST API's MinimumCompressionSize (negative: never, API Gateway's default). Set before start.
     */
    /** The wallet providers' sandbox stand-ins at /_sandbox; set before {@link #start}. */
    void paymentSandbox(LocalPaymentSandbox sandbox) {
        this.sandbox = sandbox;
    }

    void compressAtLeast(int bytes) {
        this.minimumCompressionSize = bytes;
    }

    private volatile LocalStoreMetrics storeMetrics;

    /** Where each store function's requests are counted (the operator console's figures); set before start. */
    void countStoreRequests(LocalStoreMetrics metrics) {
        this.storeMetrics = metrics;
    }

    void start(ApiRouteTable<FunctionSlot> templateRoutes, LocalStoreFleet fleet, S3Proxy s3) {
        start(templateRoutes, fleet, s3, null);
    }

    /** As above, with the local mail outbox at /_outbox (null: none). */
    void start(ApiRouteTable<FunctionSlot> templateRoutes, LocalStoreFleet fleet, S3Proxy s3, LocalOutbox outbox) {
        start(templateRoutes, fleet, s3, outbox, null);
    }

    /** As above, with the media CDN's stand-in at /_media (null: none). */
    void start(
            ApiRouteTable<FunctionSlot> templateRoutes,
            LocalStoreFleet fleet,
            S3Proxy s3,
            LocalOutbox outbox,
            LocalMediaCdn media) {
        this.media = media;
        this.templateRoutes = templateRoutes;
        this.fleet = fleet;
        this.s3 = s3;
        this.outbox = outbox;
        servers.forEach(HttpServer::start); // Thread.start publishes the fields above to the server threads
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String browserPath = exchange.getRequestURI().getRawPath();
        String target = "-";
        int status = 500;
        try {
            if (browserPath.equals(S3Proxy.PREFIX) || browserPath.startsWith(S3Proxy.PREFIX + "/")) {
                target = "s3";
                status = s3.handle(exchange);
            } else if (media != null && LocalMediaCdn.handles(browserPath)) {
                target = "media";
                status = media.handle(exchange);
            } else if (sandbox != null && LocalPaymentSandbox.handles(browserPath)) {
                target = "sandbox";
                status = sandbox.handle(exchange);
            } else if (outbox != null && LocalOutbox.handles(browserPath)) {
                target = "outbox";
                status = outbox.handle(exchange);
            } else {
                Routed routed = api(exchange, method, browserPath);
                target = routed.target();
                status = routed.status();
            }
        } catch (UnreadableBodyException e) {
            LOG.info("{} {}: request body unreadable: {}", method, browserPath, e.getMessage());
            status = sendQuietly(
                    exchange,
                    400,
                    "{\"message\":\"Bad Request: the request body could not be read (" + jsonEscape(e.getMessage())
                            + ")\"}");
        } catch (Exception e) {
            LOG.error("{} {} failed", method, browserPath, e);
            status = sendQuietly(exchange, 502, "{\"message\": \"Internal server error\"}");
        } finally {
            exchange.close();
            LOG.info(
                    "{} {}{} -> {} {} {}ms",
                    method,
                    hostPrefix(exchange),
                    browserPath,
                    target,
                    status,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private record Routed(String target, int status) {}

    /**
     * Reading the request body failed: it is shorter than its Content-Length, or badly chunked (the JDK server's
     * input streams throw then), or the client went away. The message says which, for the log and the client.
     */
    static final class UnreadableBodyException extends IOException {
        UnreadableBodyException(IOException cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

    private Routed api(HttpExchange exchange, String method, String browserPath) throws Exception {
        byte[] body;
        boolean tooLong;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
            tooLong = body.length > MAX_BODY_BYTES;
            if (tooLong) {
                // read the rest (within reason) so the client gets to see the answer instead of a reset
                drain(in);
            }
        } catch (IOException e) {
            throw new UnreadableBodyException(e);
        }
        if (tooLong) {
            return new Routed("-", send(exchange, 413, "{\"message\":\"Request Too Long\"}"));
        }

        String path = browserPath;
        String slugHost = storeFromHost(exchange.getRequestHeaders().getFirst("Host"));
        if (slugHost != null) {
            path = "/s/" + slugHost + (browserPath.startsWith("/") ? browserPath : "/" + browserPath);
        }
        ProxyEvents.Request request = new ProxyEvents.Request(
                method,
                path,
                browserPath,
                exchange.getRequestURI().getRawQuery(),
                headers(exchange),
                body,
                exchange.getRemoteAddress().getAddress().getHostAddress());

        Optional<Routed> store = storeRoute(exchange, request);
        if (store.isPresent()) {
            return store.get();
        }
        Optional<ApiRouteTable.Match<FunctionSlot>> match = templateRoutes.match(method, path);
        if (match.isEmpty()) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "MissingAuthenticationTokenException");
            return new Routed("-", send(exchange, 403, "{\"message\":\"Missing Authentication Token\"}"));
        }
        FunctionSlot slot = match.get().target();
        return new Routed(
                slot.name(),
                invoke(
                        exchange,
                        slot,
                        request,
                        match.get().resource(),
                        match.get().pathParameters()));
    }

    /** /s/{slug} and below, when the fleet routes the slug. */
    private Optional<Routed> storeRoute(HttpExchange exchange, ProxyEvents.Request request) throws IOException {
        List<String> segments = ApiRouteTable.segments(request.path());
        if (segments.size() < 2 || !segments.get(0).equals("s")) {
            return Optional.empty();
        }
        String slug = Percent.decode(segments.get(1));
        Optional<LocalStoreFleet.Target> target = fleet.target(slug);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        if (target.get().slot() == null) {
            LOG.warn("route /s/{} exists but its function does not", slug);
            return Optional.of(
                    new Routed("store " + slug, send(exchange, 500, "{\"message\": \"Internal server error\"}")));
        }
        String resource;
        Map<String, String> pathParameters = null;
        if (segments.size() == 2) {
            resource = "/s/" + slug;
        } else {
            resource = "/s/" + slug + "/{proxy+}";
            List<String> rest = segments.subList(2, segments.size()).stream()
                    .map(Percent::decode)
                    .toList();
            pathParameters = new LinkedHashMap<>(Map.of("proxy", String.join("/", rest)));
        }
        FunctionSlot slot = target.get().slot();
        boolean cold = !slot.isLive();
        long started = System.nanoTime();
        int status = invoke(exchange, slot, request, resource, pathParameters);
        LocalStoreMetrics metrics = storeMetrics;
        if (metrics != null && target.get().function() != null) {
            metrics.record(target.get().function().tenantId(), status, (System.nanoTime() - started) / 1e6, cold);
        }
        return Optional.of(new Routed(slot.name(), status));
    }

    private int invoke(
            HttpExchange exchange,
            FunctionSlot slot,
            ProxyEvents.Request request,
            String resource,
            Map<String, String> pathParameters)
            throws IOException {
        String requestId = UUID.randomUUID().toString();
        APIGatewayProxyRequestEvent event =
                ProxyEvents.toEvent(request, resource, pathParameters, requestId, Instant.now());
        ProxyEvents.Response response;
        try {
            APIGatewayProxyResponseEvent answer = slot.invoke(event, new LocalLambdaContext(slot.name(), requestId));
            response = ProxyEvents.toResponse(answer);
        } catch (ProxyEvents.MalformedResponseException e) {
            LOG.error("{}: malformed Lambda proxy response: {}", slot.name(), e.getMessage());
            return send(exchange, 502, "{\"message\": \"Internal server error\"}");
        } catch (Exception e) {
            LOG.error("{} failed on {} {}", slot.name(), request.method(), request.path(), e);
            return send(exchange, 502, "{\"message\": \"Internal server error\"}");
        }
        for (Map.Entry<String, String> header : response.headers()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Content-Length")
                    || name.equalsIgnoreCase("Transfer-Encoding")
                    || name.equalsIgnoreCase("Connection")) {
                continue;
            }
            exchange.getResponseHeaders().add(name, header.getValue());
        }
        byte[] body = response.body();
        boolean noBody = request.method().equals("HEAD") || response.status() == 204 || response.status() == 304;
        if (!noBody
                && minimumCompressionSize >= 0
                && body.length >= minimumCompressionSize
                && exchange.getResponseHeaders().getFirst("Content-Encoding") == null
                && acceptsGzip(exchange.getRequestHeaders().get("Accept-Encoding"))) {
            body = gzip(body);
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(response.status(), noBody || body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return response.status();
    }

    /** Whether Accept-Encoding lists gzip (or *) without q=0. */
    static boolean acceptsGzip(List<String> acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String value : acceptEncoding) {
            for (String coding : value.split(",")) {
                String[] parts = coding.trim().split(";");
                String name = parts[0].trim().toLowerCase(Locale.ROOT);
                boolean refused = false;
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                    refused |= parameter.matches("q=0(\\.0*)?");
                }
                if ((name.equals("gzip") || name.equals("*")) && !refused) {
                    return true;
                }
            }
        }
        return false;
    }

    static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        }
        return bytes.toByteArray();
    }

    /**
     * "acme.localhost:3000" → "acme"; null for any other host (localhost, 127.0.0.1, a.b.localhost), and for a
     * subdomain that is no valid store slug (дукан.localhost, %66oo.localhost, api.localhost): such a host is served
     * as the platform host, which answers 403/404 as usual, instead of being turned into a path no function parses.
     */
    static String storeFromHost(String host) {
        String name = ProxyEvents.hostWithoutPort(host);
        if (name == null) {
            return null;
        }
        name = name.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (!name.endsWith(".localhost")) {
            return null;
        }
        String label = name.substring(0, name.length() - ".localhost".length());
        return Slug.parseOrNull(label) == null ? null : label;
    }

    /** The client's headers plus the X-Forwarded-* ones API Gateway adds (here: plain HTTP on our port). */
    private List<Map.Entry<String, String>> headers(HttpExchange exchange) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("X-Forwarded-For")
                    && !name.equalsIgnoreCase("X-Forwarded-Proto")
                    && !name.equalsIgnoreCase("X-Forwarded-Port")) {
                values.forEach(v -> headers.add(Map.entry(name, v)));
            }
        });
        String forwardedFor = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        headers.add(Map.entry("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client));
        headers.add(Map.entry("X-Forwarded-Port", String.valueOf(port)));
        headers.add(Map.entry("X-Forwarded-Proto", "http"));
        return headers;
    }

    /** Reads and drops what is left of a request body, up to a limit. */
    static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        int read;
        while (drained < DRAIN_LIMIT_BYTES && (read = in.read(buffer)) >= 0) {
            drained += read;
        }
    }

    /** Sends a JSON answer. */
    private static int send(HttpExchange exchange, int status, String json) throws IOException {
        return answer(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a whole answer the local cloud makes itself (the gateway's, the outbox's, the S3 stand-ins' errors); to a
     * HEAD request only its headers, with the Content-Length a GET would get. Returns the status.
     */
    static int answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(status, -1);
            return status;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return status;
    }

    /** The text as the inside of a JSON string. */
    static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int sendQuietly(HttpExchange exchange, int status, String json) {
        try {
            return send(exchange, status, json);
        } catch (IOException | RuntimeException alreadyCommitted) {
            return status;
        }
    }

    private static String hostPrefix(HttpExchange exchange) {
        String slug = storeFromHost(exchange.getRequestHeaders().getFirst("Host"));
        return slug == null ? "" : "(" + slug + ".localhost)";
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
