package io.dukan.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * A second "shop build" for FleetUpgradeIT: put in a jar of its own and loaded in its own class loader, it answers
 * every request with 200 and a body naming itself and the class loader it runs in, so a test can tell which code
 * served a store.
 */
public final class EchoShop implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        boolean isolated = EchoShop.class.getClassLoader() != RequestHandler.class.getClassLoader();
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "text/plain"))
                .withBody("echo shop, isolated=" + isolated + ", path " + event.getPath());
    }
}
