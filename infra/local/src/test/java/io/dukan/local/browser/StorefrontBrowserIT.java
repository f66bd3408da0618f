package io.dukan.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.aws.dynamodb.TestCatalog;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductOption;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.Variant;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.TenantId;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A shopper on a phone finds a two-option product by searching the store, picks one value per option and sees the
 * variant's price and stock, with JavaScript on and off (the choices are links: they work the same without it;
 * sold-out combinations cannot be chosen); the order takes the chosen variant and the header's cart link counts it. The owner first sets the store's WhatsApp number and uploads a logo on the settings
 * page (the logo goes browser → S3 by presigned PUT). The product is put into the local cloud's table directly:
 * the admin's options/variants editor comes with the catalog work.
 */
class StorefrontBrowserIT extends BrowserTestBase {

    static final String PASSWORD = "apricots from Kashgar 2026";

    @Test
    void shopperFindsATwoOptionProductBySearch_picksAVariant_andSeesItsPriceAndStock_withAndWithoutJavaScript()
            throws Exception {
        String slug = "apricot-" + Long.toString(System.currentTimeMillis(), 36);
        String email = "owner@" + slug + ".example";
        TenantId tenant = signUp("Kashgar Fruit", slug, email, PASSWORD);
        seedApricots(tenant);
        String store =
                "http://" + slug + ".localhost:" + URI.create(cloud.baseUrl()).getPort();

        // --- the owner sets a WhatsApp number and a logo on the settings page (JavaScript uploads the logo) ------
        driver = browser(true);
        try {
            driver.get(store + "/admin/login");
            type(By.id("email"), email);
            type(By.id("password"), PASSWORD);
            driver.findElement(By.xpath("//button[normalize-space()='Sign in']"))
                    .click();
            waitFor(
                    "the dashboard",
                    d -> d.findElement(By.tagName("h1")).getText().endsWith("· admin"));
            driver.findElement(By.linkText("Settings")).click();
            waitFor(
                    "the settings form",
                    d -> d.findElement(By.id("settings-form")).isDisplayed());
            type(By.id("whatsapp"), "+92 300 765 4321");
            driver.findElement(By.id("image")).sendKeys(logo().toString());
            driver.findElement(By.cssSelector("#settings-form button[type=submit]"))
                    .click();
            waitFor("the settings to be saved", d -> d.getPageSource().contains("Settings saved."));

            // --- a shopper on a phone, JavaScript on ---------------------------------------------------------
            driver.manage().deleteAllCookies();
            driver.manage().logs().get(LogType.BROWSER); // drained: the check below is about the storefront's pages
            driver.manage().window().setSize(new Dimension(412, 915));
            driver.get(store + "/");
            WebElement logo = waitFor("the store's logo", d -> d.findElement(By.cssSelector("header img")));
            waitFor(
                    "the logo to load",
                    d -> Boolean.TRUE.equals(driver.executeScript(
                            "return arguments[0].complete && arguments[0].naturalWidth === 48;", logo)));
            assertThat(driver.findElement(By.cssSelector("footer a[href='https://wa.me/923007654321']")))
                    .isNotNull();
            search("apricots");
            driver.findElement(By.partialLinkText("Kashgar apricots")).click();
            waitFor("the product page", d -> d.findElement(By.id("buy")).isDisplayed());
            assertThat(text("#price")).isEqualTo("Rs450.00");
            assertThat(text("#stock")).isEqualTo("7 in stock");
            assertThat(option("Grade", "B").getTagName())
                    .as("500g / B can be chosen")
                    .isEqualTo("a");

            option("Size", "1kg").click();
            waitFor("the page of 1kg / A", d -> text("#price").equals("Rs850.00"));
            assertThat(text("#was")).isEqualTo("Rs990.00");
            assertThat(text("#stock")).isEqualTo("2 in stock");
            WebElement soldOut = option("Grade", "B");
            assertThat(soldOut.getTagName()).as("1kg / B is sold out").isEqualTo("span");
            assertThat(soldOut.getDomAttribute("aria-disabled")).isEqualTo("true");
            assertThat(consoleErrors()).as("no CSP or script errors").isEmpty();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + evidence(), e);
        } finally {
            driver.quit();
            driver = null;
        }

