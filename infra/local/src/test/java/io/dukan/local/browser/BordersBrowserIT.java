package io.dukan.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.aws.dynamodb.TestCatalog;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductOption;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.ProductText;
import io.dukan.core.catalog.Variant;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.TenantId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue 16's journey: an English store with Chinese and Urdu (chosen by the owner in the settings, a delivery zone for
 * Pakistan), a product translated into both. A shopper whose browser prefers Chinese gets the English page with a
 * banner offering Chinese (no redirect), switches from it, searches in Chinese, sees the Chinese name, origin 中国 and
 * the delivery price to Pakistan on the product page, and checks out in Chinese, every page keeping /zh/.
 */
class BordersBrowserIT extends BrowserTestBase {

    static final String PASSWORD = "a long enough password 1";

    @Test
    void chineseShopper_switchesFromTheBanner_searchesInChinese_seesTradeFacts_andChecksOutInChinese()
            throws Exception {
        String slug = "xj-" + Long.toString(System.currentTimeMillis(), 36);
        String email = "owner@" + slug + ".example";
        TenantId tenant = signUp("Xinjiang Orchard", slug, email, PASSWORD);
        Product apricots = seedTranslatedApricots(tenant);
        String store =
                "http://" + slug + ".localhost:" + URI.create(cloud.baseUrl()).getPort();

        driver = browser();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            // --- the owner: Chinese and Urdu beside English, and a price for delivery in Pakistan --------------
            driver.get(store + "/admin/login");
            type(By.id("email"), email);
            type(By.id("password"), PASSWORD);
            driver.findElement(By.xpath("//button[normalize-space()='Sign in']"))
                    .click();
            waitFor(
                    "the dashboard",
                    d -> d.findElement(By.tagName("h1")).getText().endsWith("· admin"));
            driver.get(store + "/admin/settings");
            driver.findElement(By.name("lang_zh")).click();
            driver.findElement(By.name("lang_ur")).click();
            driver.findElement(By.xpath("//button[normalize-space()='Save settings' or normalize-space()='Save']"))
                    .click();
            waitFor("the settings saved", d -> d.getCurrentUrl().contains("saved=1"));
            // the product page quotes the default zone before the owner adds one (this instance keeps the zones
            // for 30 s: the zone saved below must be quoted at once, not after the cache expires)
            driver.get(store + "/products/" + apricots.id().value() + "?deliverTo=PK#details");
            assertThat(text("#delivery")).doesNotContain("350.00");
            driver.get(store + "/admin/shipping");
            // the new-zone form (its name field is name-new; the default zone's form above it is filled in), whose
            // first submit button is "add another rate"
            WebElement zone = driver.findElement(By.id("name-new")).findElement(By.xpath("./ancestor::form"));
            zone.findElement(By.name("name")).sendKeys("Pakistan");
            zone.findElement(By.name("areas")).sendKeys("PK");
            zone.findElement(By.name("rate0Name")).sendKeys("TCS");
            zone.findElement(By.name("rate0Price")).sendKeys("350");
            zone.findElement(By.cssSelector("button[type=submit]:not([name=more])"))
                    .click();
            waitFor("the zone saved", d -> d.getCurrentUrl().contains("saved=zone"));
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("Pakistan");
            driver.manage().deleteAllCookies();

            // --- the shopper, whose browser prefers Chinese ---------------------------------------------------
            driver.executeCdpCommand(
                    "Emulation.setUserAgentOverride",
                    Map.of("userAgent", "Mozilla/5.0 (Linux; Android 14) Chrome/131", "acceptLanguage", "zh-CN,zh"));
            driver.get(store + "/");
            assertThat(driver.getCurrentUrl()).isEqualTo(store + "/"); // a suggestion, never a redirect
            assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo("en");
            assertThat(text("#language-banner")).contains("本店也有中文版");
            driver.findElement(By.linkText("切换到中文")).click();
            waitFor("the Chinese home page", d -> d.getCurrentUrl().equals(store + "/zh/"));
            assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo("zh");
            assertThat(driver.findElements(By.id("language-banner"))).isEmpty();

            search("杏干");
            assertThat(driver.getCurrentUrl()).startsWith(store + "/zh/search");
            driver.findElement(By.partialLinkText("新疆杏干")).click();

            waitFor(
                    "the Chinese product page",
                    d -> d.findElement(By.tagName("h1")).getText().equals("新疆杏干"));
            assertThat(driver.getCurrentUrl())
                    .startsWith(store + "/zh/products/" + apricots.id().value());
            assertThat(text("#origin")).isEqualTo("中国");
            assertThat(text("#hs")).isEqualTo("081310");
            new Select(driver.findElement(By.id("deliver-to"))).selectByValue("PK");
            driver.findElement(By.cssSelector("form.deliver-to button[type=submit]"))
                    .click();
            waitFor(
                    "the delivery price to Pakistan",
                    d -> d.findElement(By.id("delivery")).getText().contains("巴基斯坦"));
            assertThat(plain(text("#delivery")))
                    .contains("配送至巴基斯坦")
                    .contains("350.00")
                    .contains("TCS");

            driver.findElement(By.cssSelector("#buy button[type=submit]")).click();
            waitFor("the Chinese cart", d -> d.getCurrentUrl().equals(store + "/zh/cart"));
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("新疆杏干");
            driver.findElement(By.cssSelector("a[href$='/zh/checkout']")).click();
            waitFor("the Chinese checkout", d -> d.findElement(By.id("line1")).isDisplayed());
            assertThat(driver.getCurrentUrl()).isEqualTo(store + "/zh/checkout");
            assertThat(driver.findElement(By.cssSelector("#country option[selected]"))
                            .getDomAttribute("value"))
                    .isEqualTo("PK"); // the country chosen on the product page
            type(By.id("name"), "阿依古丽");
            type(By.id("phone"), "+92 300 1234567");
            type(By.id("line1"), "House 12, Street 4");
            type(By.id("city"), "Lahore");
            driver.findElement(By.xpath("//button[normalize-space()='提交订单']")).click();
            waitFor(
                    "the confirmation",
                    d -> d.findElement(By.cssSelector("p.ok")).isDisplayed());
            assertThat(text("p.ok")).isEqualTo("谢谢！您的订单已提交。");
            assertThat(driver.getCurrentUrl()).startsWith(store + "/zh/orders/");
            assertThat(driver.findElement(By.tagName("body")).getText())
                    .contains("Dried apricots"); // the order keeps the owner's names (orders are not translated)
            assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo("zh");
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    e.getMessage() + "\nURL: " + driver.getCurrentUrl() + "\n" + driver.getPageSource(), e);
        }
    }

    static Product seedTranslatedApricots(TenantId tenant) {
        List<Variant> variants = List.of(
                new Variant(VariantId.newId(), "XJ-APR-1", List.of("500g"), new Money(120000, "PKR"), null, 9, 500));
        Product product = new Product(
                        ProductId.newId(),
                        "Dried apricots",
                        "Sun-dried in Xinjiang.",
                        ProductStatus.ACTIVE,
                        List.of(new ProductOption("Size", List.of("500g"))),
                        variants,
                        List.of(),
                        List.of(),
                        List.of("apricot"),
                        "081310",
                        "CN",
                        false,
                        Instant.now(),
                        Instant.now())
                .withTranslations(Map.of(
                        "zh",
                        new ProductText("新疆杏干", "新疆阳光晒干。", List.of("规格"), List.of(List.of("500克")), List.of()),
                        "ur",
                        new ProductText("سنکیانگ کی خشک خوبانی", "", List.of("سائز"), List.of(), List.of())));
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(cloud.dynamoEndpoint()))
                .region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            String table = dynamo.listTables().tableNames().get(0);
            return TestCatalog.add(dynamo, table, tenant, product);
        }
    }

    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
