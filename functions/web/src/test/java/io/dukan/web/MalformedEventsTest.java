package io.dukan.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MalformedEventsTest {

    private static APIGatewayProxyRequestEvent form(String method, String body) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withPath("/s/shop/")
                .withHeaders(Map.of("content-type", "application/x-www-form-urlencoded"))
                .withBody(body);
    }

    @Test
    void refusal_refusesAFormBodyWithABrokenEscape_whateverTheMethod() {
        assertThat(MalformedEvents.refusal(form("GET", "a=%zz"))).hasValueSatisfying(r -> {
            assertThat(r.getStatusCode()).isEqualTo(400);
            assertThat(r.getBody()).contains("not valid URL encoding");
        });
        assertThat(MalformedEvents.refusal(form("POST", "name=%E"))).isPresent();
    }

    @Test
    void refusal_letsWellFormedFormsAndOtherBodiesThrough() {
        assertThat(MalformedEvents.refusal(form("POST", "name=Aygul+%C3%BC&q=50%25")))
                .isEmpty();
        assertThat(MalformedEvents.refusal(new APIGatewayProxyRequestEvent()
                        .withHttpMethod("POST")
                        .withPath("/s/shop/api")
                        .withMultiValueHeaders(Map.of("Content-Type", List.of("application/json")))
                        .withBody("{\"a\":\"%zz\"}")))
                .isEmpty();
    }
}
