package io.dukan.bench.child;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What both children share: arguments, the event (as the local gateway builds it for GET /s/{slug}/), the end. */
public final class Child {

    static final String READY = "READY";
    /** USER_HZ, the unit of /proc/self/stat's start time: 100 on Linux. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private Child() {}

    /** "name=value" arguments; names with a prefix ("prop.", "env.") are grouped by {@link #withPrefix}. */
    static Map<String, String> arguments(String[] args) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("expected name=value, got " + arg);
            }
            parsed.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return parsed;
    }

    static Map<String, Object> withPrefix(Map<String, String> arguments, String prefix) {
        Map<String, Object> selected = new TreeMap<>();
        arguments.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                selected.put(name.substring(prefix.length()), value);
            }
        });
        return selected;
    }

    static String required(Map<String, String> arguments, String name) {
        String value = arguments.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing argument " + name);
        }
        return value;
    }

    /**
     * The rest of every cold-start child once its handler is built: the init time taken now, GET /s/{slug}/ answered
     * by the handler, the READY line, and the wait for the parent. Arguments: slug, host, expect.
     */
    static void answerHome(
            Map<String, String> arguments,
            String functionName,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
        long initMillis = millisSinceProcessStart();
        APIGatewayProxyResponseEvent response = handler.handleRequest(
                storeHome(required(arguments, "slug"), required(arguments, "host")), context(functionName));
        ready(initMillis, response, required(arguments, "expect"));
        awaitParentAndExit();
    }

    /** GET /s/{slug}/ as the local API gateway hands it to the store's function (REST API, payload 1.0). */
    public static APIGatewayProxyRequestEvent storeHome(String slug, String host) {
        String path = "/s/" + slug + "/";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        headers.put("Accept", "text/html");
        headers.put("User-Agent", "dukan-bench");
        headers.put("X-Forwarded-For", "127.0.0.1");
        headers.put("X-Forwarded-Proto", "http");
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        event.setResource("/s/" + slug);
        event.setPath(path);
        event.setHttpMethod("GET");
        event.setHeaders(headers);
        event.setMultiValueHeaders(multi);
        event.setIsBase64Encoded(false);
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setSourceIp("127.0.0.1");
        identity.setUserAgent("dukan-bench");
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAccountId("000000000000");
        context.setApiId("local");
        context.setResourceId("local");
        context.setStage("local");
        context.setRequestId("bench-cold-start");
        context.setResourcePath("/s/" + slug);
        context.setHttpMethod("GET");
        context.setPath(path);
        context.setProtocol("HTTP/1.1");
        context.setDomainName(host.contains(":") ? host.substring(0, host.indexOf(':')) : host);
        context.setRequestTimeEpoch(System.currentTimeMillis());
        context.setIdentity(identity);
        event.setRequestContext(context);
        return event;
    }

    /**
     * Prints the READY line: milliseconds from this process's start to the handler built ({@code initMillis}) and
     * to now, the answer's status and size, and
     * whether it holds the expected text (data read from DynamoDB). The time is taken twice. {@code handleMillis}:
     * {@code ProcessHandle.current().info().startInstant()} to {@code Instant.now()}; the JDK builds that start
     * instant from the boot time in /proc/stat, which has whole seconds, so it carries the same offset of up to a
     * second in every process. {@code ownMillis}: the same interval on the kernel's own clock, /proc/uptime now
     * minus the process's start time in /proc/self/stat (both since boot, to the 10 ms clock tick).
     */
    static void ready(long initMillis, APIGatewayProxyResponseEvent response, String expected) {
        Instant done = Instant.now();
        long ownMillis = millisSinceProcessStart();
        Instant started = ProcessHandle.current().info().startInstant().orElse(done);
        String body = response.getBody() == null ? "" : response.getBody();
        long cpuMillis = cpuMillis();
        System.out.println(READY + " initMillis=" + initMillis + " ownMillis=" + ownMillis
                + " handleMillis=" + Duration.between(started, done).toMillis()
                + " status=" + response.getStatusCode()
                + " bytes=" + body.getBytes(StandardCharsets.UTF_8).length
                + " found=" + body.contains(expected) + " cpuMillis=" + cpuMillis);
        System.out.flush();
        if (!body.contains(expected)) { // for the log the parent names when it refuses this answer
            System.err.println("answer without the expected data (status " + response.getStatusCode() + "): "
                    + body.substring(0, Math.min(body.length(), 2_000)));
        }
    }

    /** Uptime now minus this process's start time, both in the kernel's clock since boot; -1 without /proc. */
    static long millisSinceProcessStart() {
        try {
            String uptime = Files.readString(Path.of("/proc/uptime")).strip().split("\\s+")[0];
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name (which may hold spaces): state is field 3, starttime field 22
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[22 - 3]);
            return Math.round(Double.parseDouble(uptime) * 1000) - startTicks * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time this process has used so far, all threads (JIT compilers and GC included): utime + stime of
     * /proc/self/stat, in 10 ms ticks; -1 without /proc. Unlike elapsed time it hardly moves when other processes
     * compete for the cores, so it compares two builds' work even on a busy machine.
     */
    static long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
            return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Keeps the process (and its peak RSS) until the parent closes stdin, then ends it. */
    static void awaitParentAndExit() {
        try {
            InputStream in = System.in;
            byte[] buffer = new byte[64];
            while (in.read(buffer) >= 0) {
                // the parent writes nothing; end of stream is the signal
            }
        } catch (IOException ignored) {
            // the parent is gone: exit as well
        }
        System.exit(0); // the handler's clients and Micronaut's threads need not be shut down one by one
    }

    /** The Lambda context of the single invocation. */
    static Context context(String functionName) {
        long deadline = System.currentTimeMillis() + 29_000;
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return "bench-cold-start";
            }

            @Override
            public String getLogGroupName() {
                return "/aws/lambda/" + functionName;
            }

            @Override
            public String getLogStreamName() {
                return "bench";
            }

            @Override
            public String getFunctionName() {
                return functionName;
            }

            @Override
            public String getFunctionVersion() {
                return "$LATEST";
            }

            @Override
            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return (int) Math.max(0, deadline - System.currentTimeMillis());
            }

            @Override
            public int getMemoryLimitInMB() {
                return 1024;
            }

            @Override
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    @Override
                    public void log(String message) {
                        System.err.println(message);
                    }

                    @Override
                    public void log(byte[] message) {
                        System.err.println(new String(message, StandardCharsets.UTF_8));
                    }
                };
            }
        };
    }
}
