package io.dukan.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

/**
 * The catalog through the real admin: the owner adds a collection, then a product with two options (Size × Grade),
 * a variant table with its own prices and one sold-out variant, two images uploaded by the browser straight to S3,
 * puts it in the collection and saves it active. A shopper on a phone then finds it through the collection and
 * through search (by a title word and by a SKU), picks a variant and sees that variant's price and stock; the
 * sold-out one cannot be chosen; the pictures are the storage's renditions and load. The owner also enabled US
 * dollars as a display currency: the shopper switches to it on the product page and sees "≈ … USD" follow the choice.
 */
class CatalogBrowserIT extends BrowserTestBase {

    static final String PASSWORD = "apricots from Hunza 2026";
    static final String PRODUCT = "Hunza dried apricots";
    static final String COLLECTION = "Dried fruit & nuts";

    @Test
    void ownerCreatesATwoOptionProductWithImagesInTheAdmin_shopperFindsItByCollectionAndSearch_andSeesTheChosenVariant()
            throws Exception {
        String slug = "hunza-" + Long.toString(System.currentTimeMillis(), 36);
        String email = "owner@" + slug + ".example";
        signUp("Hunza Pantry", slug, email, PASSWORD);
        String store =
                "http://" + slug + ".localhost:" + URI.create(cloud.baseUrl()).getPort();

        // --- the owner: a collection, then the product with its options, variants and two images --------------
        driver = browser();
        String productId;
        try {
            driver.get(store + "/admin/login");
            type(By.id("email"), email);
            type(By.id("password"), PASSWORD);
            driver.findElement(By.xpath("//button[normalize-space()='Sign in']"))
                    .click();
            waitFor(
                    "the dashboard",
                    d -> d.findElement(By.tagName("h1")).getText().endsWith("· admin"));

            driver.get(store + "/admin/collections");
            type(By.id("title"), COLLECTION);
            type(By.id("cdescription"), "Sun-dried in the Karakoram.");
            driver.findElement(By.xpath("//button[normalize-space()='Add collection']"))
                    .click();
            waitFor(
                    "the collection to be listed",
                    d -> d.findElements(By.cssSelector("form.card input[name=title]")).stream()
                            .anyMatch(i -> COLLECTION.equals(i.getDomProperty("value"))));

            driver.get(store + "/admin/products/new");
            waitFor(
                    "the new-product form",
                    d -> d.findElement(By.id("product-form")).isDisplayed());
            type(By.id("name"), PRODUCT);
            type(By.id("description"), "Halman apricots, dried on rooftops.");
            type(By.id("option1Name"), "Size");
            type(By.id("option1Values"), "500g, 1kg");
            type(By.id("option2Name"), "Grade");
            type(By.id("option2Values"), "A, B");
            // the owner picks the first picture before asking for the variant table: it is uploaded on the way
            driver.findElement(By.id("image"))
                    .sendKeys(image("bowl.jpg", 1200, 900, 0xf59e0b, "jpg").toString());
            type(By.id("imageAlt"), "A bowl of dried apricots");
            driver.findElement(By.cssSelector("button[value=variants]")).click();
            waitFor("the variant table", d -> d.findElement(By.cssSelector("input[aria-label='Price of 1kg / B']")));
            assertThat(driver.findElements(By.cssSelector(".error")))
                    .as("the table was asked for: no error")
                    .isEmpty();
            assertThat(driver.findElement(By.id("imageKey")).getDomProperty("value"))
                    .as("the uploaded picture's key")
                    .endsWith(".jpg");
            assertThat(driver.findElement(By.id("imageAlt")).getDomProperty("value"))
                    .isEqualTo("A bowl of dried apricots");
            assertThat(driver.findElements(By.cssSelector("input[name$='.key'][name^='v']")))
                    .hasSize(4);
            row("500g / A", "HZA-500-A", "650", "", "12");
            row("500g / B", "HZA-500-B", "520", "", "4");
            row("1kg / A", "HZA-1KG-A", "1200", "1400", "3");
            row("1kg / B", "HZA-1KG-B", "980", "", "0");
            new Select(driver.findElement(By.id("status"))).selectByValue("active");
            driver.findElement(By.xpath(
                            "//fieldset[legend='Collections']//label[contains(., '" + COLLECTION + "')]/input"))
                    .click();
            type(By.id("tags"), "apricot, karakoram");
            driver.findElement(By.cssSelector("button[value=save]")).click();
            WebElement listed = waitFor("the product list", d -> d.findElement(By.cssSelector("tr[data-product-id]")));
            productId = listed.getDomAttribute("data-product-id");
            assertThat(listed.getText()).contains(PRODUCT).contains("active").contains("from Rs520.00"); // en-PK money
            assertThat(listed.findElement(By.cssSelector("td.stock")).getText()).isEqualTo("19");

            // the second image: the editor adds one image per save
            listed.findElement(By.linkText(PRODUCT)).click();
            waitFor("the editor with the first image", d -> d.findElement(By.cssSelector("input[name='img0.key']")));
            driver.findElement(By.id("image"))
                    .sendKeys(image("sack.png", 400, 400, 0x7c2d12, "png").toString());
            type(By.id("imageAlt"), "A sack at the market");
            driver.findElement(By.cssSelector("button[value=save]")).click();
            waitFor(
                    "the product list after the second upload",
                    d -> d.findElement(By.cssSelector("tr[data-product-id]")));

            driver.get(store + "/admin/products/" + productId + "/edit");
            waitFor(
                    "the editor with both images",
                    d -> d.findElements(By.cssSelector("#product-form .card img"))
                                    .size()
                            == 2);
            assertThat(driver.findElement(By.cssSelector("input[name='img1.alt']"))
                            .getDomProperty("value"))
                    .isEqualTo("A sack at the market");
            assertThat(driver.findElement(By.cssSelector("input[aria-label='Stock of 1kg / B']"))
                            .getDomProperty("value"))
                    .isEqualTo("0");
            assertThat(driver.findElement(By.xpath(
                                    "//fieldset[legend='Collections']//label[contains(., '" + COLLECTION + "')]/input"))
                            .isSelected())
                    .isTrue();

            // shoppers may see approximate prices in US dollars
            driver.get(store + "/admin/currencies");
            type(By.id("rates"), "USD 0.0036");
            driver.findElement(By.xpath("//button[normalize-space()='Save currencies']"))
                    .click();
            waitFor("the currencies to be saved", d -> d.getPageSource().contains("Saved."));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + evidence(), e);
        } finally {
            driver.quit();
            driver = null;
        }

