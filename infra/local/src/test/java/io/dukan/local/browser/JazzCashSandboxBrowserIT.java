package io.dukan.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.catalog.Product;
import io.dukan.core.tenant.TenantId;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A shopper of an Urdu store, on a phone (390×844), pays by JazzCash through the local cloud's sandbox stand-in: the
 * checkout offers JazzCash, the order page sends the shopper to the stand-in (marked as not the real JazzCash, the
 * amount shown), "pay" there posts the result back signed with the store's integrity salt, and the shopper lands on
 * the order page, paid, in Urdu, with the JazzCash reference.
 */
class JazzCashSandboxBrowserIT extends BrowserTestBase {

    @Test
    void urduShopper_paysByJazzCash_throughTheSandbox_andLandsOnAPaidOrderPageInUrdu() throws Exception {
        String slug = "jazz-" + Long.toString(System.currentTimeMillis(), 36);
        TenantId tenant = UrduShopperBrowserIT.signUpInUrdu("Kashgar Fruit", slug, "owner@" + slug + ".example");
        Product apricots = StorefrontBrowserIT.seedApricots(tenant);
        saveJazzCashTestKeys(tenant);
        String store =
                "http://" + slug + ".localhost:" + URI.create(cloud.baseUrl()).getPort();

        driver = browser(true);
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(store + "/products/" + apricots.id().value());
            waitFor("the product page", d -> d.findElement(By.id("quantity")).isDisplayed());
            type(By.id("quantity"), "2");
            driver.findElement(By.cssSelector("#buy button[type=submit]")).click();
            waitFor("the cart", d -> d.findElement(By.tagName("h1")).getText().equals("آپ کی ٹوکری"));
            driver.findElement(By.linkText("آرڈر مکمل کریں")).click();
            waitFor("the checkout form", d -> d.findElement(By.id("line1")).isDisplayed());
            type(By.id("name"), "عائشہ خان");
            type(By.id("phone"), "+92 300 1234567");
            type(By.id("line1"), "مکان 12، گلی 4");
            type(By.id("city"), "ملتان");
            assertThat(text(".wallet-jazzcash")).contains("جاز کیش");
            driver.findElement(By.cssSelector("input[name=paymentMethod][value=JAZZCASH]"))
                    .click();
            driver.findElement(By.xpath("//button[normalize-space()='آرڈر دیں']"))
                    .click();

            waitFor(
                    "the order page",
                    d -> d.findElement(By.tagName("h1")).getText().startsWith("آرڈر #"));
            driver.findElement(By.cssSelector("button.wallet-pay")).click();
            waitFor("the page that sends the shopper on", d -> d.findElement(By.cssSelector("form.wallet-go")));
            driver.findElement(By.cssSelector("form.wallet-go button.wallet-pay"))
                    .click();

            waitFor("the sandbox", d -> d.findElement(By.id("sandbox-banner")).isDisplayed());
            assertThat(text("#sandbox-banner")).contains("SANDBOX").contains("not the real JazzCash");
            assertThat(text(".amount")).isEqualTo("PKR 900.00");
            assertThat(text(".ok")).contains("signature checked");
            driver.findElement(By.id("choice-000")).click();
            waitFor("the signed result", d -> d.findElement(By.id("return")));
            driver.findElement(By.id("return")).click();

            waitFor("the paid order page", d -> d.getCurrentUrl().contains("wallet=PAID"));
            assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo("ur");
            assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir"))
                    .isEqualTo("rtl");
            String body = driver.findElement(By.tagName("body")).getText();
            assertThat(body).contains("ادائیگی ہو گئی").contains("کو ادائیگی موصول ہو گئی۔ شکریہ!");
            assertThat(text(".wallet-ref")).matches("DK[A-Z2-7]{16}");
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    e.getMessage() + "\nURL: " + driver.getCurrentUrl() + "\n" + driver.getPageSource(), e);
        }
    }

    /** The owner's JazzCash test credentials, as the admin page stores them. */
    static void saveJazzCashTestKeys(TenantId tenant) {
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(cloud.dynamoEndpoint()))
                .region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            String table = dynamo.listTables().tableNames().get(0);
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of(
                            "pk", AttributeValue.fromS(tenant.value() + "#STORE"),
                            "sk", AttributeValue.fromS("PAYKEYS#jazzcash"),
                            "fields",
                                    AttributeValue.fromM(Map.of(
                                            "merchantId", AttributeValue.fromS("MC00001"),
                                            "password", AttributeValue.fromS("sandboxpass1"),
                                            "integritySalt", AttributeValue.fromS("0F5DD14AE2"))))));
        }
    }
}
