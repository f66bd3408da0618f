package io.dukan.aws.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API Gateway REST (payload 1.0) proxy events as the local cloud and API Gateway send them, for function tests. */
public final class ProxyEvents {

    /**
     * The CSRF token every event carries, as a browser holding the page's cookie would: the same value in the
     * dukan_csrf cookie, the _csrf form field and the X-CSRF-Token header. Use {@link #event} to leave it out.
     */
    public static final String CSRF = "csrftokencsrftokencsrftoke";

    private ProxyEvents() {}

    public static APIGatewayProxyRequestEvent get(String path) {
        return event("GET", path, null, Map.of("Accept", "text/html"));
    }

    /** A form post from a page of the site: with the CSRF cookie and field. */
    public static APIGatewayProxyRequestEvent form(String path, String body) {
        return event(
                "POST",
                path,
                (body == null || body.isEmpty() ? "" : body + "&") + "_csrf=" + CSRF,
                Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Accept",
                        "text/html",
                        "Cookie",
                        "dukan_csrf=" + CSRF));
    }

    public static APIGatewayProxyRequestEvent json(String method, String path, String body) {
        return event(
                method,
                path,
                body,
                Map.of(
                        "Content-Type",
                        "application/json",
                        "Accept",
                        "application/json",
                        "Cookie",
                        "dukan_csrf=" + CSRF,
                        "X-CSRF-Token",
                        CSRF));
    }

    public static APIGatewayProxyRequestEvent event(
            String method, String path, String body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.putIfAbsent("Host", "localhost:3000");
        Map<String, List<String>> multi = new HashMap<>();
        all.forEach((k, v) -> multi.put(k, List.of(v)));
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setStage("local");
        context.setPath(path);
        context.setHttpMethod(method);
        context.setRequestId("test-" + System.nanoTime());
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setSourceIp("127.0.0.1");
        context.setIdentity(identity);
        String pathOnly = path;
        Map<String, String> query = null;
        Map<String, List<String>> multiQuery = null;
        int q = path.indexOf('?');
        if (q >= 0) {
            pathOnly = path.substring(0, q);
            query = new HashMap<>();
            multiQuery = new HashMap<>();
            for (String pair : path.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
                multiQuery.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv.length > 1 ? kv[1] : "");
            }
            context.setPath(pathOnly);
        }
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withPath(pathOnly)
                .withResource(pathOnly)
                .withHeaders(all)
                .withMultiValueHeaders(multi)
                .withQueryStringParameters(query)
                .withMultiValueQueryStringParameters(multiQuery)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context);
    }

    /** A response header, whether the function put it in headers or multiValueHeaders. */
    public static Optional<String> header(APIGatewayProxyResponseEvent response, String name) {
        if (response.getHeaders() != null) {
            for (Map.Entry<String, String> e : response.getHeaders().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return Optional.of(e.getValue());
                }
            }
        }
        if (response.getMultiValueHeaders() != null) {
            for (Map.Entry<String, List<String>> e :
                    response.getMultiValueHeaders().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return Optional.of(e.getValue().get(0));
                }
            }
        }
        return Optional.empty();
    }
}
