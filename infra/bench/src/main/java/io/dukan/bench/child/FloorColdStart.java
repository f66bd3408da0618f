package io.dukan.bench.child;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * A cold start of {@link FloorHandler} in a fresh JVM, started and invoked exactly as {@link ShopColdStart} is.
 *
 * <p>Arguments: {@code slug=… host=… expect=… endpoint=… region=… credential=… table=… pk=… sk=…}.
 */
public final class FloorColdStart {

    private FloorColdStart() {}

    public static void main(String[] args) {
        Map<String, String> a = Child.arguments(args);
        FloorHandler handler = new FloorHandler(Child.required(a, "endpoint"), Child.required(a, "region"),
                Child.required(a, "credential"), Child.required(a, "table"), Child.required(a, "pk"),
                Child.required(a, "sk"));
        long initMillis = Child.millisSinceProcessStart();
        String slug = Child.required(a, "slug");
        APIGatewayProxyResponseEvent response = handler.handleRequest(
                Child.storeHome(slug, Child.required(a, "host")), Child.context("bench-floor"));
        Child.ready(initMillis, response, Child.required(a, "expect"));
        Child.awaitParentAndExit();
    }
}
