package io.dukan.provisioning;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.web.MalformedEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;

/**
 * Entry point of the shared provisioning function: signup (HTML and JSON), store status, and the page for
 * addresses of stores that do not exist. Handler: {@code io.dukan.provisioning.ProvisioningFunction::handleRequest}.
 */
public class ProvisioningFunction extends ApiGatewayProxyRequestEventFunction {

    public static final String ENVIRONMENT = "provisioning";

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
}
