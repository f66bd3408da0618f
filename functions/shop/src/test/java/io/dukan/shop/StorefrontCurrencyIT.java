package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static io.dukan.shop.Checkouts.call;
import static io.dukan.shop.ShopFunctionIT.enc;
import static io.dukan.shop.ShopFunctionIT.withCookie;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.tenant.StoreSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The owner's display currencies on the storefront itself: the product page shows "≈ 3.60 USD" beside the store's
 * price once the shopper chose USD, every storefront page offers the switcher, and a store without display
 * currencies (or a shopper who chose none, or one the owner did not enable) sees nothing extra.
 */
class StorefrontCurrencyIT {

    static Emulators emulators;
    static ShopFunction withRates;
    static ShopFunction withoutRates;
    static String ratedProduct;
    static String plainProduct;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        StoreSettings delta =
                TestStores.seed(emulators, "delta", "PKR", "owner@delta.example", ShopFunctionIT.PASSWORD);
        StoreSettings zeta = TestStores.seed(emulators, "zeta", "PKR", "owner@zeta.example", ShopFunctionIT.PASSWORD);
        withRates = ShopFunctionIT.function(emulators, delta);
        withoutRates = ShopFunctionIT.function(emulators, zeta);
        String deltaOwner = ShopFunctionIT.login(withRates, "delta", "owner@delta.example");
        String zetaOwner = ShopFunctionIT.login(withoutRates, "zeta", "owner@zeta.example");
        assertThat(call(
                                withRates,
                                withCookie(
                                        form("/s/delta/admin/currencies", "rates=" + enc("USD 0.0036\nEUR 0.0033")),
                                        deltaOwner))
                        .getStatusCode())
                .isEqualTo(200);
        ratedProduct = ShopFunctionIT.createProduct(withRates, "delta", deltaOwner, "Saffron 1g", "1000", 10, "");
        plainProduct = ShopFunctionIT.createProduct(withoutRates, "zeta", zetaOwner, "Saffron 1g", "1000", 10, "");
    }

    @AfterAll
    static void stop() throws Exception {
        withRates.close();
        withoutRates.close();
        emulators.close();
    }

    @Test
    void productPage_showsTheBasePriceAndTheApproximateUsdPrice_whenTheShopperChoseUsd() {
        String page = call(withRates, withCookie(get("/s/delta/products/" + ratedProduct), "dukan_currency=USD"))
                .getBody();

        assertThat(page)
                .contains("<span id=\"price\">Rs1,000.00</span>")
                .contains("<span id=\"approx\" class=\"muted approx\">≈ 3.60 USD</span>")
                .contains("<option value=\"USD\" selected>USD</option>");
    }

    @Test
    void everyStorefrontPage_offersTheSwitcher_comingBackToItself_andNoApproxUntilTheShopperChooses() {
        String product =
                call(withRates, get("/s/delta/products/" + ratedProduct)).getBody();
        String home = call(withRates, get("/s/delta/")).getBody();
        String search = call(withRates, get("/s/delta/search?q=saffron")).getBody();

        assertThat(product)
                .contains("<span id=\"price\">Rs1,000.00</span>")
                .doesNotContain("≈")
                .contains("action=\"/s/delta/currency\"")
                .contains("name=\"back\" value=\"/products/" + ratedProduct + "\"")
                .contains("<option value=\"EUR\">EUR</option>");
        assertThat(home).contains("class=\"currency-switch\"").contains("name=\"back\" value=\"/\"");
        assertThat(search).contains("class=\"currency-switch\"").contains("name=\"back\" value=\"/search\"");
    }

    @Test
    void switchingFromTheProductPage_comesBackToIt_andShowsTheChosenCurrency() {
        APIGatewayProxyResponseEvent switched =
                call(withRates, form("/s/delta/currency", "currency=EUR&back=" + enc("/products/" + ratedProduct)));

        assertThat(switched.getStatusCode()).isEqualTo(303);
        assertThat(header(switched, "Location")).hasValue("/s/delta/products/" + ratedProduct);
        String cookie = header(switched, "Set-Cookie").orElseThrow();
        String page = call(
                        withRates,
                        withCookie(get("/s/delta/products/" + ratedProduct), cookie.substring(0, cookie.indexOf(';'))))
                .getBody();
        assertThat(page).contains("Rs1,000.00").contains("≈ 3.30 EUR");
    }

    @Test
    void aCurrencyTheOwnerDidNotEnable_showsNothingExtra() {
        String page = call(withRates, withCookie(get("/s/delta/products/" + ratedProduct), "dukan_currency=GBP"))
                .getBody();

        assertThat(page).contains("Rs1,000.00").doesNotContain("≈").doesNotContain("id=\"approx\"");
    }

    @Test
    void aStoreWithoutDisplayCurrencies_showsNoSwitcherAndNoApprox_evenWithTheCookie() {
        String product = call(withoutRates, withCookie(get("/s/zeta/products/" + plainProduct), "dukan_currency=USD"))
                .getBody();
        String home = call(withoutRates, withCookie(get("/s/zeta/"), "dukan_currency=USD"))
                .getBody();

        assertThat(product)
                .contains("<span id=\"price\">Rs1,000.00</span>")
                .doesNotContain("≈")
                .doesNotContain("id=\"approx\"")
                .doesNotContain("currency-switch")
                .doesNotContain("/currency\"");
        assertThat(home).doesNotContain("currency-switch").doesNotContain("≈");
    }
}
