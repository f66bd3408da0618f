package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.tenant.StoreSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Markup stored in every text field an owner or shopper can set (store name, product name and description,
 * customer name and address) is shown as text on every page that shows it, never as markup.
 */
class OutputEscapingIT {

    static final String STORE_NAME = "<script>alert('store')</script>";
    static final String PRODUCT_NAME = "<img src=x onerror=alert(1)>";
    static final String DESCRIPTION = "\"><svg onload=alert(2)>";
    static final String CUSTOMER = "<b onmouseover=alert(3)>Ali</b>";
    static final String ADDRESS = "</textarea><script>alert(4)</script>";
    static final String PASSWORD = "escaping test password";

    static Emulators emulators;
    static ShopFunction fn;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        StoreSettings store = TestStores.seed(emulators, "escapes", STORE_NAME, "USD", "o@escapes.example", PASSWORD);
        fn = ShopFunctionIT.function(emulators, store);
    }

    @AfterAll
    static void stop() throws Exception {
        fn.close();
        emulators.close();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void everyPage_showsWhatPeopleTyped_asText() {
        String cookie = ShopFunctionIT.login(fn, "escapes", "o@escapes.example", PASSWORD);
        APIGatewayProxyResponseEvent created = fn.handleRequest(
                ShopFunctionIT.withCookie(
                        form(
                                "/s/escapes/admin/products",
                                "name=" + enc(PRODUCT_NAME) + "&description=" + enc(DESCRIPTION) + "&price=10&stock=5"),
                        cookie),
                null);
        assertThat(created.getStatusCode()).isEqualTo(303);
        String home = fn.handleRequest(get("/s/escapes/"), null).getBody();
        Matcher id = Pattern.compile("/products/([a-z2-7]{16})").matcher(home);
        assertThat(id.find()).isTrue();
        String orderPath = Checkouts.order(
                fn,
                "escapes",
                id.group(1),
                1,
                "name=" + enc(CUSTOMER)
                        + "&phone=03001234567&line1=" + enc(ADDRESS) + "&city=" + enc(ADDRESS) + "&country=PK"
                        + "&notes=" + enc(CUSTOMER) + "&paymentMethod=CASH_ON_DELIVERY");
        String code = orderPath.substring(orderPath.lastIndexOf('/') + 1);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", home);
        pages.put(
                "product",
                fn.handleRequest(get("/s/escapes/products/" + id.group(1)), null)
                        .getBody());
        pages.put("order confirmation", fn.handleRequest(get(orderPath), null).getBody());
        pages.put("login", fn.handleRequest(get("/s/escapes/admin/login"), null).getBody());
        pages.put(
                "admin",
                fn.handleRequest(ShopFunctionIT.withCookie(get("/s/escapes/admin"), cookie), null)
                        .getBody());
        pages.put(
                "admin order",
                fn.handleRequest(ShopFunctionIT.withCookie(get("/s/escapes/admin/orders/" + code), cookie), null)
                        .getBody());
        pages.put("not found", fn.handleRequest(get("/s/escapes/nothing"), null).getBody());

        for (Map.Entry<String, String> page : pages.entrySet()) {
            String html = page.getValue();
            for (String payload : new String[] {STORE_NAME, PRODUCT_NAME, DESCRIPTION, CUSTOMER, ADDRESS}) {
                assertThat(html)
                        .as(page.getKey() + " shows " + payload + " raw")
                        .doesNotContain(payload);
            }
            // the admin home draws the store's QR code as <svg>: only the typed <svg onload=…> must not appear
            assertThat(html)
                    .as(page.getKey())
                    .doesNotContainPattern("<script>alert|<img src=x|<svg onload|<b onmouseover");
            // the StringBuilder pages write ' as &#39;; jte leaves it in text, where only < > & need escaping
            assertThat(html)
                    .as(page.getKey())
                    .containsPattern("&lt;script&gt;alert\\((&#39;|')store(&#39;|')\\)&lt;/script&gt;");
        }
        assertThat(pages.get("product"))
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .containsAnyOf("&quot;&gt;&lt;svg onload=alert(2)&gt;", "&#34;&gt;&lt;svg onload=alert(2)&gt;");
        assertThat(pages.get("admin order"))
                .contains("&lt;b onmouseover=alert(3)&gt;Ali&lt;/b&gt;")
                .contains("&lt;/textarea&gt;&lt;script&gt;alert(4)&lt;/script&gt;");
    }
}
