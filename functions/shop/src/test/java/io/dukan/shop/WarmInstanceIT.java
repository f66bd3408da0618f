package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.tenant.StoreSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A warm instance keeps what it holds constant however many requests it serves, and the SnapStart priming hook
 * warms a new one with a real page. Lambda hands every invocation a
 * new {@link Context}; micronaut-function-aws registered it (and its logger) as singletons in the instance's one
 * ApplicationContext on each call, so bean definitions piled up and every bean lookup got slower with the
 * instance's age. A leak check: it counts, it does not time.
 */
class WarmInstanceIT {

    static Emulators emulators;
    static StoreSettings store;
    static ShopFunction fn;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        store = TestStores.seed(emulators, "warm", "PKR", "owner@warm.example", "correct horse battery");
        fn = ShopFunctionIT.function(emulators, store);
    }

    @AfterAll
    static void stop() throws Exception {
        fn.close();
        emulators.close();
    }

    @Test
    void primingHook_rendersTheStoresHomePage_withItsDataFromDynamoDb() {
        // SnapStart calls beforeCheckpoint through CRaC; no JVM here has CRaC, so the hook is called directly
        fn.priming().beforeCheckpoint(null);

        assertThat(fn.priming().last()).isNotNull();
        assertThat(fn.priming().last().getStatusCode()).isEqualTo(200);
        assertThat(fn.priming().last().getBody()).contains("Store warm"); // the settings item, read from DynamoDB
    }

    @Test
    void invocations_registerNoBeans_inTheInstancesContext() {
        ApplicationContext context = fn.getApplicationContext();
        for (int i = 0; i < 5; i++) { // first requests may create lazy beans: count after them
            assertThat(fn.handleRequest(get("/s/warm/"), new MockLambdaContext())
                            .getStatusCode())
                    .isEqualTo(200);
        }
        int definitionsBefore = context.getAllBeanDefinitions().size();
        int contextBeansBefore = context.getBeansOfType(Context.class).size();

        for (int i = 0; i < 50; i++) {
            assertThat(fn.handleRequest(get("/s/warm/"), new MockLambdaContext())
                            .getStatusCode())
                    .isEqualTo(200);
            assertThat(fn.handleRequest(get("/s/warm/no/such/page"), new MockLambdaContext())
                            .getStatusCode())
                    .isEqualTo(404);
        }

        assertThat(context.getAllBeanDefinitions().size())
                .as("bean definitions after 100 more invocations")
                .isEqualTo(definitionsBefore);
        assertThat(context.getBeansOfType(Context.class).size())
                .as("Lambda contexts held as beans")
                .isEqualTo(contextBeansBefore);
    }
}
