package io.dukan.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store runtime's entry point (infra/runtime's bootstrap runs it for {@code ShopFunction::handleRequest}): the same
 * {@link ShopFunction}, with the API Gateway proxy event read and the response written by the JSON mapper the shop
 * already loads (Micronaut serde) instead of the runtime interface client's event serialiser (its shaded Jackson and
 * joda-time, which a cold start would load for this one event). The managed runtime keeps calling ShopFunction.
 */
public class ShopStreamFunction implements RequestStreamHandler {

    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private final ShopFunction function;
    private final JsonMapper json;

    public ShopStreamFunction() {
        this(new ShopFunction());
    }

    ShopStreamFunction(ShopFunction function) {
        this.function = function;
        this.json = function.getApplicationContext().getBean(JsonMapper.class);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        APIGatewayProxyRequestEvent event = request(json.readValue(input.readAllBytes(), OBJECT));
        output.write(json.writeValueAsBytes(response(function.handleRequest(event, context))));
    }

    ApplicationContext getApplicationContext() {
        return function.getApplicationContext();
    }

    /** The event as the runtime interface client's serialiser makes it (its field names; absent fields null). */
    static APIGatewayProxyRequestEvent request(Map<String, Object> m) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        event.setVersion(string(m, "version"));
        event.setResource(string(m, "resource"));
        event.setPath(string(m, "path"));
        event.setHttpMethod(string(m, "httpMethod"));
        event.setHeaders(strings(m, "headers"));
        event.setMultiValueHeaders(lists(m, "multiValueHeaders"));
        event.setQueryStringParameters(strings(m, "queryStringParameters"));
        event.setMultiValueQueryStringParameters(lists(m, "multiValueQueryStringParameters"));
        event.setPathParameters(strings(m, "pathParameters"));
        event.setStageVariables(strings(m, "stageVariables"));
        event.setBody(string(m, "body"));
        Object base64 = m.get("isBase64Encoded");
        event.setIsBase64Encoded(base64 == null ? null : Boolean.valueOf(base64.toString()));
        if (m.get("requestContext") instanceof Map<?, ?> c) {
            ProxyRequestContext rc = new ProxyRequestContext();
            rc.setAccountId(string(c, "accountId"));
            rc.setStage(string(c, "stage"));
            rc.setResourceId(string(c, "resourceId"));
            rc.setRequestId(string(c, "requestId"));
            rc.setOperationName(string(c, "operationName"));
            rc.setResourcePath(string(c, "resourcePath"));
            rc.setHttpMethod(string(c, "httpMethod"));
            rc.setApiId(string(c, "apiId"));
            rc.setPath(string(c, "path"));
            rc.setExtendedRequestId(string(c, "extendedRequestId"));
            rc.setRequestTime(string(c, "requestTime"));
            Object epoch = c.get("requestTimeEpoch");
            rc.setRequestTimeEpoch(
                    epoch == null ? null : epoch instanceof Number n ? n.longValue() : Long.valueOf(epoch.toString()));
            rc.setDomainName(string(c, "domainName"));
            rc.setDomainPrefix(string(c, "domainPrefix"));
            rc.setProtocol(string(c, "protocol"));
            if (c.get("authorizer") instanceof Map<?, ?> a) {
                Map<String, Object> authorizer = new LinkedHashMap<>();
                a.forEach((k, v) -> authorizer.put(k.toString(), v));
                rc.setAuthorizer(authorizer);
            }
            if (c.get("identity") instanceof Map<?, ?> i) {
                RequestIdentity id = new RequestIdentity();
                id.setCognitoIdentityPoolId(string(i, "cognitoIdentityPoolId"));
                id.setAccountId(string(i, "accountId"));
                id.setCognitoIdentityId(string(i, "cognitoIdentityId"));
                id.setCaller(string(i, "caller"));
                id.setApiKey(string(i, "apiKey"));
                id.setPrincipalOrgId(string(i, "principalOrgId"));
                id.setSourceIp(string(i, "sourceIp"));
                id.setCognitoAuthenticationType(string(i, "cognitoAuthenticationType"));
                id.setCognitoAuthenticationProvider(string(i, "cognitoAuthenticationProvider"));
                id.setUserArn(string(i, "userArn"));
                id.setUserAgent(string(i, "userAgent"));
                id.setUser(string(i, "user"));
                id.setAccessKey(string(i, "accessKey"));
                rc.setIdentity(id);
            }
            event.setRequestContext(rc);
        }
        return event;
    }

    /** The response in the runtime interface client's shape: its five fields, absent ones left out. */
    static Map<String, Object> response(APIGatewayProxyResponseEvent response) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (response.getStatusCode() != null) {
            m.put("statusCode", response.getStatusCode());
        }
        if (response.getHeaders() != null) {
            m.put("headers", response.getHeaders());
        }
        if (response.getMultiValueHeaders() != null) {
            m.put("multiValueHeaders", response.getMultiValueHeaders());
        }
        if (response.getBody() != null) {
            m.put("body", response.getBody());
        }
        if (response.getIsBase64Encoded() != null) {
            m.put("isBase64Encoded", response.getIsBase64Encoded());
        }
        return m;
    }

    private static String string(Map<?, ?> m, String key) {
        Object value = m.get(key);
        return value == null ? null : value.toString();
    }

    private static Map<String, String> strings(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.toString(), v == null ? null : v.toString()));
        return out;
    }

    private static Map<String, List<String>> lists(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            List<String> values = new ArrayList<>();
            if (v instanceof List<?> list) {
                list.forEach(x -> values.add(x == null ? null : x.toString()));
            }
            out.put(k.toString(), v == null ? null : values);
        });
        return out;
    }
}
