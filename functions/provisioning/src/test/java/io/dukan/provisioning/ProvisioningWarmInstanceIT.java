package io.dukan.provisioning;

import static io.dukan.aws.testing.ProxyEvents.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.aws.testing.Emulators;
import io.dukan.core.testing.RecordingQueue;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provisioning function's instance over many invocations, and its SnapStart priming hook (called directly). */
class ProvisioningWarmInstanceIT {

    static Emulators emulators;
    static ProvisioningFunction function;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.fleet.mode", "local");
        function = new ProvisioningFunction(
                ApplicationContext.builder().properties(properties).singletons(new RecordingQueue()));
    }

    @AfterAll
    static void stop() throws Exception {
        function.close();
        emulators.close();
    }

    @Test
    void primingHook_rendersTheSignupPage_andReadsTheRegistry() {
        function.priming().beforeCheckpoint(null);

        // 200: the signup page; 404: the status page of a store that does not exist, after its registry GetItem
        assertThat(function.priming().last()).isEqualTo(List.of(200, 404));
    }

    @Test
    void invocations_registerNoBeans_inTheInstancesContext() {
        ApplicationContext context = function.getApplicationContext();
        for (int i = 0; i < 3; i++) {
            assertThat(function.handleRequest(get("/signup"), new MockLambdaContext())
                            .getStatusCode())
                    .isEqualTo(200);
        }
        int definitionsBefore = context.getAllBeanDefinitions().size();

        for (int i = 0; i < 50; i++) {
            assertThat(function.handleRequest(get("/signup"), new MockLambdaContext())
                            .getStatusCode())
                    .isEqualTo(200);
        }

        assertThat(context.getAllBeanDefinitions().size())
                .as("bean definitions after 50 more invocations")
                .isEqualTo(definitionsBefore);
    }
}
