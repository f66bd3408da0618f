package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static io.dukan.shop.Checkouts.call;
import static io.dukan.shop.ShopFunctionIT.enc;
import static io.dukan.shop.ShopFunctionIT.withCookie;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.tenant.StoreSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An English store with Chinese and Urdu (issue 16), through the function's real handlers: translations imported
 * from the spreadsheet, pages at /s/{store}/{lang}/…, hreflang and canonical per language, the sitemap, the banner
 * Accept-Language brings (never a redirect), search in Chinese, trade facts and the delivery quote, links that keep
 * the prefix through the cart, and another store whose translations never show here.
 */
class StoreLanguagesIT {

    static final String HOSTILE = "<script>alert(1)</script>";
    static Emulators emulators;
    static ShopFunction fn;
    static ShopFunction otherFn;
    static String owner;
    static String productId;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        StoreSettings store = TestStores.seed(
                emulators, "xinjiang", "Xinjiang Farm", "PKR", "owner@xinjiang.example", ShopFunctionIT.PASSWORD);
        StoreSettings other = TestStores.seed(
                emulators, "rival", "Rival Farm", "PKR", "owner@rival.example", ShopFunctionIT.PASSWORD);
        fn = ShopFunctionIT.function(emulators, store);
        otherFn = ShopFunctionIT.function(emulators, other);
        owner = ShopFunctionIT.login(fn, "xinjiang", "owner@xinjiang.example");
        String rivalOwner = ShopFunctionIT.login(otherFn, "rival", "owner@rival.example");
        languages(fn, "xinjiang", owner);
        languages(otherFn, "rival", rivalOwner);
        // zones: home (free) and China (a flat price)
        zone(fn, "xinjiang", owner, "zoneId=&name=Home&areas=PK&rate0Name=Courier&rate0Kind=FLAT&rate0Price=0");
        zone(fn, "xinjiang", owner, "zoneId=&name=China&areas=CN&rate0Name=Air&rate0Kind=FLAT&rate0Price=2500");
        String csv =
                "Handle,Title,Description,Price,Stock,Weight Grams,Origin Country,HS Code,Option1 Name,Option1 Value,"
                        + "Title@zh,Description@zh,Option1 Name@zh,Option1 Value@zh,Title@ur\n"
                        + "apricots,Dried apricots,Sun dried,1200,10,500,CN,081310,Size,Small,新疆杏干,阳光晒干,规格,小,خشک خوبانی\n"
                        + "apricots,,,1500,10,1000,,,,Large,,,,大,\n";
        APIGatewayProxyResponseEvent imported =
                call(fn, withCookie(form("/s/xinjiang/admin/catalog/import", "csv=" + enc(csv)), owner));
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(200);
        String rivalCsv = "Handle,Title,Price,Title@zh\nfigs,Figs,900,对手的无花果\n";
        assertThat(call(otherFn, withCookie(form("/s/rival/admin/catalog/import", "csv=" + enc(rivalCsv)), rivalOwner))
                        .getStatusCode())
                .isEqualTo(200);
        String home = call(fn, get("/s/xinjiang/")).getBody();
        Matcher m = Pattern.compile("/s/xinjiang/products/([0-9a-z]+)").matcher(home);
        assertThat(m.find()).as(home).isTrue();
        productId = m.group(1);
    }

    static void languages(ShopFunction f, String slug, String session) {
        APIGatewayProxyResponseEvent saved = call(
                f,
                withCookie(
                        form(
                                "/s/" + slug + "/admin/settings",
                                SettingsAdminIT.body("Store " + slug, "PKR", "en", "923001234567")
                                        + "&lang_zh=1&lang_ur=1&description_zh=" + enc("新疆的干果")),
                        session));
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(303);
    }

    static void zone(ShopFunction f, String slug, String session, String body) {
        assertThat(call(f, withCookie(form("/s/" + slug + "/admin/shipping/zones", body), session))
                        .getStatusCode())
                .isEqualTo(303);
    }

    static String cookies(APIGatewayProxyResponseEvent response) {
        return String.valueOf(
                        response.getMultiValueHeaders() == null
                                ? ""
                                : response.getMultiValueHeaders().get("Set-Cookie"))
                + header(response, "Set-Cookie").orElse("");
    }

    @AfterAll
    static void stop() throws Exception {
        fn.close();
        otherFn.close();
        emulators.close();
    }

    static APIGatewayProxyRequestEvent withHeader(APIGatewayProxyRequestEvent e, String name, String value) {
        Map<String, String> headers = new HashMap<>(e.getHeaders());
        headers.put(name, value);
        e.setHeaders(headers);
        return e;
    }

    @Test
    void chinesePage_showsTheTranslatedProduct_inChinese_withLinksKeepingThePrefix() {
        String page = call(fn, get("/s/xinjiang/zh/products/" + productId)).getBody();

        assertThat(page)
                .contains("<html lang=\"zh\" dir=\"ltr\">")
                .contains("<h1>新疆杏干</h1>")
                .contains("阳光晒干")
                .contains(">小<")
                .contains("action=\"/s/xinjiang/zh/cart\"")
                .contains("href=\"/s/xinjiang/zh/\"")
                .contains("<link rel=\"canonical\" href=\"http://localhost:3000/s/xinjiang/zh/products/" + productId
                        + "\">")
                .contains("hreflang=\"en\" href=\"http://localhost:3000/s/xinjiang/products/" + productId + "\"")
                .contains("hreflang=\"ur\" href=\"http://localhost:3000/s/xinjiang/ur/products/" + productId + "\"")
                .contains("hreflang=\"x-default\" href=\"http://localhost:3000/s/xinjiang/products/" + productId + "\"")
                .contains("\"inLanguage\":\"zh\"")
                .contains("\"name\":\"新疆杏干\"")
                .doesNotContain("Dried apricots");
    }

    @Test
    void urduPage_isRightToLeft_andFallsBackToEnglish_forFieldsNotTranslated() {
        String page = call(fn, get("/s/xinjiang/ur/products/" + productId)).getBody();

        assertThat(page)
                .contains("<html lang=\"ur\" dir=\"rtl\">")
                .contains("<h1>خشک خوبانی</h1>")
                .contains("Sun dried"); // no Urdu description: the English one
    }

    @Test
    void primaryLanguagePage_isUnprefixed_andAPrefixForTheStoresPrimaryOrAnUnofferedLanguage_redirects() {
        String page = call(fn, get("/s/xinjiang/products/" + productId)).getBody();
        APIGatewayProxyResponseEvent english = call(fn, get("/s/xinjiang/en/products/" + productId));
        APIGatewayProxyResponseEvent french = call(fn, get("/s/xinjiang/fr/products/" + productId));

        assertThat(page).contains("<h1>Dried apricots</h1>").contains("<html lang=\"en\"");
        assertThat(english.getStatusCode()).isEqualTo(301);
        assertThat(header(english, "Location")).hasValue("/s/xinjiang/products/" + productId);
        assertThat(french.getStatusCode()).isEqualTo(301);
    }

    @Test
    void acceptLanguage_onlySuggests_withADismissibleBanner_neverARedirect() {
        APIGatewayProxyResponseEvent response =
                call(fn, withHeader(get("/s/xinjiang/"), "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5"));
        APIGatewayProxyResponseEvent dismissed = call(
                fn,
                withCookie(
                        withHeader(get("/s/xinjiang/"), "Accept-Language", "zh-CN,zh;q=0.9"), "dukan_lang_banner=off"));
        APIGatewayProxyResponseEvent dismiss =
                call(fn, get("/s/xinjiang/language-banner?back=/s/xinjiang/zh/products/" + productId));
        APIGatewayProxyResponseEvent elsewhere =
                call(fn, get("/s/xinjiang/language-banner?back=https://evil.example/"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody())
                .contains("<html lang=\"en\"")
                .contains("id=\"language-banner\" lang=\"zh\"")
                .contains("本店也有中文版。")
                .contains("href=\"/s/xinjiang/zh/\" hreflang=\"zh\">切换到中文</a>");
        assertThat(dismissed.getBody()).doesNotContain("language-banner\"");
        assertThat(dismiss.getStatusCode()).as(dismiss.getBody()).isEqualTo(303);
        assertThat(header(dismiss, "Location")).hasValue("/s/xinjiang/zh/products/" + productId);
        assertThat(cookies(dismiss)).contains("dukan_lang_banner=off");
        assertThat(header(elsewhere, "Location")).hasValue("/s/xinjiang/");
    }

    @Test
    void searchInChinese_findsTheProduct_andShowsItsChineseName() {
        String page = call(fn, get("/s/xinjiang/zh/search?q=杏干")).getBody();
        String english = call(fn, get("/s/xinjiang/search?q=新疆杏干")).getBody();

        assertThat(page).contains("新疆杏干").contains("/s/xinjiang/zh/products/" + productId);
        assertThat(english).contains("Dried apricots"); // any language's words find it; the page's language shows
    }

    @Test
    void tradeFacts_nameTheOrigin_inThePagesLanguage_andQuoteDelivery() {
        String zh = call(fn, get("/s/xinjiang/zh/products/" + productId + "?deliverTo=CN"))
                .getBody();
        String pk = call(fn, get("/s/xinjiang/products/" + productId + "?deliverTo=PK"))
                .getBody();
        APIGatewayProxyResponseEvent us = call(fn, get("/s/xinjiang/products/" + productId + "?deliverTo=US"));
        String remembered = call(fn, withCookie(get("/s/xinjiang/products/" + productId), "dukan_deliver_to=CN"))
                .getBody();
        String fromLanguage = call(fn, withHeader(get("/s/xinjiang/products/" + productId), "Accept-Language", "zh-CN"))
                .getBody();

        assertThat(zh)
                .contains("<dd id=\"origin\">中国</dd>")
                .contains("<dd id=\"weight\">1 千克</dd>")
                .contains("<dd id=\"hs\">081310</dd>")
                .contains("配送至中国：PKR2,500.00（Air）")
                .contains("id=\"duties\"")
                .contains("\"countryOfOrigin\":{\"@type\":\"Country\",\"name\":\"中国\",\"identifier\":\"CN\"}");
        assertThat(pk)
                .contains("<dd id=\"origin\">China</dd>")
                .contains("Delivery to Pakistan")
                .doesNotContain("id=\"duties\"");
        assertThat(us.getBody()).contains("This shop does not deliver to United States.");
        assertThat(cookies(us)).contains("dukan_deliver_to=US");
        assertThat(remembered).contains("Delivery to China");
        assertThat(fromLanguage).contains("Delivery to China");
    }

    @Test
    void cartAndCheckout_inChinese_keepThePrefix_andShowChineseNames() {
        String page = call(fn, get("/s/xinjiang/zh/products/" + productId)).getBody();
        Matcher v = Pattern.compile("name=\"variantId\" value=\"([0-9a-z]+)\"").matcher(page);
        assertThat(v.find()).isTrue();
        APIGatewayProxyResponseEvent added = call(
                fn, form("/s/xinjiang/zh/cart", "productId=" + productId + "&variantId=" + v.group(1) + "&quantity=1"));
        assertThat(added.getStatusCode()).isEqualTo(303);
        assertThat(header(added, "Location")).hasValue("/s/xinjiang/zh/cart");
        Matcher c = Pattern.compile("dukan_cart=[^;,\\]\\s]+").matcher(cookies(added));
        assertThat(c.find()).isTrue();
        String cartCookie = c.group();

        String cart =
                call(fn, withCookie(get("/s/xinjiang/zh/cart"), cartCookie)).getBody();
        String checkout =
                call(fn, withCookie(get("/s/xinjiang/zh/checkout"), cartCookie)).getBody();

        assertThat(cart).contains("<html lang=\"zh\"").contains("新疆杏干").contains("/s/xinjiang/zh/checkout");
        assertThat(checkout).contains("<html lang=\"zh\"").contains("新疆杏干");
    }

    @Test
    void sitemap_listsEveryPage_inEveryLanguage() {
        String sitemap =
                call(fn, StorefrontIT.crawler("/s/xinjiang/sitemap.xml")).getBody();

        assertThat(sitemap)
                .contains("<loc>http://localhost:3000/s/xinjiang/products/" + productId + "</loc>")
                .contains("<loc>http://localhost:3000/s/xinjiang/zh/products/" + productId + "</loc>")
                .contains("<loc>http://localhost:3000/s/xinjiang/ur/products/" + productId + "</loc>")
                .contains("<loc>http://localhost:3000/s/xinjiang/zh/</loc>");
    }

    @Test
    void anotherStoresTranslations_neverAppearHere() {
        String search = call(fn, get("/s/xinjiang/zh/search?q=无花果")).getBody();
        String home = call(fn, get("/s/xinjiang/zh/")).getBody();

        assertThat(search).doesNotContain("对手的无花果");
        assertThat(home).doesNotContain("对手的无花果").contains("新疆杏干").contains("新疆的干果");
    }

    @Test
    void hostileTranslations_areShownAsText() {
        String csv = "Handle,Title,Description,Price,Option1 Name,Option1 Value,Image Key,Image Alt,"
                + "Title@zh,Description@zh,Option1 Name@zh,Option1 Value@zh\n"
                + "bad,Bad,Plain,100,Size,S,,," + String.join(",", HOSTILE, HOSTILE, HOSTILE, HOSTILE) + "\n";
        assertThat(call(fn, withCookie(form("/s/xinjiang/admin/catalog/import", "csv=" + enc(csv)), owner))
                        .getStatusCode())
                .isEqualTo(200);
        String search = call(fn, get("/s/xinjiang/zh/search?q=bad")).getBody();
        Matcher m = Pattern.compile("/s/xinjiang/zh/products/([0-9a-z]+)").matcher(search);
        assertThat(m.find()).as(search).isTrue();
        String page = call(fn, get("/s/xinjiang/zh/products/" + m.group(1))).getBody();

        assertThat(page).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(search).doesNotContain(HOSTILE);
    }

    @Test
    void collectionTitles_areEditedBesideTheOriginal_andShownInThePagesLanguage() {
        assertThat(call(fn, withCookie(form("/s/xinjiang/admin/collections", "title=Nuts&description="), owner))
                        .getStatusCode())
                .isEqualTo(303);
        String admin = call(fn, withCookie(get("/s/xinjiang/admin/collections"), owner))
                .getBody();
        Matcher m = Pattern.compile("/admin/collections/([0-9a-z]{16})\"").matcher(admin);
        assertThat(m.find()).as(admin).isTrue();
        assertThat(admin).contains("name=\"title_zh\"").contains("name=\"title_ur\"");
        assertThat(call(
                                fn,
                                withCookie(
                                        form(
                                                "/s/xinjiang/admin/collections/" + m.group(1),
                                                "title=Nuts&description=&title_zh=" + enc("坚果") + "&description_zh="
                                                        + "&title_ur=" + enc(HOSTILE) + "&description_ur="),
                                        owner))
                        .getStatusCode())
                .isEqualTo(303);

        String zh = call(fn, get("/s/xinjiang/zh/collections/" + m.group(1))).getBody();
        String ur = call(fn, get("/s/xinjiang/ur/")).getBody();
        String en = call(fn, get("/s/xinjiang/collections/" + m.group(1))).getBody();

        assertThat(zh).contains("<h1>坚果</h1>");
        assertThat(ur).doesNotContain(HOSTILE).contains("&lt;script&gt;");
        assertThat(en).contains("<h1>Nuts</h1>").doesNotContain("坚果");
    }

    @Test
    void spreadsheet_roundTripsTheTranslations() {
        String csv = call(fn, withCookie(get("/s/xinjiang/admin/catalog/export.csv"), owner))
                .getBody();

        assertThat(csv)
                .contains("Title@zh")
                .contains("新疆杏干")
                .contains("Option1 Value@zh")
                .contains("大");
    }
}
