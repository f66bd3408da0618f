package io.dukan.bench.child;

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
        FloorHandler handler = new FloorHandler(
                Child.required(a, "endpoint"),
                Child.required(a, "region"),
                Child.required(a, "credential"),
                Child.required(a, "table"),
                Child.required(a, "pk"),
                Child.required(a, "sk"));
        Child.answerHome(a, "bench-floor", handler);
    }
}
