package io.dukan.provisioning;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;

/**
 * The client's address as API Gateway saw it (requestContext.identity.sourceIp), never a header the client could
 * write (X-Forwarded-For): the key of the per-address signup limit.
 */
final class ClientAddress {

    private ClientAddress() {}

    static String of(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayProxyRequestEvent event
                && event.getRequestContext() != null
                && event.getRequestContext().getIdentity() != null
                && event.getRequestContext().getIdentity().getSourceIp() != null) {
            return event.getRequestContext().getIdentity().getSourceIp();
        }
        return "unknown";
    }
}
