package io.dukan.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The part of Lambda's Runtime API a custom runtime's {@code bootstrap} talks to (one per function instance, on
 * 127.0.0.1): {@code GET /2018-06-01/runtime/invocation/next} hands out the next event (blocking until there is one),
 * {@code POST …/invocation/{id}/response} and {@code …/invocation/{id}/error} answer it, {@code POST
 * …/runtime/init/error} reports a failed init. {@link #invoke} queues an event and waits for its answer.
 */
public final class LocalRuntimeApi implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    /** A function error reported through {@code /error} or {@code /init/error}: the runtime's JSON body. */
    public static final class InvocationError extends RuntimeException {
        public InvocationError(String message) {
            super(message);
        }
    }

    private record Invocation(String requestId, byte[] event, String functionArn, long deadlineMillis) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<byte[]>> answers = new ConcurrentHashMap<>();
    private volatile String initError;

    public LocalRuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // /next blocks a thread while the runtime waits for work
        executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "local-runtime-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** host:port, as Lambda sets AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Hands {@code event} (JSON) to the runtime and waits up to {@code timeout} for its answer (JSON).
     *
     * @throws InvocationError the function reported an error (or its init failed)
     * @throws TimeoutException no answer in time
     */
    public byte[] invoke(byte[] event, String functionArn, Duration timeout)
            throws InterruptedException, TimeoutException {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        answers.put(requestId, answer);
        try {
            if (initError != null) {
                throw new InvocationError("init failed: " + initError);
            }
            pending.add(new Invocation(
                    requestId, event, functionArn, System.currentTimeMillis() + LocalLambdaContext.TIMEOUT_MILLIS));
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            answers.remove(requestId);
        }
    }

    /** Fails every waiting invocation (the runtime process died). */
    public void failAll(String why) {
        answers.values().forEach(a -> a.completeExceptionally(new InvocationError(why)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/response")) {
                answer(
                        exchange,
                        path.substring("invocation/".length(), path.length() - "/response".length()),
                        body,
                        false);
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/error")) {
                answer(exchange, path.substring("invocation/".length(), path.length() - "/error".length()), body, true);
            } else if (method.equals("POST") && path.equals("init/error")) {
                initError = new String(body, StandardCharsets.UTF_8);
                failAll("init failed: " + initError);
                send(exchange, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
            } else {
                send(
                        exchange,
                        404,
                        "{\"errorMessage\":\"no such runtime API route\"}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 500, new byte[0]);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMillis()));
        exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
        exchange.getResponseHeaders()
                .set(
                        "Lambda-Runtime-Trace-Id",
                        "Root=1-00000000-"
                                + invocation.requestId().replace("-", "").substring(0, 24));
        send(exchange, 200, invocation.event());
    }

    private void answer(HttpExchange exchange, String requestId, byte[] body, boolean error) throws IOException {
        CompletableFuture<byte[]> answer = answers.get(requestId);
        if (answer == null) {
            send(exchange, 400, "{\"errorMessage\":\"unknown request id\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (error) {
            answer.completeExceptionally(new InvocationError(new String(body, StandardCharsets.UTF_8)));
        } else {
            answer.complete(body);
        }
        send(exchange, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        failAll("runtime API closed");
        server.stop(0);
        executor.shutdownNow();
    }
}
