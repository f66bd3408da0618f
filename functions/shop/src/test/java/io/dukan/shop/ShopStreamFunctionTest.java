package io.dukan.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The store runtime's entry point ({@link ShopStreamFunction}) reads an API Gateway proxy event and writes the
 * response exactly as the runtime interface client's own event serialiser (aws-lambda-java-serialization, what the
 * managed runtime uses for {@link ShopFunction}) does. The event (resources/events) has the shape of API Gateway's
 * REST proxy integration event as AWS documents it (not captured from AWS here), with a store's cookies, a repeated
 * query parameter, an authorizer map and a base64 form body.
 */
class ShopStreamFunctionTest {

    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);
    private final JsonMapper json = JsonMapper.createDefault();

    private static <T> PojoSerializer<T> ric(Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, ShopStreamFunctionTest.class.getClassLoader());
    }

    private byte[] event(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/events/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aProxyEventWithCookiesQueryListsAndABase64BodyIsReadAsTheRuntimeClientReadsIt() throws IOException {
        byte[] bytes = event("apigateway-proxy-post.json");
        APIGatewayProxyRequestEvent expected =
                ric(APIGatewayProxyRequestEvent.class).fromJson(new ByteArrayInputStream(bytes));

        APIGatewayProxyRequestEvent read = ShopStreamFunction.request(json.readValue(bytes, OBJECT));

        assertThat(read).isEqualTo(expected);
        assertThat(read.getIsBase64Encoded()).isTrue();
        assertThat(read.getMultiValueQueryStringParameters()).containsEntry("tag", List.of("a", "b"));
        assertThat(read.getHeaders()).containsEntry("Cookie", "dukan_cart=c-01JEXAMPLE; dukan_csrf=abc123");
        assertThat(read.getRequestContext().getIdentity().getSourceIp()).isEqualTo("203.0.113.9");
        assertThat(read.getRequestContext().getRequestTimeEpoch()).isEqualTo(1796593212123L);
        assertThat(read.getRequestContext().getAuthorizer())
                .isEqualTo(expected.getRequestContext().getAuthorizer());
    }

    @Test
    void anEventWithoutOptionalPartsIsReadWithTheSameNulls() throws IOException {
        byte[] bytes = "{\"path\":\"/s/x/\",\"httpMethod\":\"GET\",\"headers\":null,\"body\":null}".getBytes();
        APIGatewayProxyRequestEvent expected =
                ric(APIGatewayProxyRequestEvent.class).fromJson(new ByteArrayInputStream(bytes));

        APIGatewayProxyRequestEvent read = ShopStreamFunction.request(json.readValue(bytes, OBJECT));

        assertThat(read).isEqualTo(expected);
        assertThat(read.getRequestContext()).isNull();
        assertThat(read.getIsBase64Encoded()).isNull();
    }

    @Test
    void aResponseWithSetCookiesAndABase64BodyIsWrittenAsTheRuntimeClientWritesIt() throws IOException {
        APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent()
                .withStatusCode(303)
                .withHeaders(Map.of("Location", "/s/corner-shop/cart", "Content-Type", "image/png"))
                .withMultiValueHeaders(Map.of(
                        "Set-Cookie",
                        List.of("dukan_cart=c-1; Path=/s/corner-shop/; HttpOnly; Secure", "dukan_csrf=z; Path=/"),
                        "Cache-Control",
                        List.of("no-store")))
                .withBody("iVBORw0KGgo=")
                .withIsBase64Encoded(true);

        assertThat(mine(response)).isEqualTo(theirs(response));
        assertThat(mine(response)).containsEntry("statusCode", 303).containsEntry("isBase64Encoded", true);
    }

    @Test
    void aResponseWithoutHeadersOrBodyIsWrittenAsTheRuntimeClientWritesIt() throws IOException {
        APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent().withStatusCode(204);

        assertThat(mine(response)).isEqualTo(theirs(response)).containsOnlyKeys("statusCode");
    }

    private Map<String, Object> mine(APIGatewayProxyResponseEvent response) throws IOException {
        return json.readValue(json.writeValueAsBytes(ShopStreamFunction.response(response)), OBJECT);
    }

    private Map<String, Object> theirs(APIGatewayProxyResponseEvent response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ric(APIGatewayProxyResponseEvent.class).toJson(response, out);
        return json.readValue(out.toByteArray(), OBJECT);
    }
}
