package io.dukan.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The journey a real SME owner and a real shopper make, in headless Chromium against the local cloud: sign up a
 * store, sign in, add a product whose image the page's JavaScript uploads straight to S3 by presigned PUT, then as a
 * shopper on a phone-sized window open the store at its own host ({slug}.localhost), see the image, order as a guest
 * with cash on delivery, and finally as the owner see the order and the stock gone down. Last, the owner adds a
 * product from the store's own host, where the presigned PUT to the media endpoint crosses origins (CORS preflight
 * answered by the local cloud's S3 proxy as the bucket's CorsConfiguration says).
 *
 * <p>Needs the Debian packages {@code chromium} and {@code chromium-driver}: without them the test is skipped on a
 * developer machine and fails when {@code CI=true}. Screenshots land in {@code infra/local/target/screenshots/}.
 */
class StoreJourneyBrowserIT extends BrowserTestBase {

    static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

    static final String PASSWORD = "mangoes from Multan 2026";
    static final String PRODUCT = "Chaunsa mangoes <b>premium</b> 5 kg";

    Path imageDir;

    @BeforeEach
    void startBrowser() throws IOException {
        imageDir = Files.createTempDirectory("dukan-browser-images");
        driver = browser();
    }

    @AfterEach
    void deleteImages() {
        Browsers.deleteQuietly(imageDir);
    }

