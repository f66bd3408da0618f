package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A shopper going through the function's real pages: add to cart (cookie), open the checkout (token), place. */
final class Checkouts {

    /** Contact, a Pakistani address (the test stores' own country, served by the default zone), cash on delivery. */
    static final String DETAILS = "name=Ayesha&phone=%2B92+300+1234567&line1=House+1%2C+Street+2&city=Lahore&country=PK"
            + "&paymentMethod=CASH_ON_DELIVERY";

    private Checkouts() {}

    static APIGatewayProxyResponseEvent call(ShopFunction fn, APIGatewayProxyRequestEvent event) {
        return fn.handleRequest(event, null);
    }

    static APIGatewayProxyRequestEvent as(APIGatewayProxyRequestEvent event, String cartCookie) {
        return cartCookie == null ? event : ShopFunctionIT.withCookie(event, cartCookie);
    }

    /** Adds to a new cart; returns the cart cookie ("dukan_cart=…"). */
    static String newCart(ShopFunction fn, String slug, String productId, int quantity) {
        APIGatewayProxyResponseEvent added =
                call(fn, form("/s/" + slug + "/cart", "productId=" + productId + "&quantity=" + quantity));
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(303);
        String setCookie = header(added, "Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .startsWith("dukan_cart=")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .contains("Path=/s/" + slug + "/");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static APIGatewayProxyResponseEvent add(ShopFunction fn, String slug, String cartCookie, String body) {
        return call(fn, as(form("/s/" + slug + "/cart", body), cartCookie));
    }

    /** Opens the checkout form; returns its one-time token. */
    static String token(ShopFunction fn, String slug, String cartCookie) {
        APIGatewayProxyResponseEvent page = call(fn, as(get("/s/" + slug + "/checkout"), cartCookie));
        assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
        Matcher m = Pattern.compile("name=\"checkoutToken\" value=\"([a-z2-7]{26})\"")
                .matcher(page.getBody());
        assertThat(m.find()).as(page.getBody()).isTrue();
        return m.group(1);
    }

    static APIGatewayProxyResponseEvent place(
            ShopFunction fn, String slug, String cartCookie, String token, String details) {
        return call(
                fn, as(form("/s/" + slug + "/checkout/place", "checkoutToken=" + token + "&" + details), cartCookie));
    }

    /** The whole way for one product; returns the order page's path. */
    static String order(ShopFunction fn, String slug, String productId, int quantity, String details) {
        String cart = newCart(fn, slug, productId, quantity);
        APIGatewayProxyResponseEvent placed = place(fn, slug, cart, token(fn, slug, cart), details);
        assertThat(placed.getStatusCode()).as(placed.getBody()).isEqualTo(303);
        String location = header(placed, "Location").orElseThrow();
        assertThat(location).matches("/s/" + slug + "/orders/[a-z2-7]{26}");
        return location;
    }
}