        // --- the same shopper with JavaScript off: every choice shows its own price; the order takes the choice --
        driver = browser(false);
        try {
            driver.manage().window().setSize(new Dimension(412, 915));
            driver.get(store + "/");
            search("APR-500-B");
            List<WebElement> cards = driver.findElements(By.cssSelector(".card"));
            assertThat(cards).hasSize(1);
            assertThat(cards.get(0).getText()).contains("Kashgar apricots").contains("from Rs400.00");
            cards.get(0).findElement(By.tagName("a")).click();
            waitFor("the product page", d -> d.findElement(By.id("buy")).isDisplayed());
            assertThat(text("#price")).isEqualTo("Rs450.00");
            assertThat(driver.findElements(By.cssSelector(".cart-count")))
                    .as("an empty cart: no count")
                    .isEmpty();
            option("Grade", "B").click();
            waitFor(
                    "the page of 500g / B, without JavaScript",
                    d -> text("#price").equals("Rs400.00"));
            assertThat(text("#stock")).isEqualTo("3 in stock");
            assertThat(option("Size", "1kg").getTagName())
                    .as("1kg can still be chosen (1kg / A is in stock)")
                    .isEqualTo("a");
            type(By.id("quantity"), "2");
            driver.findElement(By.xpath("//button[normalize-space()='Add to cart']"))
                    .click();
            waitFor("the cart", d -> d.findElement(By.tagName("h1")).getText().equals("Your cart"));
            assertThat(text("header .cart-count"))
                    .as("the header's cart link counts the items")
                    .isEqualTo("2");
            assertThat(driver.findElement(By.cssSelector("header a.cart-link")).getDomAttribute("aria-label"))
                    .isEqualTo("Cart, 2 items");
            driver.get(store + "/");
            assertThat(text("header .cart-count")).as("on every page").isEqualTo("2");
            driver.findElement(By.cssSelector("header a.cart-link")).click();
            waitFor(
                    "the cart again",
                    d -> d.findElement(By.tagName("h1")).getText().equals("Your cart"));
            driver.findElement(By.linkText("Check out")).click();
            waitFor("the checkout form", d -> d.findElement(By.id("line1")).isDisplayed());
            type(By.id("name"), "Aygul");
            type(By.id("phone"), "+86 138 0000 0000");
            type(By.id("line1"), "12 Bazaar Road");
            type(By.id("city"), "Kashgar");
            driver.findElement(By.xpath("//button[normalize-space()='Place order']"))
                    .click();
            waitFor(
                    "the order confirmation",
                    d -> d.findElement(By.tagName("h1")).getText().startsWith("Order"));
            assertThat(driver.findElement(By.tagName("body")).getText())
                    .contains("500g / B")
                    .contains("Rs800.00");
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + evidence(), e);
        }
    }

    // --- set-up ------------------------------------------------------------------------------------------------

    /** Size (500g, 1kg) × Grade (A, B); 1kg/A has a "was" price, 1kg/B is sold out. */
    static Product seedApricots(TenantId tenant) {
        List<Variant> variants = List.of(
                new Variant(
                        VariantId.newId(), "APR-500-A", List.of("500g", "A"), new Money(45000, "PKR"), null, 7, 500),
                new Variant(
                        VariantId.newId(), "APR-500-B", List.of("500g", "B"), new Money(40000, "PKR"), null, 3, 500),
                new Variant(
                        VariantId.newId(),
                        "APR-1KG-A",
                        List.of("1kg", "A"),
                        new Money(85000, "PKR"),
                        new Money(99000, "PKR"),
                        2,
                        1000),
                new Variant(
                        VariantId.newId(), "APR-1KG-B", List.of("1kg", "B"), new Money(76000, "PKR"), null, 0, 1000));
        Product product = new Product(
                ProductId.newId(),
                "Kashgar apricots",
                "Sun-dried.",
                ProductStatus.ACTIVE,
                List.of(
                        new ProductOption("Size", List.of("500g", "1kg")),
                        new ProductOption("Grade", List.of("A", "B"))),
                variants,
                List.of(),
                List.of(),
                List.of("apricot"),
                "",
                "",
                false,
                Instant.now(),
                Instant.now());
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

    // --- helpers -------------------------------------------------------------------------------------------------

    /** The choice of {@code value} for the option named {@code option}: a link, or a span when it cannot be chosen. */
    private WebElement option(String option, String value) {
        return driver.findElement(By.xpath("//fieldset[contains(@class,'option')][legend='" + option
                + "']//*[contains(@class,'opt')][normalize-space(.)='" + value + "' or starts-with(normalize-space(.),'"
                + value + " ')]"));
    }

    private String evidence() {
        if (driver == null) {
            return "";
        }
        try {
            String source = driver.getPageSource();
            return "URL: " + driver.getCurrentUrl() + "\n"
                    + (source.length() > 3000 ? source.substring(0, 3000) : source)
                    + "\nconsole:\n"
                    + driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                            .map(LogEntry::toString)
                            .collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "(no evidence: " + e.getMessage() + ")";
        }
    }

    /** A real 48×48 PNG logo. */
    private Path logo() throws IOException {
        BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xf59e0b));
        g.fillRect(0, 0, 48, 48);
        g.dispose();
        Path file = Files.createTempFile(profileDir, "logo", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
