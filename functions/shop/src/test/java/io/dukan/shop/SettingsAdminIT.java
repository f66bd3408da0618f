package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestCatalog;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.testing.ProductTestData;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The owner's settings page through the real handler against DynamoDB Local, and what shoppers then see. */
class SettingsAdminIT {

    static final String PASSWORD = "settings password";
    static Emulators emulators;
    static StoreSettings store;
    static StoreSettings stocked;
    static ShopFunction fn;
    static ShopFunction stockedFn;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        store = TestStores.seed(emulators, "settle", "PKR", "owner@settle.example", PASSWORD);
        stocked = TestStores.seed(emulators, "stocked", "PKR", "owner@stocked.example", PASSWORD);
        TestCatalog.add(
                emulators, stocked.tenantId(), ProductTestData.aProduct().build());
        fn = ShopFunctionIT.function(emulators, store);
        stockedFn = ShopFunctionIT.function(emulators, stocked);
    }

    @AfterAll
    static void stop() throws Exception {
        fn.close();
        stockedFn.close();
        emulators.close();
    }

    static String body(String name, String currency, String language, String whatsapp) {
        return "name=" + ShopFunctionIT.enc(name) + "&phone=" + ShopFunctionIT.enc("+92 300 1234567") + "&whatsapp="
                + ShopFunctionIT.enc(whatsapp) + "&email=shop%40settle.example&address="
                + ShopFunctionIT.enc("Bazaar Road 1\nKashgar")
                + "&currency=" + currency + "&language=" + language + "&logoKey=";
    }

    @Test
    void settings_needASignedInOwner_andACsrfToken() {
        assertThat(header(fn.handleRequest(get("/s/settle/admin/settings"), null), "Location"))
                .hasValue("/s/settle/admin/login");
        APIGatewayProxyResponseEvent anonymous =
                fn.handleRequest(form("/s/settle/admin/settings", body("Taken over", "PKR", "en", "")), null);
        assertThat(anonymous.getStatusCode()).isEqualTo(303);
        String cookie = ShopFunctionIT.login(fn, "settle", "owner@settle.example", PASSWORD);
        APIGatewayProxyResponseEvent noToken = fn.handleRequest(
                ProxyEvents.event(
                        "POST",
                        "/s/settle/admin/settings",
                        body("Taken over", "PKR", "en", ""),
                        Map.of(
                                "Content-Type",
                                "application/x-www-form-urlencoded",
                                "Accept",
                                "text/html",
                                "Cookie",
                                cookie)),
                null);
        assertThat(noToken.getStatusCode()).isEqualTo(403);
        assertThat(fn.handleRequest(get("/s/settle/"), null).getBody()).doesNotContain("Taken over");
    }

    @Test
    void savedSettings_showAtOnce_onTheStorefront_inTheChosenLanguage_rightToLeftForUrdu() {
        String cookie = ShopFunctionIT.login(fn, "settle", "owner@settle.example", PASSWORD);
        APIGatewayProxyResponseEvent saved = fn.handleRequest(
                ShopFunctionIT.withCookie(
                        form(
                                "/s/settle/admin/settings",
                                body("Kashgar <Dried> Fruit", "CNY", "ur", "+92 300 123-4567")),
                        cookie),
                null);
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(303);
        assertThat(header(saved, "Location")).hasValue("/s/settle/admin/settings?saved=1");

        String settingsPage = fn.handleRequest(
                        ShopFunctionIT.withCookie(get("/s/settle/admin/settings?saved=1"), cookie), null)
                .getBody();
        // the admin speaks the language just chosen: "Settings saved." in Urdu, right to left
        assertThat(settingsPage)
                .contains("<html lang=\"ur\" dir=\"rtl\">")
                .contains("ترتیبات محفوظ ہو گئیں۔")
                .contains(
                        "value=\"Kashgar &lt;Dried> Fruit\"") // in a quoted attribute jte escapes < (and " ' &), not >
                .contains("value=\"+923001234567\"")
                .contains("<option value=\"ur\" selected>");
        String home = fn.handleRequest(get("/s/settle/"), null).getBody();
        assertThat(home)
                .contains("<html lang=\"ur\" dir=\"rtl\">")
                .contains("Kashgar &lt;Dried&gt; Fruit")
                .contains(">تلاش</button>")
                .contains("href=\"https://wa.me/923001234567\"")
                .contains("href=\"tel:+923001234567\"")
                .contains("Bazaar Road 1<br>Kashgar");
        String admin = fn.handleRequest(ShopFunctionIT.withCookie(get("/s/settle/admin"), cookie), null)
                .getBody();
        assertThat(admin).contains("نے ترتیبات بدلیں"); // "changed settings", in the audit log's Urdu

        fn.handleRequest(
                ShopFunctionIT.withCookie(
                        form("/s/settle/admin/settings", body("Store settle", "PKR", "zh", "")), cookie),
                null);
        String chinese = fn.handleRequest(get("/s/settle/"), null).getBody();
        assertThat(chinese)
                .contains("<html lang=\"zh\" dir=\"ltr\">")
                .contains(">搜索</button>")
                .doesNotContain("wa.me");
    }

    @Test
    void badInput_isShownOnTheForm_withWhatWasTyped_andNothingIsSaved() {
        String cookie = ShopFunctionIT.login(fn, "settle", "owner@settle.example", PASSWORD);
        for (String[] bad : new String[][] {
            {"0300 1234567", "PKR", "en", "international form"},
            {"", "XYZ", "en", "unknown currency"},
            {"", "PKR", "xx", "language must be one of"}
        }) {
            APIGatewayProxyResponseEvent response = fn.handleRequest(
                    ShopFunctionIT.withCookie(
                            form("/s/settle/admin/settings", body("Half saved", bad[1], bad[2], bad[0])), cookie),
                    null);
            assertThat(response.getStatusCode()).as(bad[3]).isEqualTo(400);
            assertThat(response.getBody()).as(bad[3]).contains(bad[3]).contains("value=\"Half saved\"");
        }
        assertThat(fn.handleRequest(get("/s/settle/"), null).getBody()).doesNotContain("Half saved");
    }

    @Test
    void theCurrency_cannotChange_onceTheStoreHasProducts() {
        String cookie = ShopFunctionIT.login(stockedFn, "stocked", "owner@stocked.example", PASSWORD);
        APIGatewayProxyResponseEvent refused = stockedFn.handleRequest(
                ShopFunctionIT.withCookie(form("/s/stocked/admin/settings", body("Stocked", "USD", "en", "")), cookie),
                null);

        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(refused.getBody()).contains("the currency stays PKR");
        APIGatewayProxyResponseEvent sameCurrency = stockedFn.handleRequest(
                ShopFunctionIT.withCookie(
                        form("/s/stocked/admin/settings", body("Stocked renamed", "PKR", "en", "")), cookie),
                null);
        assertThat(sameCurrency.getStatusCode()).isEqualTo(303);
    }

    @Test
    void aLogoFromAnotherStore_isRefused() {
        String cookie = ShopFunctionIT.login(fn, "settle", "owner@settle.example", PASSWORD);
        String foreign = "tenants/" + stocked.tenantId().value() + "/media/aaaaaaaaaaaaaaaa.png";
        APIGatewayProxyResponseEvent response = fn.handleRequest(
                ShopFunctionIT.withCookie(
                        form(
                                "/s/settle/admin/settings",
                                body("Store settle", "PKR", "en", "")
                                        .replace("&logoKey=", "&logoKey=" + ShopFunctionIT.enc(foreign))),
                        cookie),
                null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("logo was not uploaded");
    }
}