    @Test
    void ownerOpensAStoreAndAddsAProductWithAnImage_shopperOrdersOnAPhone_ownerSeesTheOrderAndTheStockDecreased()
            throws Exception {
        String base = cloud.baseUrl();
        int port = URI.create(base).getPort();
        String slug = "browser-" + Long.toString(System.currentTimeMillis(), 36);
        String email = "owner@" + slug + ".example";
        try {
            // --- the owner signs up -------------------------------------------------------------------------
            driver.get(base + "/signup");
            type(By.id("storeName"), "Multan Mango House");
            type(By.id("slug"), slug);
            type(By.id("ownerEmail"), email);
            type(By.id("password"), PASSWORD);
            // named choices; the currency is left at "my country's": Pakistan's rupee
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("country"))).selectByValue("PK");
            assertThat(new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("country")))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("Pakistan");
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("language"))).selectByValue("ur");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();

            // --- the mail lands in the local outbox; the owner opens it and follows the link ----------------------
            waitFor(
                    "the check-your-e-mail page",
                    d -> d.findElement(By.tagName("h1")).getText().equals("Check your e-mail"));
            driver.get(base + "/_outbox");
            driver.findElement(By.xpath("//tr[td[text()='" + email + "']]//a")).click();
            driver.findElement(By.partialLinkText("/signup?verify=")).click();
            waitFor("the confirm page", d -> d.findElement(By.id("confirm")).isDisplayed());
            driver.findElement(By.id("confirm")).click();

            waitFor(
                    "the status page to show the store ACTIVE",
                    d -> "ACTIVE".equals(d.findElement(By.id("status")).getDomAttribute("data-status")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Multan Mango House");
            // the store is in Urdu, and so is its status page (the store's language, not the browser's)
            assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir"))
                    .isEqualTo("rtl");
            assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("آپ کی دکان آن لائن ہے۔");

            // --- the owner signs in and adds a product with an image -----------------------------------------
            driver.findElement(By.id("admin-url")).click();
            signIn(email);
            driver.findElement(By.cssSelector("a[href$='/admin/products/new']")).click(); // the admin speaks Urdu
            waitFor(
                    "the new-product form",
                    d -> d.findElement(By.id("product-form")).isDisplayed());
            type(By.id("name"), PRODUCT);
            type(By.id("description"), "Sweet Chaunsa from our own orchard.\nPicked ripe, packed by hand.");
            type(By.id("price"), "1250.50");
            type(By.id("stock"), "5");
            Path image = pngImage(imageDir.resolve("mangoes.png"));
            driver.findElement(By.id("image")).sendKeys(image.toAbsolutePath().toString());
            driver.findElement(By.cssSelector("#product-form button[value=save]"))
                    .click();

            WebElement row = waitFor(
                    "the admin to list the new product (after the image upload)",
                    d -> d.findElement(By.cssSelector("tr[data-product-id]")));
            String productId = row.getDomAttribute("data-product-id");
            assertThat(driver.getCurrentUrl()).startsWith(base + "/s/" + slug + "/admin");
            assertThat(row.findElement(By.tagName("a")).getText())
                    .as("the name is shown as typed, as text")
                    .isEqualTo(PRODUCT);
            assertThat(row.findElements(By.tagName("b")))
                    .as("the <b> in the name became no element")
                    .isEmpty();
            assertThat(row.getText()).contains("Rs 1,250.50"); // money as the store's locale (ur-PK) writes it
            assertThat(row.findElement(By.cssSelector("td.stock")).getText()).isEqualTo("5");

            // --- a shopper on a phone opens the store at its own host ----------------------------------------
            driver.manage().deleteAllCookies();
            driver.manage().window().setSize(new Dimension(412, 915));
            String storeHost = "http://" + slug + ".localhost:" + port;
            driver.get(storeHost + "/");
            WebElement card = waitFor("the product card", d -> d.findElement(By.cssSelector(".card")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Multan Mango House");
            assertThat(card.findElement(By.cssSelector(".product-name")).getText())
                    .isEqualTo(PRODUCT);
            assertThat(plain(card.findElement(By.cssSelector(".price")).getText()))
                    .isEqualTo("Rs 1,250.50");
            assertThat(card.findElements(By.tagName("b"))).isEmpty();
            WebElement img = card.findElement(By.tagName("img"));
            String imageUrl = img.getDomProperty("src");
            waitFor(
                    "the product image to load (" + imageUrl + ")",
                    d -> Boolean.TRUE.equals(js().executeScript(
                                    "var img = arguments[0]; img.scrollIntoView(); return img.complete && img.naturalWidth > 0;",
                                    img)));
            // naturalWidth of an <img> with srcset is scaled by the chosen candidate's density: the file's own width
            // is read from the source it shows, loaded alone
            assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                                    .executeAsyncScript(
                                            "var done = arguments[1]; var i = new Image();"
                                                    + " i.onload = function () { done(i.naturalWidth); };"
                                                    + " i.onerror = function () { done(-1); }; i.src = arguments[0].currentSrc;",
                                            img))
                            .intValue())
                    .as("the image shown is the one uploaded")
                    .isEqualTo(64);
            // shoppers' images come from the media CDN's stand-in as plain <img> loads (no CORS involved: no page
            // script reads image bytes); the store's CSP allows that origin, or the image above would not have loaded
            assertThat(imageUrl)
                    .startsWith("http://localhost:" + port + "/_media/tenants/")
                    .endsWith("-320.jpg")
                    .doesNotContain("X-Amz-");
            js().executeScript("window.scrollTo(0, 0);");
            screenshot("1-storefront-phone");

            // --- the shopper adds it to the cart and checks out as a guest, cash on delivery ------------------
            card.findElement(By.tagName("a")).click();
            waitFor("the product page", d -> d.findElement(By.id("quantity")).isDisplayed());
            assertThat(driver.getCurrentUrl()).isEqualTo(storeHost + "/products/" + productId);
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(PRODUCT);
            // the store chose Urdu at signup: the storefront's own words are Urdu, laid out right to left
            assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir"))
                    .isEqualTo("rtl");
            assertThat(pageText())
                    .contains("Sweet Chaunsa from our own orchard.")
                    .contains("5 اسٹاک میں");
            screenshot("2-product-phone");
            type(By.id("quantity"), "2");
            driver.findElement(By.xpath("//button[normalize-space()='ٹوکری میں ڈالیں']"))
                    .click();
            // cart, checkout and confirmation speak the store's language too (money in its locale)
            waitFor("the cart", d -> d.findElement(By.tagName("h1")).getText().equals("آپ کی ٹوکری"));
            assertThat(plain(driver.findElement(By.cssSelector(".subtotal")).getText()))
                    .isEqualTo("Rs 2,501.00");
            driver.findElement(By.linkText("آرڈر مکمل کریں")).click();
            waitFor("the checkout form", d -> d.findElement(By.id("line1")).isDisplayed());
            type(By.id("name"), "Ayesha Khan");
            type(By.id("phone"), "+92 300 1234567");
            type(By.id("line1"), "House 12, Street 4, Gulgasht Colony");
            type(By.id("city"), "Multan");
            assertThat(pageText()).contains("عام ترسیل — مفت").contains("ترسیل پر نقد ادائیگی");
            screenshot("2b-checkout-phone");
            driver.findElement(By.xpath("//button[normalize-space()='آرڈر دیں']"))
                    .click();

            waitFor(
                    "the order confirmation",
                    d -> d.findElement(By.tagName("h1")).getText().contains("#1001"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("آرڈر #1001");
            assertThat(driver.getCurrentUrl()).startsWith(storeHost + "/");
            assertThat(plain(driver.findElement(By.cssSelector(".total")).getText()))
                    .isEqualTo("Rs 2,501.00");
            assertThat(plain(pageText()))
                    .contains("شکریہ! آپ کا آرڈر موصول ہو گیا ہے۔")
                    .contains(PRODUCT)
                    .contains("ترسیل کے وقت Rs 2,501.00 نقد ادا کریں۔");
            screenshot("3-confirmation-phone");

            // --- the owner sees the order and the stock gone down --------------------------------------------
            driver.manage().window().setSize(new Dimension(1280, 900));
            driver.get(base + "/s/" + slug + "/admin/login");
            signIn(email);
            WebElement order = waitFor(
                    "the order in the admin",
                    d -> d.findElement(By.xpath("//h2[@id='orders']/following::table[1]//a[normalize-space()='#1001']"))
                            .findElement(By.xpath("./ancestor::tr")));
            assertThat(order.getText()).contains("Ayesha Khan").contains("Rs 2,501.00");
            WebElement productRow = driver.findElement(By.cssSelector("tr[data-product-id='" + productId + "']"));
            assertThat(productRow.findElement(By.cssSelector("td.stock")).getText())
                    .isEqualTo("3");
            screenshot("4-admin-after-order");

            // --- the owner also works from the store's own host: there the upload to S3 crosses origins ------
            driver.get(storeHost + "/admin/login");
            signIn(email);
            driver.findElement(By.cssSelector("a[href$='/admin/products/new']")).click(); // the admin speaks Urdu
            waitFor(
                    "the new-product form on the store's host",
                    d -> d.findElement(By.id("product-form")).isDisplayed());
            type(By.id("name"), "Anwar Ratol mangoes 3 kg");
            type(By.id("price"), "900");
            type(By.id("stock"), "7");
            driver.findElement(By.id("image"))
                    .sendKeys(pngImage(imageDir.resolve("ratol.png")).toString());
            driver.findElement(By.cssSelector("#product-form button[value=save]"))
                    .click();
            waitFor(
                    "the admin on the store's host to list the second product (after a cross-origin upload)",
                    d -> d.findElements(By.cssSelector("tr[data-product-id]")).size() == 2);
            assertThat(driver.getCurrentUrl()).startsWith(storeHost + "/admin");
            assertThat(pageText()).contains("Anwar Ratol mangoes 3 kg").contains("Rs 900.00");
            driver.get(storeHost + "/");
            waitFor(
                    "both product images to load on the storefront",
                    d -> Boolean.TRUE.equals(
                            js().executeScript(
                                            "var imgs = document.querySelectorAll('.card img'); if (imgs.length !== 2) return false;"
                                                    + "for (var i = 0; i < imgs.length; i++) { imgs[i].scrollIntoView();"
                                                    + "  if (!(imgs[i].complete && imgs[i].naturalWidth > 0)) return false; } return true;")));
        } catch (AssertionError | RuntimeException e) {
            screenshotQuietly("failure");
            throw new AssertionError(e.getMessage() + "\n" + evidence(), e);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private void signIn(String email) {
        waitFor("the sign-in form", d -> d.findElement(By.id("password")).isDisplayed());
        type(By.id("email"), email);
        type(By.id("password"), PASSWORD);
        // the sign-in page is in the store's language (Urdu here): its one submit button
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        // the store's admin speaks Urdu: the dashboard is known by its orders section, not by English words
        waitFor(
                "the admin dashboard",
                d -> d.findElement(By.cssSelector("h2#orders")).isDisplayed());
    }

    /** Text as read, with the no-break spaces money is written with (e.g. "Rs 2,501.00") as plain spaces. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private JavascriptExecutor js() {
        return driver;
    }

    private String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** What a person would want to see when it fails: where the browser is, what it shows, what the console said. */
    private String evidence() {
        StringBuilder b = new StringBuilder("--- browser evidence ---\n");
        try {
            b.append("URL: ").append(driver.getCurrentUrl()).append('\n');
            List<WebElement> status = driver.findElements(By.id("upload-status"));
            if (!status.isEmpty()) {
                b.append("#upload-status: ").append(status.get(0).getText()).append('\n');
            }
            String source = driver.getPageSource();
            b.append("page source (first 3000 chars):\n")
                    .append(source.length() > 3000 ? source.substring(0, 3000) + "…" : source)
                    .append('\n');
        } catch (WebDriverException e) {
            b.append("(page unavailable: ").append(e.getMessage()).append(")\n");
        }
        try {
            b.append("browser console:\n")
                    .append(driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                            .map(LogEntry::toString)
                            .collect(Collectors.joining("\n")))
                    .append('\n');
        } catch (WebDriverException e) {
            b.append("(console log unavailable: ").append(e.getMessage()).append(")\n");
        }
        b.append("screenshots: ").append(SCREENSHOTS);
        return b.toString();
    }

    /** The whole page (beyond the window) as PNG, so a person can look at it. */
    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        byte[] png;
        try {
            Number width = (Number) js().executeScript("return document.documentElement.clientWidth;");
            Number height = (Number) js().executeScript("return Math.max(document.documentElement.scrollHeight,"
                    + " document.documentElement.clientHeight);");
            Map<String, Object> shot = driver.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            png = Base64.getDecoder().decode((String) shot.get("data"));
        } catch (WebDriverException | ClassCastException e) {
            png = driver.getScreenshotAs(OutputType.BYTES);
        }
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private void screenshotQuietly(String name) {
        try {
            screenshot(name);
        } catch (IOException | WebDriverException e) {
            // the failure itself is what gets reported
        }
    }

    /** A real 64×64 PNG (a mango on a leaf-green ground), drawn with javax.imageio. */
    private static Path pngImage(Path file) throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2e7d32));
        g.fillRect(0, 0, 64, 64);
        g.setColor(new Color(0xffb300));
        g.fillOval(12, 10, 40, 46);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
