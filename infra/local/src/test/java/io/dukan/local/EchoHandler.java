package io.dukan.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function for gateway tests: answers with the event it got (as JSON) and who it is. Query parameters steer the
 * answer: status=N, cookies=a,b (one Set-Cookie each), binary=1 (a base64 body of bytes 0..255).
 */
final class EchoHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>, AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final FunctionFactory.Definition definition;
    volatile boolean closed;

    EchoHandler(FunctionFactory.Definition definition) {
        this.definition = definition;
    }

    FunctionFactory.Definition definition() {
        return definition;
    }

    static byte[] allBytes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        Map<String, String> query =
                event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent()
                .withStatusCode(Integer.parseInt(query.getOrDefault("status", "200")));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (query.containsKey("cookies")) {
            List<String> cookies = new ArrayList<>();
            for (String name : query.get("cookies").split(",")) {
                cookies.add(name + "=v-" + name + "; Path=/; HttpOnly");
            }
            headers.put("Set-Cookie", cookies);
        }
        if (query.containsKey("binary")) {
            headers.put("Content-Type", List.of("application/octet-stream"));
            // MIME base64 (with line breaks), as Micronaut sometimes produces: the gateway must cope
            return response.withMultiValueHeaders(headers)
                    .withIsBase64Encoded(true)
                    .withBody(Base64.getMimeEncoder().encodeToString(allBytes()));
        }
        headers.put("Content-Type", List.of("application/json"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("function", definition.name());
        answer.put("handler", definition.handler());
        answer.put("environment", definition.environment());
        answer.put("properties", definition.properties());
        answer.put(
                "singletons",
                definition.singletons().stream()
                        .map(s -> s.getClass().getSimpleName())
                        .toList());
        answer.put("remainingMillis", context.getRemainingTimeInMillis());
        answer.put("event", event);
        try {
            return response.withMultiValueHeaders(headers)
                    .withHeaders(Map.of("X-Echo", "yes"))
                    .withBody(JSON.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
