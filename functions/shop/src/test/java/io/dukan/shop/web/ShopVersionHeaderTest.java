package io.dukan.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopVersionHeaderTest {

    @Test
    void theFunctionsShopVersion_fromItsEnvironment_isAnsweredInAHeader() {
        // on Lambda the fleet sets DUKAN_SHOP_VERSION; the filter reads dukan.shop-version
        try (ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .propertySources(PropertySource.of(
                        "lambda-env",
                        Map.of("DUKAN_SHOP_VERSION", "dukan-shop-code-7"),
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .build()) {
            context.start();
            String version =
                    context.getProperty("dukan.shop-version", String.class).orElse("");
            assertThat(version).isEqualTo("dukan-shop-code-7");

            MutableHttpResponse<?> response = HttpResponse.ok();
            new ShopVersionHeader(version).header(response);

            assertThat(response.getHeaders().get(ShopVersionHeader.HEADER)).isEqualTo("dukan-shop-code-7");
        }
    }

    @Test
    void aFunctionWithoutAVersion_answersNoHeader() {
        MutableHttpResponse<?> response = HttpResponse.ok();
        new ShopVersionHeader("").header(response);
        assertThat(response.getHeaders().contains(ShopVersionHeader.HEADER)).isFalse();
    }
}
