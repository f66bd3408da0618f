package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyEventsTest {

    @Test
    void toEvent_keepsThePathEncoded_andDecodesTheQuery() {
        ProxyEvents.Request request = new ProxyEvents.Request(
                "GET",
                "/s/acme/a%2Fb",
                "/a%2Fb",
                "q=red+shoes&q=%C3%A9&empty=",
                List.of(
                        Map.entry("host", "acme.localhost:3000"),
                        Map.entry("cookie", "a=1"),
                        Map.entry("cookie", "b=2")),
                new byte[0],
                "127.0.0.1");

        APIGatewayProxyRequestEvent event = ProxyEvents.toEvent(
                request, "/s/acme/{proxy+}", Map.of("proxy", "a/b"), "req-1", Instant.parse("2026-01-02T03:04:05Z"));

        assertThat(event.getPath()).isEqualTo("/s/acme/a%2Fb");
        assertThat(event.getMultiValueQueryStringParameters()).containsEntry("q", List.of("red shoes", "é"));
        assertThat(event.getQueryStringParameters()).containsEntry("q", "é").containsEntry("empty", "");
        assertThat(event.getMultiValueHeaders()).containsEntry("Cookie", List.of("a=1", "b=2"));
        assertThat(event.getHeaders())
                .containsEntry("Host", "acme.localhost:3000")
                .containsEntry("Cookie", "b=2");
        assertThat(event.getBody()).isNull();
        assertThat(event.getRequestContext().getPath()).isEqualTo("/a%2Fb");
        assertThat(event.getRequestContext().getDomainName()).isEqualTo("acme.localhost");
        assertThat(event.getRequestContext().getRequestTime()).isEqualTo("02/Jan/2026:03:04:05 +0000");
    }

    @Test
    void formBody_isText_butImageBody_isBase64() {
        byte[] form = "a=1&b=%C3%A9".getBytes(StandardCharsets.UTF_8);
        APIGatewayProxyRequestEvent text = ProxyEvents.toEvent(
                request("application/x-www-form-urlencoded", form), "/signup", null, "r", Instant.now());
        assertThat(text.getIsBase64Encoded()).isFalse();
        assertThat(text.getBody()).isEqualTo("a=1&b=%C3%A9");

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        APIGatewayProxyRequestEvent binary =
                ProxyEvents.toEvent(request("image/png", png), "/signup", null, "r", Instant.now());
        assertThat(binary.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(binary.getBody())).isEqualTo(png);
    }

    @Test
    void toResponse_mergesHeaders_multiValueWinning() {
        APIGatewayProxyResponseEvent answer = new APIGatewayProxyResponseEvent()
                .withStatusCode(302)
                .withHeaders(Map.of("Location", "/next", "set-cookie", "ignored=1"))
                .withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1", "b=2")));

        ProxyEvents.Response response = ProxyEvents.toResponse(answer);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.headers())
                .containsExactlyInAnyOrder(
                        Map.entry("Set-Cookie", "a=1"), Map.entry("Set-Cookie", "b=2"), Map.entry("Location", "/next"));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void toResponse_rejectsAnAnswerWithoutStatus() {
        assertThatThrownBy(() -> ProxyEvents.toResponse(new APIGatewayProxyResponseEvent().withBody("x")))
                .isInstanceOf(ProxyEvents.MalformedResponseException.class);
    }

    @Test
    void canonicalHeaderNames() {
        assertThat(ProxyEvents.canonicalHeaderName("content-type")).isEqualTo("Content-Type");
        assertThat(ProxyEvents.canonicalHeaderName("X-forwarded-for")).isEqualTo("X-Forwarded-For");
    }

    @Test
    void storeFromHost_onlyForASingleLabelUnderLocalhost() {
        assertThat(LocalApiGateway.storeFromHost("acme.localhost:3000")).isEqualTo("acme");
        assertThat(LocalApiGateway.storeFromHost("Acme.LocalHost")).isEqualTo("acme");
        assertThat(LocalApiGateway.storeFromHost("localhost:3000")).isNull();
        assertThat(LocalApiGateway.storeFromHost("127.0.0.1:3000")).isNull();
        assertThat(LocalApiGateway.storeFromHost("a.b.localhost:3000")).isNull();
        assertThat(LocalApiGateway.storeFromHost(null)).isNull();
    }

    private static ProxyEvents.Request request(String contentType, byte[] body) {
        return new ProxyEvents.Request(
                "POST", "/signup", "/signup", null, List.of(Map.entry("Content-Type", contentType)), body, "127.0.0.1");
    }
}
