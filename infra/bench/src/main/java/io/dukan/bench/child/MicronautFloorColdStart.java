package io.dukan.bench.child;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import java.util.Map;

/**
 * The framework's own floor: Micronaut's API Gateway handler (the one the shop function extends) with one controller
 * doing {@link FloorHandler}'s single GetItem, started and invoked exactly as the shop is. Its
 * classpath is Micronaut's jars the shop ships and the floor's SDK jars, no Dukan code: what any Micronaut function
 * answering a page from DynamoDB pays, against which the shop's own share of its cold start can be told apart.
 *
 * <p>Arguments: those of {@link FloorColdStart}.
 */
public final class MicronautFloorColdStart {

    private MicronautFloorColdStart() {}

    public static void main(String[] args) {
        Map<String, String> a = Child.arguments(args);
        ApiGatewayProxyRequestEventFunction function =
                new ApiGatewayProxyRequestEventFunction(ApplicationContext.builder()
                        .deduceEnvironment(false)
                        .properties(Map.of(
                                "bench.micronaut-floor",
                                "true",
                                "bench.endpoint",
                                Child.required(a, "endpoint"),
                                "bench.region",
                                Child.required(a, "region"),
                                "bench.credential",
                                Child.required(a, "credential"),
                                "bench.table",
                                Child.required(a, "table"),
                                "bench.pk",
                                Child.required(a, "pk"),
                                "bench.sk",
                                Child.required(a, "sk")))
                        .start());
        Child.answerHome(a, "bench-micronaut-floor", function);
    }
}
