package io.dukan.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, with a 400, proxy events that Micronaut cannot even turn into a request: a control character in a header
 * or query value (its header validation throws before any error route runs: a 500 with no body), or a path that does
 * not parse as one (a leading "//" reads as an authority: the exception escapes the handler). Every route here is
 * plain ASCII, so anything else in a path is refused too. A form body with a broken %-escape is refused as well: the
 * query-value binder decodes it and throws.
 */
public final class MalformedEvents {

    private MalformedEvents() {}

    /** The 400 to answer instead of handling the event, or empty when the event is well formed. */
    public static Optional<APIGatewayProxyResponseEvent> refusal(APIGatewayProxyRequestEvent event) {
        String problem = problem(event);
        if (problem == null) {
            return Optional.empty();
        }
        String body = "{\"type\":\"urn:dukan:problem:malformed-request\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"" + Json.escape(problem) + "\"}";
        return Optional.of(new APIGatewayProxyResponseEvent()
                .withStatusCode(400)
                .withHeaders(Map.of("Content-Type", "application/problem+json", "X-Content-Type-Options", "nosniff"))
                .withBody(body));
    }

    private static String problem(APIGatewayProxyRequestEvent event) {
        String path = event.getPath();
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            return "the request path is not valid";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                return "the request path contains a character that is not allowed";
            }
        }
        try {
            URI.create(path);
        } catch (IllegalArgumentException e) {
            return "the request path is not valid";
        }
        if (hasControl(event.getHeaders()) || hasControlInLists(event.getMultiValueHeaders())) {
            return "a request header contains a control character";
        }
        if (hasControl(event.getQueryStringParameters())
                || hasControlInLists(event.getMultiValueQueryStringParameters())) {
            return "a query parameter contains a control character";
        }
        if (isForm(event) && !decodes(event.getBody())) {
            // Micronaut binds query values from a form body too, and its decoder throws on a broken escape.
            return "the form body is not valid URL encoding";
        }
        return null;
    }

    private static boolean isForm(APIGatewayProxyRequestEvent event) {
        if (event.getBody() == null || Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            return false;
        }
        String type = header(event.getHeaders(), "Content-Type");
        if (type == null && event.getMultiValueHeaders() != null) {
            type = event.getMultiValueHeaders().entrySet().stream()
                    .filter(e -> e.getKey() != null
                            && e.getKey().equalsIgnoreCase("Content-Type")
                            && e.getValue() != null
                            && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static boolean decodes(String body) {
        try {
            java.net.URLDecoder.decode(body, java.nio.charset.StandardCharsets.UTF_8);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasControl(Map<String, String> values) {
        return values != null
                && values.entrySet().stream().anyMatch(e -> hasControl(e.getKey()) || hasControl(e.getValue()));
    }

    private static boolean hasControlInLists(Map<String, List<String>> values) {
        return values != null
                && values.entrySet().stream()
                        .anyMatch(e -> hasControl(e.getKey())
                                || (e.getValue() != null
                                        && e.getValue().stream().anyMatch(MalformedEvents::hasControl)));
    }

    private static boolean hasControl(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
