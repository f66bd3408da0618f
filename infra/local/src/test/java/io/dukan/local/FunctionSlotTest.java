package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FunctionSlotTest {

    private final AtomicInteger starts = new AtomicInteger();
    private final List<EchoHandler> made = new ArrayList<>();
    private final FunctionSlot slot = new FunctionSlot("f", () -> {
        starts.incrementAndGet();
        Thread.sleep(200);
        EchoHandler handler = new EchoHandler(new FunctionFactory.Definition("f", "h", Map.of(), Map.of(), List.of()));
        synchronized (made) {
            made.add(handler);
        }
        return handler;
    });

    @Test
    void concurrentFirstInvocations_shareOneColdStart() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() ->
                        slot.invoke(event(), new LocalLambdaContext("f", "r")).getStatusCode());
            }
            for (Future<Integer> result : pool.invokeAll(calls)) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(starts).hasValue(1);
        assertThat(slot.isLive()).isTrue();
    }

    @Test
    void idleInstance_isClosed_andTheNextInvocationStartsAnother() throws Exception {
        slot.invoke(event(), new LocalLambdaContext("f", "r"));
        assertThat(slot.closeIfIdle(Duration.ofMinutes(1))).isFalse();

        Thread.sleep(30);
        assertThat(slot.closeIfIdle(Duration.ofMillis(10))).isTrue();
        assertThat(slot.isLive()).isFalse();
        assertThat(made.get(0).closed).isTrue();

        slot.invoke(event(), new LocalLambdaContext("f", "r"));
        assertThat(starts).hasValue(2);
    }

    @Test
    void retiredSlot_refusesInvocations() {
        slot.retire();

        assertThatThrownBy(() -> slot.invoke(event(), new LocalLambdaContext("f", "r")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static APIGatewayProxyRequestEvent event() {
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/");
    }
}