        // --- a shopper on a phone, in a fresh browser ------------------------------------------------------------
        driver = browser();
        try {
            driver.manage().window().setSize(new Dimension(412, 915));
            driver.get(store + "/");
            driver.findElement(By.xpath("//ul[@class='chips']//a[normalize-space()='" + COLLECTION + "']"))
                    .click();
            waitFor(
                    "the collection page",
                    d -> d.findElement(By.tagName("h1")).getText().equals(COLLECTION));
            assertThat(text("main")).contains("Sun-dried in the Karakoram.");
            WebElement card = single(".card");
            assertThat(card.getText()).contains(PRODUCT).contains("from Rs520.00");
            assertLoadedRendition(card.findElement(By.tagName("img")), "-320.jpg");
            card.findElement(By.tagName("a")).click();
            waitFor("the product page", d -> d.findElement(By.id("buy")).isDisplayed());
            assertThat(driver.getCurrentUrl()).isEqualTo(store + "/products/" + productId);
            assertProductPage();

            search("apricots");
            assertThat(single(".card").getText()).contains(PRODUCT);
            search("HZA-1KG-A");
            WebElement found = single(".card");
            assertLoadedRendition(found.findElement(By.tagName("img")), "-320.jpg");
            found.findElement(By.tagName("a")).click();
            waitFor(
                    "the product page from search",
                    d -> d.findElement(By.id("buy")).isDisplayed());
            assertProductPage();

            // the shopper picks 1kg (one choice per option, links: no script needed): 1kg / A, the headline follows
            option("Size", "1kg").click();
            waitFor("the page of 1kg / A", d -> text("#price").equals("Rs1,200.00"));
            assertThat(text("#was")).isEqualTo("Rs1,400.00");
            assertThat(text("#stock")).isEqualTo("3 in stock");
            assertThat(selected("Size")).isEqualTo("1kg");
            assertThat(selected("Grade")).isEqualTo("A");
            // 1kg / B is sold out: its grade cannot be chosen with 1kg
            WebElement soldOut = option("Grade", "B");
            assertThat(soldOut.getTagName()).isEqualTo("span");
            assertThat(soldOut.getDomAttribute("aria-disabled")).isEqualTo("true");
            assertThat(soldOut.getText()).contains("B");
            option("Size", "500g").click();
            waitFor("the page of 500g / A", d -> text("#price").equals("Rs650.00"));
            option("Grade", "B").click();
            waitFor("the page of 500g / B", d -> text("#price").equals("Rs520.00"));
            assertThat(text("#was")).isEmpty();
            assertThat(text("#stock")).isEqualTo("4 in stock");
            assertThat(selected("Grade")).isEqualTo("B");

            // the shopper switches to US dollars from the page's switcher and comes back to the product
            assertThat(driver.findElements(By.id("approx")))
                    .as("no approximate price before choosing")
                    .isEmpty();
            new Select(driver.findElement(By.id("display-currency"))).selectByValue("USD");
            driver.findElement(By.cssSelector(".currency-switch button")).click();
            waitFor(
                    "the approximate price",
                    d -> d.findElement(By.id("approx")).getText().equals("≈ 2.34 USD"));
            assertThat(driver.getCurrentUrl()).isEqualTo(store + "/products/" + productId);
            assertThat(text("#price")).isEqualTo("Rs650.00");
            option("Size", "1kg").click();
            waitFor(
                    "the approximate price to follow the choice",
                    d -> text("#approx").equals("≈ 4.32 USD"));
            assertThat(text("#price")).isEqualTo("Rs1,200.00");
            assertThat(consoleErrors()).as("no CSP or script errors").isEmpty();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + evidence(), e);
        }
    }

    /** The page as first shown: the first variant chosen, every variant with its own price, 1kg / B sold out. */
    private void assertProductPage() {
        assertThat(text("h1")).isEqualTo(PRODUCT);
        assertThat(text("#price")).isEqualTo("Rs650.00");
        assertThat(text("#stock")).isEqualTo("12 in stock");
        assertThat(selected("Size")).isEqualTo("500g");
        assertThat(selected("Grade")).isEqualTo("A");
        assertThat(option("Size", "1kg").getTagName())
                .as("another size: a link")
                .isEqualTo("a");
        assertThat(option("Grade", "B").getTagName())
                .as("500g / B is in stock: a link")
                .isEqualTo("a");
        WebElement hero = driver.findElement(By.cssSelector(".hero > img"));
        assertThat(hero.getDomAttribute("alt")).isEqualTo("A bowl of dried apricots");
        assertLoadedRendition(hero, "-960.jpg");
        assertThat((String) driver.executeScript("return arguments[0].currentSrc;", hero))
                .as("a 380 px wide slot on a phone is filled from the 960 px rendition (the 320 px one is too small)")
                .endsWith("-960.jpg");
        WebElement second = driver.findElement(By.cssSelector(".hero .thumbs img"));
        assertThat(second.getDomAttribute("alt")).isEqualTo("A sack at the market");
        assertLoadedRendition(second, "-320.jpg"); // a thumbnail: the 320 px rendition
        assertThat(hero.getDomAttribute("srcset")).contains("-320.jpg 320w").contains("-960.jpg 960w");
        assertThat(hero.getDomAttribute("loading"))
                .as("the first image is not lazy")
                .isNull();
    }

    // --- set-up ------------------------------------------------------------------------------------------------

    // --- helpers -------------------------------------------------------------------------------------------------

    private void row(String variant, String sku, String price, String compareAt, String stock) {
        type(By.cssSelector("input[aria-label='SKU of " + variant + "']"), sku);
        type(By.cssSelector("input[aria-label='Price of " + variant + "']"), price);
        type(By.cssSelector("input[aria-label='Compare-at price of " + variant + "']"), compareAt);
        type(By.cssSelector("input[aria-label='Stock of " + variant + "']"), stock);
        type(
                By.cssSelector("input[aria-label='Weight of " + variant + "']"),
                variant.startsWith("1kg") ? "1000" : "500");
    }

    private WebElement single(String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        assertThat(found).as(css).hasSize(1);
        return found.get(0);
    }

    /** The choice of {@code value} for the option named {@code option}: a link, or a span when it cannot be chosen. */
    private WebElement option(String option, String value) {
        return driver.findElement(By.xpath("//fieldset[contains(@class,'option')][legend='" + option
                + "']//*[contains(@class,'opt')][normalize-space(.)='" + value + "' or starts-with(normalize-space(.),'"
                + value + " ')]"));
    }

    /** The value chosen for the option named {@code option}. */
    private String selected(String option) {
        return driver.findElement(By.xpath(
                        "//fieldset[contains(@class,'option')][legend='" + option + "']//*[@aria-current='true']"))
                .getText();
    }

    private void assertLoadedRendition(WebElement img, String suffix) {
        String src = img.getDomProperty("src");
        assertThat(URI.create(src).getPath())
                .as("a rendition, not the original")
                .endsWith(suffix);
        waitFor(
                "the image " + src + " to load",
                d -> Boolean.TRUE.equals(driver.executeScript(
                        "var img = arguments[0]; img.scrollIntoView(); return img.complete && img.naturalWidth > 0;",
                        img)));
        driver.executeScript("window.scrollTo(0, 0);");
    }

    private String evidence() {
        if (driver == null) {
            return "";
        }
        try {
            String source = driver.getPageSource();
            int start = Math.max(0, source.indexOf("<main"));
            return "URL: " + driver.getCurrentUrl() + "\n"
                    + source.substring(start, Math.min(source.length(), start + 6000))
                    + "\nconsole:\n"
                    + driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                            .map(LogEntry::toString)
                            .collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "(no evidence: " + e.getMessage() + ")";
        }
    }

    /** A real picture of the given size and format, written under the browser's profile folder. */
    private Path image(String name, int width, int height, int rgb, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xfef3c7));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        Path file = profileDir.resolve(name);
        assertThat(ImageIO.write(image, format, file.toFile()))
                .as("wrote " + name)
                .isTrue();
        return file;
    }
}
