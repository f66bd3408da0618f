package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static io.dukan.shop.Checkouts.as;
import static io.dukan.shop.Checkouts.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.core.tenant.StoreSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A store the owner switched to Urdu, through the function's real handlers: the shopper's cart, checkout (with a
 * refusal), order page, 404, sign-in (with a failed attempt) and the JSON API's problem titles are Urdu and right to
 * left, with no word from the English table.
 */
class ShopLanguagesIT {

    static Emulators emulators;
    static ShopFunction fn;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        StoreSettings store = TestStores.seed(
                emulators, "lingo", "Lingo Dry Fruit", "PKR", "owner@lingo.example", ShopFunctionIT.PASSWORD);
        fn = ShopFunctionIT.function(emulators, store);
    }

    @AfterAll
    static void stop() throws Exception {
        fn.close();
        emulators.close();
    }

    @Test
    void urduStore_everyShopperPageAndApiTitle_isUrdu() {
        String owner = ShopFunctionIT.login(fn, "lingo", "owner@lingo.example");
        String productId = ShopFunctionIT.createProduct(fn, "lingo", owner, "Khubani", "850", 5, "");
        APIGatewayProxyResponseEvent saved = call(
                fn,
                ShopFunctionIT.withCookie(
                        form(
                                "/s/lingo/admin/settings",
                                SettingsAdminIT.body("Lingo Dry Fruit", "PKR", "ur", "923001234567")),
                        owner));
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(303);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", call(fn, get("/s/lingo/")).getBody());
        pages.put("product", call(fn, get("/s/lingo/products/" + productId)).getBody());
        String cart = Checkouts.newCart(fn, "lingo", productId, 2);
        pages.put("cart", call(fn, as(get("/s/lingo/cart"), cart)).getBody());
        APIGatewayProxyResponseEvent tooMany =
                Checkouts.add(fn, "lingo", cart, "productId=" + productId + "&quantity=9");
        assertThat(tooMany.getStatusCode()).isEqualTo(409);
        pages.put("cart, refused", tooMany.getBody());
        String token = Checkouts.token(fn, "lingo", cart);
        pages.put("checkout", call(fn, as(get("/s/lingo/checkout"), cart)).getBody());
        APIGatewayProxyResponseEvent noAddress = Checkouts.place(
                fn,
                "lingo",
                cart,
                token,
                "name=Ayesha&phone=03001234567&city=Multan&country=PK&paymentMethod=CASH_ON_DELIVERY");
        assertThat(noAddress.getStatusCode()).isEqualTo(400);
        pages.put("checkout, refused", noAddress.getBody());
        APIGatewayProxyResponseEvent placed = Checkouts.place(fn, "lingo", cart, token, Checkouts.DETAILS);
        assertThat(placed.getStatusCode()).as(placed.getBody()).isEqualTo(303);
        pages.put(
                "confirmation",
                call(fn, get(header(placed, "Location").orElseThrow())).getBody());
        pages.put("not found", call(fn, get("/s/lingo/nothing-here")).getBody());
        pages.put("sign-in", call(fn, get("/s/lingo/admin/login")).getBody());
        APIGatewayProxyResponseEvent wrong =
                call(fn, form("/s/lingo/admin/login", "email=owner%40lingo.example" + "&password=wrong+password+1"));
        assertThat(wrong.getStatusCode()).isEqualTo(401);
        pages.put("sign-in, refused", wrong.getBody());
        pages.put("forgot", call(fn, get("/s/lingo/admin/reset")).getBody());

        List<String> english = ShopLanguagesTest.englishFragments();
        java.util.Set<String> urdu =
                new java.util.HashSet<>(io.dukan.web.i18n.Messages.of(io.dukan.web.i18n.Language.UR, List.of("shop"))
                        .own()
                        .values());
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String html = page.getValue();
            assertThat(html)
                    .as(page.getKey())
                    .contains("<html lang=\"ur\" dir=\"rtl\">")
                    .contains("<meta name=\"description\"")
                    .contains("<link rel=\"icon\"");
            String text = ShopLanguagesTest.readable(html)
                    .replace("Lingo Dry Fruit", "")
                    .replace("Khubani", "")
                    .replace("Bazaar Road 1", "")
                    .replace("Kashgar", "");
            assertThat(english.stream()
                            .filter(f -> text.contains(f) && urdu.stream().noneMatch(u -> u.contains(f))))
                    .as(page.getKey() + ":\n" + html)
                    .isEmpty();
        }
        assertThat(pages.get("cart"))
                .contains("<h1>آپ کی ٹوکری</h1>")
                .contains("2 چیزیں")
                .contains("Rs\u00a01,700.00");
        assertThat(pages.get("checkout, refused"))
                .contains("براہ کرم ترسیل کا پتا لکھیں۔")
                .contains("value=\"Ayesha\"");
        assertThat(pages.get("confirmation"))
                .contains("شکریہ! آپ کا آرڈر موصول ہو گیا ہے۔")
                .contains("ترسیل کے وقت <strong>Rs\u00a01,700.00</strong> نقد ادا کریں۔");
        assertThat(pages.get("not found")).contains("<h1>نہیں ملا</h1>");
        assertThat(pages.get("sign-in, refused")).contains("یہ ای میل اور پاس ورڈ اس دکان کے کسی اکاؤنٹ سے نہیں ملتے۔");

        APIGatewayProxyResponseEvent missing = call(
                fn,
                ProxyEvents.event(
                        "GET", "/s/lingo/api/products/aaaaaaaaaaaaaaaa", null, Map.of("Accept", "application/json")));
        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(missing.getBody()).contains("\"title\":\"نہیں ملا\"");
    }
}
