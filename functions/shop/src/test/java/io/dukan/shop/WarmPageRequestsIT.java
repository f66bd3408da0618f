package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.shop.ShopFunctionIT.call;
import static io.dukan.shop.ShopFunctionIT.enc;
import static io.dukan.shop.ShopFunctionIT.withCookie;
import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.CountedDynamoDb;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.testing.TestClock;
import io.dukan.shop.web.ThisStore;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a warm instance's storefront pages cost in DynamoDB requests, counted by the function's own client: a page
 * reads its own data and nothing else, because the store's settings, display currencies ({@link ThisStore}) and
 * collections ({@link StoreCollections}) are kept per instance. A change saved on an instance is seen by its next
 * page; another instance of the same store sees it once its copy is older than the TTL (the test moves the
 * instances' clock, it does not wait).
 */
class WarmPageRequestsIT {

    static Emulators emulators;
    static CountedDynamoDb counted;
    static final TestClock clock = new TestClock(Instant.now());
    static ShopFunction fn;
    static ShopFunction other;
    static String owner;
    static String product;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        counted = new CountedDynamoDb(emulators);
        StoreSettings store = TestStores.seed(emulators, "warm", "PKR", "owner@warm.example", ShopFunctionIT.PASSWORD);
        fn = function(store);
        other = function(store);
        owner = ShopFunctionIT.login(fn, "warm", "owner@warm.example");
        product = ShopFunctionIT.createProduct(fn, "warm", owner, "Saffron 1g", "1000", 10, "");
        addCollection("Dried figs");
        // three languages: English (primary), Chinese and Urdu; a product translated into both
        assertThat(call(
                                fn,
                                withCookie(
                                        form(
                                                "/s/warm/admin/settings",
                                                SettingsAdminIT.body("Store warm", "PKR", "en", "")
                                                        + "&lang_zh=1&lang_ur=1"),
                                        owner))
                        .getStatusCode())
                .isEqualTo(303);
        String csv =
                "Handle,Title,Description,Price,Stock,Weight Grams,Origin Country,Title@zh,Description@zh,Title@ur\n"
                        + "apricot,Dried apricots,Sweet,1200,5,500,CN,杏干,甜,خوبانی\n";
        assertThat(call(fn, withCookie(form("/s/warm/admin/catalog/import", "csv=" + enc(csv)), owner))
                        .getStatusCode())
                .isEqualTo(200);
        String home = call(fn, get("/s/warm/")).getBody();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/s/warm/products/([0-9a-z]+)\">")
                .matcher(home);
        assertThat(m.find()).isTrue();
        translated = m.group(1);
    }

    static String translated;

    static void addCollection(String title) {
        assertThat(call(
                                fn,
                                withCookie(
                                        form("/s/warm/admin/collections", "title=" + enc(title) + "&description="),
                                        owner))
                        .getStatusCode())
                .isEqualTo(303);
    }

    /** An instance of the store's function whose DynamoDB requests are counted; all share the test's clock. */
    static ShopFunction function(StoreSettings store) {
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.tenant-id", store.tenantId().value());
        properties.put("dukan.store-slug", store.slug().value());
        return new ShopFunction(
                ApplicationContext.builder().properties(properties).singletons(counted.client(), clock));
    }

    @AfterAll
    static void stop() throws Exception {
        fn.close();
        other.close();
        counted.close();
        emulators.close();
    }

    @BeforeEach
    void ratesInUsdAndEur() {
        saveRates(fn, "USD 0.0036\nEUR 0.0033");
        clock.advance(ThisStore.TTL.plusSeconds(1)); // every instance's copy is old: the next page reads them anew
        call(fn, get("/s/warm/"));
        call(other, get("/s/warm/"));
        // and a product page: the owner's shipping zones (for the delivery quote) are kept per instance like the
        // settings, read by the first product page after the TTL
        call(fn, get("/s/warm/products/" + product));
        call(other, get("/s/warm/products/" + product));
        counted.reset();
    }

    static void saveRates(ShopFunction instance, String rates) {
        assertThat(call(instance, withCookie(form("/s/warm/admin/currencies", "rates=" + enc(rates)), owner))
                        .getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void productPage_ofAWarmInstance_readsItsProductAndNothingElse() {
        String page = call(fn, withCookie(get("/s/warm/products/" + product), "dukan_currency=USD"))
                .getBody();

        assertThat(page)
                .contains("<span id=\"price\">Rs1,000.00</span>")
                .contains("≈ 3.60 USD") // the display currencies are there, from the instance's copy
                .contains("Store warm"); // and the store's settings
        assertThat(counted.calls()).containsExactly(Map.entry("GetItem", 1));
    }

    @Test
    void translatedProductPage_withTradeFactsAndDeliveryQuote_readsItsProductAndNothingElse() {
        String page = call(fn, get("/s/warm/zh/products/" + translated + "?deliverTo=CN"))
                .getBody();

        assertThat(page)
                .contains("<h1>杏干</h1>")
                .contains("<dd id=\"origin\">中国</dd>")
                .contains("id=\"delivery\"")
                .contains("hreflang=\"ur\"");
        assertThat(counted.calls()).containsExactly(Map.entry("GetItem", 1));
    }

    @Test
    void listingPages_inEveryLanguage_costOneQueryAndOneBatchGet() {
        for (String path :
                List.of("/s/warm/zh/", "/s/warm/ur/", "/s/warm/zh/search?q=杏干", "/s/warm/ur/search?q=dried")) {
            counted.reset();

            String page = call(fn, get(path)).getBody();

            assertThat(page).as(path).containsAnyOf("杏干", "خوبانی");
            assertThat(counted.calls()).as(path).containsExactly(Map.entry("BatchGetItem", 1), Map.entry("Query", 1));
        }
    }

    @Test
    void homePage_ofAWarmInstance_readsItsProductsAndNothingElse() {
        String page = call(fn, get("/s/warm/")).getBody();

        assertThat(page)
                .contains("Saffron 1g")
                .contains("class=\"currency-switch\"")
                .contains("Dried figs");
        // the newest products: the index Query and the BatchGetItem of the page's products; the collections are kept
        assertThat(counted.calls()).containsExactly(Map.entry("BatchGetItem", 1), Map.entry("Query", 1));
    }

    @Test
    void aCollectionAdded_isOnThisInstancesNextHomePage_andOnAnotherInstancesOnceItsCopyIsOlderThanTheTtl() {
        call(other, get("/s/warm/"));
        addCollection("Gift boxes");

        String here = call(fn, get("/s/warm/")).getBody();
        String otherWithin = call(other, get("/s/warm/")).getBody();
        clock.advance(ThisStore.TTL.plus(Duration.ofSeconds(1)));
        String otherAfter = call(other, get("/s/warm/")).getBody();

        assertThat(here).contains("Gift boxes").contains("Dried figs");
        assertThat(otherWithin).doesNotContain("Gift boxes").contains("Dried figs");
        assertThat(otherAfter).contains("Gift boxes");
    }

    @Test
    void savedCurrencies_areShownByThisInstancesNextPage_withoutReadingThem() {
        saveRates(fn, "USD 0.0036\nGBP 0.0028");
        counted.reset();

        String page = call(fn, withCookie(get("/s/warm/products/" + product), "dukan_currency=GBP"))
                .getBody();

        assertThat(page)
                .contains("≈ 2.80 GBP")
                .contains("<option value=\"GBP\" selected>GBP</option>")
                .doesNotContain("<option value=\"EUR\"");
        assertThat(counted.calls()).containsExactly(Map.entry("GetItem", 1));
    }

    @Test
    void savedCurrencies_areShownByAnotherInstance_onceItsCopyIsOlderThanTheTtl() {
        saveRates(fn, "GBP 0.0028");

        String within = call(other, get("/s/warm/products/" + product)).getBody();
        clock.advance(ThisStore.TTL.plus(Duration.ofSeconds(1)));
        String after = call(other, get("/s/warm/products/" + product)).getBody();

        assertThat(within).contains("<option value=\"EUR\">EUR</option>").doesNotContain("GBP");
        assertThat(after).contains("<option value=\"GBP\">GBP</option>").doesNotContain("EUR");
    }

    @Test
    void turningDisplayCurrenciesOff_removesTheSwitcher_fromThisInstancesNextPage() {
        saveRates(fn, "");

        String page = call(fn, withCookie(get("/s/warm/products/" + product), "dukan_currency=USD"))
                .getBody();

        assertThat(page)
                .contains("Rs1,000.00")
                .doesNotContain("currency-switch")
                .doesNotContain("≈");
    }
}
