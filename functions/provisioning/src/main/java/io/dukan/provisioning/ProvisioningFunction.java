package io.dukan.provisioning;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.Priming;
import io.dukan.web.MalformedEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import java.util.List;

/**
 * Entry point of the shared provisioning function: signup (HTML and JSON), store status, and the page for
 * addresses of stores that do not exist. Handler: {@code io.dukan.provisioning.ProvisioningFunction::handleRequest}.
 */
public class ProvisioningFunction extends ApiGatewayProxyRequestEventFunction {

    public static final String ENVIRONMENT = "provisioning";
    /** A well-formed slug: its status page reads the registry in DynamoDB (404 unless such a store exists). */
    static final String PRIMING_SLUG = "priming-probe";

    /** Before a SnapStart snapshot: the signup page, and a store status page (a DynamoDB GetItem), once each. */
    private final Priming<List<Integer>> priming = Priming.register("provisioning pages", this::prime);

    /** On Lambda: configuration from the environment. */
    public ProvisioningFunction() {
        this(ApplicationContext.builder());
    }

    /** In the local cloud: the caller has set properties and its StoreFleet on the builder. */
    public ProvisioningFunction(ApplicationContextBuilder builder) {
        super(builder.environments(ENVIRONMENT).deduceEnvironment(false).start());
    }

    /** Events Micronaut cannot parse into a request are answered 400 here, not turned into a 500 or a crash. */
    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return MalformedEvents.refusal(event).orElseGet(() -> super.handleRequest(event, context));
    }

    Priming<List<Integer>> priming() {
        return priming;
    }

    /** The statuses of the pages asked for: both must be answered without a server error. */
    private List<Integer> prime() {
        return List.of(
                handleRequest(Priming.get("/signup"), null).getStatusCode(),
                handleRequest(Priming.get("/stores/" + PRIMING_SLUG), null).getStatusCode());
    }
}
