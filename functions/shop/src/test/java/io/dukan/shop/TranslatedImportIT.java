package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.shop.Checkouts.call;
import static io.dukan.shop.ShopFunctionIT.withCookie;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.core.tenant.StoreSettings;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A spreadsheet of products in three languages (English, Chinese, Urdu columns) imported through the admin's real
 * handler: all products or none, the translations shown on the language pages, and the export carrying them back.
 * The suite imports 150 products; {@code -Dborders.import.products=1000} runs the 1,000 (the time is
 * printed).
 */
class TranslatedImportIT {

    static final int PRODUCTS = Integer.getInteger("borders.import.products", 150);
    static Emulators emulators;
    static ShopFunction fn;
    static String owner;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        StoreSettings store = TestStores.seed(
                emulators, "bulk", "Bulk Dry Fruit", "PKR", "owner@bulk.example", ShopFunctionIT.PASSWORD);
        fn = ShopFunctionIT.function(emulators, store);
        owner = ShopFunctionIT.login(fn, "bulk", "owner@bulk.example");
        StoreLanguagesIT.languages(fn, "bulk", owner);
    }

    @AfterAll
    static void stop() throws Exception {
        fn.close();
        emulators.close();
    }

    static String csv(int products, String lastRow) {
        StringBuilder b = new StringBuilder(
                "Handle,Title,Description,Price,SKU,Stock,Weight Grams,Origin Country,Option1 Name,Option1 Value,"
                        + "Title@zh,Description@zh,Option1 Name@zh,Option1 Value@zh,Title@ur,Description@ur\n");
        for (int i = 0; i < products; i++) {
            b.append("p")
                    .append(i)
                    .append(",Apricots ")
                    .append(i)
                    .append(",Sun dried,")
                    .append(100 + i)
                    .append(",SKU-")
                    .append(i)
                    .append(",5,500,CN,Size,Small,杏干")
                    .append(i)
                    .append(",晒干,规格,小,خوبانی ")
                    .append(i)
                    .append(",دھوپ میں سوکھی\n");
        }
        return b.append(lastRow).toString();
    }

    static APIGatewayProxyResponseEvent post(String csv) {
        APIGatewayProxyRequestEvent e = ProxyEvents.event(
                "POST",
                "/s/bulk/admin/catalog/import",
                csv,
                Map.of(
                        "Content-Type",
                        "text/csv",
                        "Accept",
                        "text/html",
                        "Cookie",
                        "dukan_csrf=" + ProxyEvents.CSRF,
                        "X-CSRF-Token",
                        ProxyEvents.CSRF));
        return call(fn, withCookie(e, owner));
    }

    @Test
    void aFileWithOneBadRow_importsNothing_thenTheWholeFileImports_withItsTranslations() {
        APIGatewayProxyResponseEvent refused = post(csv(PRODUCTS, "bad,Bad,,not a price,,,,,,,坏,,,,,\n"));
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(400);
        assertThat(call(fn, withCookie(get("/s/bulk/admin/catalog/export.csv"), owner))
                        .getBody())
                .doesNotContain("Apricots");

        long started = System.nanoTime();
        APIGatewayProxyResponseEvent imported = post(csv(PRODUCTS, ""));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("[borders] imported " + PRODUCTS + " products × 3 languages in " + millis + " ms");

        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(200);
        String export = call(fn, withCookie(get("/s/bulk/admin/catalog/export.csv"), owner))
                .getBody();
        assertThat(export.lines().filter(l -> l.contains(",Apricots ")).count()).isEqualTo(PRODUCTS);
        assertThat(export).contains("Title@zh").contains("杏干" + (PRODUCTS - 1)).contains("خوبانی " + (PRODUCTS - 1));
        String zh = call(fn, get("/s/bulk/zh/search?q=杏干" + (PRODUCTS - 1))).getBody();
        assertThat(zh).contains("杏干" + (PRODUCTS - 1));
        String ur = call(fn, get("/s/bulk/ur/")).getBody();
        assertThat(ur).contains("خوبانی " + (PRODUCTS - 1));
    }
}
