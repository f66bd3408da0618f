package io.dukan.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.Priming;
import io.dukan.web.MalformedEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;

/**
 * Entry point of every store's own function: the same code for every store, configured with the store's tenant
 * id and slug (DUKAN_TENANT_ID, DUKAN_STORE_SLUG). Handler: {@code io.dukan.shop.ShopFunction::handleRequest}.
 */
public class ShopFunction extends ApiGatewayProxyRequestEventFunction {

    public static final String ENVIRONMENT = "shop";

    /** Before a SnapStart snapshot: the store's home page once (its settings GetItem, its products Query, the render). */
    private final Priming<APIGatewayProxyResponseEvent> priming = Priming.register("shop home page", this::prime);

    /** On Lambda: configuration from the environment. */
    public ShopFunction() {
        this(ApplicationContext.builder());
    }

    /** In the local cloud: the caller has set this instance's properties on the builder. */
    public ShopFunction(ApplicationContextBuilder builder) {
        super(builder.environments(ENVIRONMENT).deduceEnvironment(false).start());
    }

    /** Events Micronaut cannot parse into a request are answered 400 here, not turned into a 500 or a crash. */
    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return MalformedEvents.refusal(event)
                .orElseGet(() -> super.handleRequest(io.dukan.shop.web.PageLanguage.rewrite(event), context));
    }

    Priming<APIGatewayProxyResponseEvent> priming() {
        return priming;
    }

    private APIGatewayProxyResponseEvent prime() {
        String slug = getApplicationContext().getRequiredProperty("dukan.store-slug", String.class);
        return handleRequest(Priming.get("/s/" + slug + "/"), null);
    }
}
