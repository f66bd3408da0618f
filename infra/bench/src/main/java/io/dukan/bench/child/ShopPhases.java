package io.dukan.bench.child;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.shop.ShopFunction;
import io.micronaut.context.ApplicationContextBuilder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a cold start of the shop function goes: the same start as {@link ShopColdStart}, split into phases, each
 * timed on its own. The DynamoDB client and a first GetItem are pulled out of the first request and done just
 * before it, so the first request's remainder is routing, the controllers' beans, the page's own Query and the
 * rendering. The READY line carries {@code phases=name:ms;…} (names without spaces).
 *
 * <p>Arguments: those of {@link ShopColdStart} plus {@code table=… pk=… sk=…} (an item of the store).
 */
public final class ShopPhases {

    private ShopPhases() {}

    public static void main(String[] args) {
        long mainMillis = Child.millisSinceProcessStart();
        long mark = System.nanoTime();
        Map<String, Long> phases = new LinkedHashMap<>();
        phases.put("jvm_start_to_main", mainMillis);

        Map<String, String> arguments = Child.arguments(args);
        String slug = Child.required(arguments, "slug");
        ApplicationContextBuilder builder = ShopColdStart.contextBuilder(arguments);
        long[] contextStart = new long[2];
        ShopFunction function = new ShopFunction(timingStart(builder, contextStart));
        long built = System.nanoTime();
        phases.put("main_to_context_start", millis(contextStart[0] - mark));
        phases.put("context_start", millis(contextStart[1] - contextStart[0]));
        phases.put("handler_built", millis(built - contextStart[1]));
        long initMillis = Child.millisSinceProcessStart();

        mark = System.nanoTime();
        DynamoDbClient dynamo = function.getApplicationContext().getBean(DynamoDbClient.class);
        phases.put("dynamodb_client_bean", millis(System.nanoTime() - mark));

        mark = System.nanoTime();
        Map<String, AttributeValue> key = Map.of(
                "pk",
                AttributeValue.fromS(Child.required(arguments, "pk")),
                "sk",
                AttributeValue.fromS(Child.required(arguments, "sk")));
        dynamo.getItem(r -> r.tableName(Child.required(arguments, "table")).key(key));
        phases.put("first_getitem", millis(System.nanoTime() - mark));

        mark = System.nanoTime();
        APIGatewayProxyResponseEvent response = function.handleRequest(
                Child.storeHome(slug, Child.required(arguments, "host")), Child.context("dukan-store-" + slug));
        phases.put("first_request_rest", millis(System.nanoTime() - mark));
        long ownMillis = Child.millisSinceProcessStart();

        mark = System.nanoTime();
        function.handleRequest(
                Child.storeHome(slug, Child.required(arguments, "host")), Child.context("dukan-store-" + slug));
        phases.put("second_request", millis(System.nanoTime() - mark));

        System.out.println("PHASES "
                + phases.entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue())
                        .collect(Collectors.joining(";")) + " answered=" + ownMillis);
        Child.ready(initMillis, response, Child.required(arguments, "expect"));
        Child.awaitParentAndExit();
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }

    /** The builder, with its {@code start()} timed: {@code times[0]} when it was called, {@code times[1]} when it returned. */
    private static ApplicationContextBuilder timingStart(ApplicationContextBuilder target, long[] times) {
        Object[] self = new Object[1];
        self[0] = Proxy.newProxyInstance(
                ShopPhases.class.getClassLoader(),
                new Class<?>[] {ApplicationContextBuilder.class},
                (proxy, method, methodArgs) -> {
                    boolean start = method.getName().equals("start") && method.getParameterCount() == 0;
                    if (start) {
                        times[0] = System.nanoTime();
                    }
                    Object result;
                    try {
                        result = method.invoke(target, methodArgs);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (start) {
                        times[1] = System.nanoTime();
                    }
                    return result == target ? self[0] : result;
                });
        return (ApplicationContextBuilder) self[0];
    }
}
