package io.dukan.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Counts the DynamoDB requests every SDK client of this JVM sends, by the thread that sent them and the operation,
 * with the items each read returned: how many reads one console page costs in the local cloud (section 9).
 *
 * <p>Registered as an AWS SDK v2 global interceptor by the bench's own resource
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}: the SDK's client builder
 * ({@code SdkDefaultClientBuilder}) adds the classes listed in every copy of that resource on the classpath
 * ({@code ClasspathInterceptorChainFactory.getGlobalInterceptors}) to each client it builds, so the clients the local
 * cloud's functions build in-process count too, with no change to their code or their configuration. Only this
 * JVM's classpath has the resource: the cold-start children get a jar of the bench's {@code io/dukan/bench/child}
 * classes only (as long as the bench runs from target/classes, as {@code mvn -Pbench verify} runs it), and no
 * deployed artifact contains it. The SDK makes one instance per client, so the counts are static. Only
 * requests to the DynamoDB service count (not DynamoDB Streams, S3, SQS…), and only while {@link #during} runs;
 * otherwise each request costs one volatile read.
 */
public final class DynamoCalls implements ExecutionInterceptor {

    /** calls and items per "thread group / operation" while armed. */
    private static final Map<String, LongAdder[]> COUNTS = new ConcurrentHashMap<>();

    private static volatile boolean armed;
    /** Every client built in this JVM got an instance: proof the resource was picked up. */
    private static final LongAdder INSTANCES = new LongAdder();

    /** Called by the SDK (the global interceptors are instantiated by their public no-argument constructor). */
    public DynamoCalls() {
        INSTANCES.increment();
    }

    /** How many SDK clients (of any service) were built with this interceptor so far. */
    static long clientsSeen() {
        return INSTANCES.sum();
    }

    /**
     * The DynamoDB requests of the whole JVM while {@code work} ran, by the sending thread's group (its name without
     * the trailing number: {@code gateway-}, {@code stream-insight-…-}, {@code queue-…-}) and operation.
     */
    static synchronized <T> Window<T> during(Callable<T> work) throws Exception {
        COUNTS.clear();
        armed = true;
        T result;
        try {
            result = work.call();
        } finally {
            armed = false;
        }
        Map<String, Map<String, long[]>> byThread = new TreeMap<>();
        COUNTS.forEach((key, counts) -> {
            int slash = key.indexOf(" / ");
            byThread.computeIfAbsent(key.substring(0, slash), t -> new TreeMap<>())
                    .put(key.substring(slash + 3), new long[] {counts[0].sum(), counts[1].sum()});
        });
        COUNTS.clear();
        return new Window<>(result, byThread);
    }

    /**
     * @param byThread thread group → operation → {requests, items returned (reads only)}
     */
    record Window<T>(T result, Map<String, Map<String, long[]>> byThread) {

        /** The requests of the threads whose names start with {@code prefix}, by operation. */
        Map<String, long[]> of(String prefix) {
            Map<String, long[]> sums = new TreeMap<>();
            byThread.forEach((thread, ops) -> {
                if (thread.startsWith(prefix)) {
                    ops.forEach((op, c) -> {
                        long[] s = sums.computeIfAbsent(op, o -> new long[2]);
                        s[0] += c[0];
                        s[1] += c[1];
                    });
                }
            });
            return sums;
        }

        /** The requests of every other thread than {@code prefix}'s, by thread group: what else ran meanwhile. */
        Map<String, Map<String, long[]>> others(String prefix) {
            Map<String, Map<String, long[]>> rest = new TreeMap<>(byThread);
            rest.keySet().removeIf(thread -> thread.startsWith(prefix));
            return rest;
        }

        static long requests(Map<String, long[]> ops) {
            return ops.values().stream().mapToLong(c -> c[0]).sum();
        }

        /** "GetItem 1 (1 item), Query 6 (66 items)". */
        static String describe(Map<String, long[]> ops) {
            if (ops.isEmpty()) {
                return "none";
            }
            StringBuilder out = new StringBuilder();
            ops.forEach((op, c) -> {
                if (!out.isEmpty()) {
                    out.append(", ");
                }
                out.append(op).append(' ').append(c[0]);
                if (op.equals("GetItem") || op.equals("Query") || op.equals("BatchGetItem") || op.equals("Scan")) {
                    out.append(" (").append(c[1]).append(c[1] == 1 ? " item)" : " items)");
                }
            });
            return out.toString();
        }
    }

    private static boolean dynamoDb(ExecutionAttributes attributes) {
        // the SDK's name for the DynamoDB client's requests ("DynamoDbStreams" for the streams client's)
        return "DynamoDb".equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
    }

    private static LongAdder[] counts(ExecutionAttributes attributes) {
        String thread = Thread.currentThread().getName().replaceAll("\\d+$", "");
        String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return COUNTS.computeIfAbsent(thread + " / " + op, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (armed && dynamoDb(attributes)) {
            counts(attributes)[0].increment();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (armed && dynamoDb(attributes)) {
            counts(attributes)[1].add(items(context.response()));
        }
    }

    private static long items(SdkResponse response) {
        if (response instanceof QueryResponse q) {
            return q.count() == null ? 0 : q.count();
        }
        if (response instanceof ScanResponse s) {
            return s.count() == null ? 0 : s.count();
        }
        if (response instanceof GetItemResponse g) {
            return g.hasItem() && !g.item().isEmpty() ? 1 : 0;
        }
        if (response instanceof BatchGetItemResponse b) {
            return b.responses().values().stream()
                    .mapToLong(java.util.List::size)
                    .sum();
        }
        return 0;
    }
}
