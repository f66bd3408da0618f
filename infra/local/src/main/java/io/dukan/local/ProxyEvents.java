package io.dukan.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP request → API Gateway proxy event (REST API, payload 1.0) and proxy response → HTTP response, as API
 * Gateway maps them: the path stays percent-encoded while path and query parameters are decoded; headers and
 * query parameters come single-valued (the last value) and multi-valued; absent maps are null, not empty.
 */
final class ProxyEvents {

    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ProxyEvents() {}

    /**
     * A request as the gateway received it. {@code path} is the path routed on (after a {slug}.localhost rewrite),
     * {@code browserPath} the one the browser asked for; both raw (percent-encoded).
     */
    record Request(
            String method,
            String path,
            String browserPath,
            String rawQuery,
            List<Map.Entry<String, String>> headers,
            byte[] body,
            String sourceIp) {}

    /** A response to write back: status, headers in order (a name may repeat: Set-Cookie), body bytes. */
    record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {}

    /** A function's answer that API Gateway would reject ("Malformed Lambda proxy response", a 502). */
    static final class MalformedResponseException extends RuntimeException {
        MalformedResponseException(String message) {
            super(message);
        }
    }

    static APIGatewayProxyRequestEvent toEvent(
            Request request, String resource, Map<String, String> pathParameters, String requestId, Instant now) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        event.setResource(resource);
        event.setPath(request.path());
        event.setHttpMethod(request.method());
        event.setPathParameters(pathParameters);

        Map<String, List<String>> multiHeaders = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            multiHeaders
                    .computeIfAbsent(canonicalHeaderName(header.getKey()), k -> new ArrayList<>())
                    .add(header.getValue());
        }
        event.setMultiValueHeaders(multiHeaders.isEmpty() ? null : multiHeaders);
        event.setHeaders(multiHeaders.isEmpty() ? null : lastValues(multiHeaders));

        Map<String, List<String>> multiQuery = parseQuery(request.rawQuery());
        event.setMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery);
        event.setQueryStringParameters(multiQuery.isEmpty() ? null : lastValues(multiQuery));

        byte[] body = request.body();
        if (body == null || body.length == 0) {
            event.setBody(null);
            event.setIsBase64Encoded(false);
        } else if (isText(firstHeader(request.headers(), "Content-Type"))) {
            event.setBody(new String(body, StandardCharsets.UTF_8));
            event.setIsBase64Encoded(false);
        } else {
            event.setBody(Base64.getEncoder().encodeToString(body));
            event.setIsBase64Encoded(true);
        }

        RequestIdentity identity = new RequestIdentity();
        identity.setSourceIp(request.sourceIp());
        identity.setUserAgent(firstHeader(request.headers(), "User-Agent"));
        ProxyRequestContext context = new ProxyRequestContext();
        context.setAccountId(LocalNames.ACCOUNT_ID);
        context.setApiId("local");
        context.setResourceId("local");
        context.setStage(LocalNames.STAGE);
        context.setRequestId(requestId);
        context.setExtendedRequestId(requestId);
        context.setResourcePath(resource);
        context.setHttpMethod(request.method());
        // On AWS this is what the browser asked for (with the stage on execute-api URLs, without /s/{slug} on a
        // custom domain); locally there is no stage, so it is the browser's path.
        context.setPath(request.browserPath());
        context.setProtocol("HTTP/1.1");
        context.setDomainName(hostWithoutPort(firstHeader(request.headers(), "Host")));
        context.setRequestTime(REQUEST_TIME.format(now));
        context.setRequestTimeEpoch(now.toEpochMilli());
        context.setIdentity(identity);
        event.setRequestContext(context);
        return event;
    }

    /**
     * The HTTP response for a function's answer. Headers and multiValueHeaders are merged as API Gateway merges
     * them (a name in multiValueHeaders wins); a base64 body is decoded (line breaks tolerated).
     */
    static Response toResponse(APIGatewayProxyResponseEvent answer) {
        if (answer == null || answer.getStatusCode() == null) {
            throw new MalformedResponseException("the function returned no status code");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        Map<String, Boolean> multiNames = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (answer.getMultiValueHeaders() != null) {
            answer.getMultiValueHeaders().forEach((name, values) -> {
                multiNames.put(name, true);
                if (values != null) {
                    values.forEach(value -> headers.add(Map.entry(name, String.valueOf(value))));
                }
            });
        }
        if (answer.getHeaders() != null) {
            answer.getHeaders().forEach((name, value) -> {
                if (!multiNames.containsKey(name) && value != null) {
                    headers.add(Map.entry(name, value));
                }
            });
        }
        byte[] body;
        String text = answer.getBody();
        if (text == null) {
            body = new byte[0];
        } else if (Boolean.TRUE.equals(answer.getIsBase64Encoded())) {
            try {
                body = Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new MalformedResponseException("isBase64Encoded is true but the body is not base64");
            }
        } else {
            body = text.getBytes(StandardCharsets.UTF_8);
        }
        return new Response(answer.getStatusCode(), headers, body);
    }

    /** Query parameters, decoded, in order; "?flag" gives flag → "". */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = Percent.decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : Percent.decodeQuery(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /**
     * Whether API Gateway would pass this body as text. The REST API declares no binary media types, so it does for
     * every textual type; other bodies are passed base64-encoded, which is what the functions can decode.
     */
    static boolean isText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        if (parameters >= 0) {
            type = type.substring(0, parameters);
        }
        type = type.strip();
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.endsWith("+json")
                || type.equals("application/xml")
                || type.endsWith("+xml")
                || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/javascript")
                || type.equals("application/graphql");
    }

    /** "content-type" → "Content-Type", as browsers send names over HTTP/1.1 and API Gateway passes them on. */
    static String canonicalHeaderName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }

    static String firstHeader(List<Map.Entry<String, String>> headers, String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    static String hostWithoutPort(String host) {
        if (host == null) {
            return null;
        }
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static Map<String, String> lastValues(Map<String, List<String>> multi) {
        Map<String, String> last = new LinkedHashMap<>();
        multi.forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
        return last;
    }
}
