package io.dukan.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * A "shop build" for FleetUpgradeIT whose home page works and whose other pages fail with a 500: it passes the check
 * request after its deploy (the home page), and only shoppers' traffic on the other pages shows it is broken.
 */
public final class HomeOnlyShop implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String path = event.getPath() == null ? "" : event.getPath();
        boolean home = path.matches("/s/[a-z0-9-]+/?");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(home ? 200 : 500)
                .withHeaders(Map.of("Content-Type", "text/plain"))
                .withBody(home ? "home only shop" : "this build fails everywhere but its home page");
    }
}
