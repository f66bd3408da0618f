package io.dukan.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/**
 * A first-time seller on a 360 px phone: follows the admin's setup guide from a new store to its first test order
 * (each step ticked from the store's own data), no admin page scrolls sideways, for the owner and for a staff member
 * (whose menu leaves out what their role may not open), and axe-core finds no accessibility violation on the admin
 * home, product editor, orders, shipping and the storefront's pages.
 */
class SellerPhoneBrowserIT extends BrowserTestBase {

    static final String PASSWORD = "a first shop on my phone";
    static final String AXE_VERSION = "4.10.2";

    /** Owner pages (and the staff pages a staff member may open) checked for sideways scrolling. */
    static final List<String> OWNER_PAGES = List.of(
            "/admin",
            "/admin/orders",
            "/admin/products",
            "/admin/products/new",
            "/admin/collections",
            "/admin/catalog/import",
            "/admin/shipping",
            "/admin/payments",
            "/admin/stripe",
            "/admin/settings",
            "/admin/currencies",
            "/admin/staff");

    static final List<String> STAFF_PAGES =
            List.of("/admin", "/admin/orders", "/admin/products", "/admin/products/new", "/admin/collections");

    @Test
    void newSeller_followsTheSetupGuideToAFirstTestOrder_onA360pxPhone() throws Exception {
        String slug = "phone-" + Long.toString(System.currentTimeMillis(), 36);
        String email = "owner@" + slug + ".example";
        signUp("Gul Ahmed Crafts", slug, email, PASSWORD);
        String store =
                "http://" + slug + ".localhost:" + URI.create(cloud.baseUrl()).getPort();
        String axe = axeScript();
        List<String> violations = new ArrayList<>();

        driver = browser(true);
        try {
            driver.manage().window().setSize(new Dimension(360, 740));
            signIn(store, email);
            assertThat(text("#setup-title")).isEqualTo("Set up your shop");
            assertThat(text("#setup")).contains("0 of 6 steps done");
            assertNoSideScroll("/admin (new store)");
            violations.addAll(axe(axe, "admin home"));

            // 1. a product with a photo, from the guide's link
            guideStep("product").click();
            waitFor(
                    "the new-product form",
                    d -> d.findElement(By.id("product-form")).isDisplayed());
            violations.addAll(axe(axe, "product editor"));
            type(By.id("name"), "Embroidered shawl");
            type(By.id("price"), "3500");
            type(By.id("stock"), "4");
            driver.findElement(By.id("image")).sendKeys(photo().toString());
            // the photo is uploaded (browser → storage) when the form is sent
            new Select(driver.findElement(By.id("status"))).selectByValue("active");
            driver.findElement(By.cssSelector("button[value=save]")).click();
            waitFor("the product list", d -> d.findElement(By.cssSelector("tr[data-product-id]")));
            assertNoSideScroll("/admin/products with a product");

            // 2. delivery: one zone for Pakistan
            driver.get(store + "/admin");
            assertThat(guideStepClass("product")).contains("done");
            guideStep("delivery").click();
            waitFor("the shipping page", d -> d.findElement(By.id("name-new")).isDisplayed());
            violations.addAll(axe(axe, "shipping"));
            // a new store shows its default zone (not saved yet) above the "Add a zone" form: the owner fills the last
            org.openqa.selenium.WebElement zone =
                    driver.findElement(By.xpath("(//form[contains(@class,'zone')])[last()]"));
            zone.findElement(By.name("name")).sendKeys("Pakistan");
            zone.findElement(By.name("areas")).sendKeys("PK");
            zone.findElement(By.name("rate0Name")).sendKeys("Courier");
            zone.findElement(By.name("rate0Price")).sendKeys("250");
            zone.findElement(By.xpath(".//button[normalize-space()='Add zone']"))
                    .click();
            waitFor(
                    "the zone to be saved",
                    d -> d.getPageSource().contains("Customers see the new delivery prices now."));
            assertNoSideScroll("/admin/shipping with a zone");

            // 3. payments: the owner keeps cash on delivery and saves
            driver.get(store + "/admin");
            guideStep("payments").click();
            waitFor(
                    "the payments page",
                    d -> d.findElement(By.id("instructions")).isDisplayed());
            driver.findElement(By.name("bankTransfer")).click();
            type(By.id("accountName"), "Gul Ahmed");
            type(By.id("bankName"), "Meezan Bank");
            type(By.id("accountNumber"), "PK36MEZN0001234567890");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            waitFor(
                    "the payments to be saved",
                    d -> d.findElements(By.cssSelector(".ok")).size() > 0);

            // 4. WhatsApp and a phone
            driver.get(store + "/admin");
            guideStep("contact").click();
            waitFor(
                    "the settings form",
                    d -> d.findElement(By.id("settings-form")).isDisplayed());
            type(By.id("whatsapp"), "+92 300 111 2233");
            type(By.id("phone"), "+92 300 111 2233");
            driver.findElement(By.cssSelector("#settings-form button[type=submit]"))
                    .click();
            waitFor("the settings to be saved", d -> d.getPageSource().contains("Settings saved."));

            // 5. a test order, as a shopper would place it (the guide links to the storefront)
            driver.get(store + "/admin");
            assertThat(text("#setup")).contains("4 of 6 steps done");
            guideStep("order").click();
            waitFor(
                    "the storefront",
                    d -> d.findElement(By.cssSelector(".card a")).isDisplayed());
            assertNoSideScroll("storefront home");
            violations.addAll(axe(axe, "storefront home"));
            driver.findElement(By.cssSelector(".card a")).click();
            waitFor("the product page", d -> d.findElement(By.id("buy")).isDisplayed());
            violations.addAll(axe(axe, "product page"));
            driver.findElement(By.xpath("//button[normalize-space()='Add to cart']"))
                    .click();
            waitFor("the cart", d -> d.findElement(By.tagName("h1")).getText().equals("Your cart"));
            assertThat(text("header .cart-count")).isEqualTo("1");
            violations.addAll(axe(axe, "cart"));
            driver.findElement(By.linkText("Check out")).click();
            waitFor("the checkout form", d -> d.findElement(By.id("line1")).isDisplayed());
            violations.addAll(axe(axe, "checkout"));
            // bank details only while bank transfer is the chosen method (CSS, no script needed)
            assertThat(driver.findElement(By.cssSelector(".bank")).isDisplayed())
                    .as("cash on delivery chosen: no bank details")
                    .isFalse();
            driver.findElement(By.cssSelector("input[name=paymentMethod][value=BANK_TRANSFER]"))
                    .click();
            assertThat(driver.findElement(By.cssSelector(".bank")).isDisplayed())
                    .isTrue();
            assertThat(text(".bank")).contains("PK36MEZN0001234567890");
            driver.findElement(By.cssSelector("input[name=paymentMethod][value=CASH_ON_DELIVERY]"))
                    .click();
            type(By.id("name"), "Test Order");
            type(By.id("phone"), "0300 1112233");
            type(By.id("line1"), "Shop 4, Liberty Market");
            type(By.id("city"), "Lahore");
            driver.findElement(By.xpath("//button[normalize-space()='Place order']"))
                    .click();
            waitFor(
                    "the order page",
                    d -> d.findElement(By.tagName("h1")).getText().startsWith("Order"));
            violations.addAll(axe(axe, "order status page"));

            // 6. share: the press is recorded (the browser then goes on to WhatsApp, not reachable here)
            driver.get(store + "/admin");
            assertThat(text("#setup")).contains("5 of 6 steps done");
            assertThat(driver.findElement(By.cssSelector("#setup svg[role=img]"))
                            .getDomAttribute("aria-label"))
                    .contains("QR code");
            driver.findElement(By.linkText("Share on WhatsApp")).click();
            waitFor("leaving for WhatsApp", d -> !d.getCurrentUrl().startsWith(store));
            driver.get(store + "/admin");
            assertThat(text("#setup")).contains("6 of 6 steps done").contains("All done");

            // the orders list and the order: the owner can message the shopper on WhatsApp
            driver.get(store + "/admin/orders");
            violations.addAll(axe(axe, "orders"));
            driver.findElement(By.cssSelector("tr[data-order] a")).click();
            waitFor(
                    "the admin order page",
                    d -> d.findElement(By.tagName("h1")).getText().startsWith("Order"));
            assertThat(driver.findElement(By.partialLinkText("WhatsApp")).getDomAttribute("href"))
                    .startsWith("https://wa.me/923001112233?text=");

            for (String page : OWNER_PAGES) {
                driver.get(store + page);
                assertNoSideScroll("owner " + page);
            }
            assertThat(violations).as("axe-core violations").isEmpty();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\nURL: " + driver.getCurrentUrl(), e);
        }
    }

    @Test
    void staffMember_seesOnlyTheirLinks_andNoPageScrollsSideways() throws Exception {
        String slug = "staff-" + Long.toString(System.currentTimeMillis(), 36);
        String email = "owner@" + slug + ".example";
        signUp("Lahore Spices", slug, email, PASSWORD);
        String store =
                "http://" + slug + ".localhost:" + URI.create(cloud.baseUrl()).getPort();
        String staffEmail = "bilal@" + slug + ".example";

        driver = browser(true);
        driver.manage().window().setSize(new Dimension(360, 740));
        signIn(store, email);
        driver.get(store + "/admin/staff");
        type(By.id("email"), staffEmail);
        driver.findElement(By.cssSelector("main form:last-of-type button[type=submit]"))
                .click();
        waitFor("the invitation", d -> d.getPageSource().contains(staffEmail));
        String invite = invitePath(staffEmail);
        driver.manage().deleteAllCookies();

        driver.get(store.replaceFirst("/?$", "") + invite.substring(invite.indexOf("/admin/")));
        type(By.id("name"), "Bilal");
        type(By.id("password"), "spices and rice 2026");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(
                "the staff member's admin home",
                d -> d.findElement(By.tagName("h1")).getText().endsWith("· admin"));

        for (String page : STAFF_PAGES) {
            driver.get(store + page);
            assertNoSideScroll("staff " + page);
            List<String> menu = driver.findElements(By.cssSelector("header nav a")).stream()
                    .map(a -> URI.create(a.getDomProperty("href")).getPath())
                    .toList();
            assertThat(menu)
                    .as("the staff menu on " + page)
                    .contains("/admin/orders", "/admin/products")
                    .doesNotContain("/admin/settings", "/admin/shipping", "/admin/payments", "/admin/staff");
            assertThat(driver.findElements(By.id("setup")))
                    .as("no setup guide for staff")
                    .isEmpty();
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void signIn(String store, String email) {
        driver.get(store + "/admin/login");
        type(By.id("email"), email);
        type(By.id("password"), PASSWORD);
        driver.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
        waitFor("the dashboard", d -> d.findElement(By.tagName("h1")).getText().endsWith("· admin"));
    }

    private org.openqa.selenium.WebElement guideStep(String name) {
        return driver.findElement(By.cssSelector("#setup li[data-step=" + name + "] a"));
    }

    private String guideStepClass(String name) {
        return driver.findElement(By.cssSelector("#setup li[data-step=" + name + "]"))
                .getDomAttribute("class");
    }

    /** The page is no wider than the phone: nothing to scroll sideways to. */
    private void assertNoSideScroll(String what) {
        Map<?, ?> size = (Map<?, ?>) driver.executeScript("var e = document.documentElement;"
                + " return {scroll: e.scrollWidth, client: e.clientWidth, body: document.body.scrollWidth};");
        long scroll = ((Number) size.get("scroll")).longValue();
        long client = ((Number) size.get("client")).longValue();
        assertThat(scroll).as(what + ": scrollWidth " + size + " at 360 px").isLessThanOrEqualTo(client);
        assertThat(client).as(what + ": the phone's width").isLessThanOrEqualTo(360);
    }

    /** axe-core's violations on the page shown (id, impact, first node), none expected. */
    @SuppressWarnings("unchecked")
    private List<String> axe(String script, String page) {
        driver.executeScript(script);
        Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "   done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): '"
                + "     + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | '); }));"
                + " }, function (e) { done(['axe failed: ' + e]); });");
        return ((List<String>) result).stream().map(v -> page + ": " + v).toList();
    }

    /**
     * axe.min.js from the npm registry (npm install into the build's target folder, once): not committed, not
     * shipped; the test fails, not skips, when it cannot be had.
     */
    static String axeScript() throws Exception {
        Path dir = Path.of("target", "axe-core");
        Path js = dir.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.exists(js)) {
            Files.createDirectories(dir);
            Process npm = new ProcessBuilder(
                            "npm",
                            "install",
                            "--no-save",
                            "--no-audit",
                            "--no-fund",
                            "--prefix",
                            dir.toString(),
                            "axe-core@" + AXE_VERSION)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(npm.getInputStream().readAllBytes());
            assertThat(npm.waitFor(180, TimeUnit.SECONDS))
                    .as("npm install axe-core: " + out)
                    .isTrue();
            assertThat(npm.exitValue()).as("npm install axe-core: " + out).isZero();
        }
        return Files.readString(js);
    }

    /** The invitation link mailed to {@code email}, read from the local cloud's outbox pages. */
    private static String invitePath(String email) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Pattern row = Pattern.compile("<td>" + Pattern.quote(email) + "</td><td><a href=\"(/_outbox/[^\"]+)\">");
        Pattern link = Pattern.compile("(/s/[a-z0-9-]+/admin/invite/[a-z2-7]{26})|(/admin/invite/[a-z2-7]{26})");
        for (int attempt = 0; attempt < 50; attempt++) {
            Matcher message = row.matcher(get(http, cloud.baseUrl() + "/_outbox"));
            if (message.find()) {
                Matcher found = link.matcher(get(http, cloud.baseUrl() + message.group(1)));
                if (found.find()) {
                    return found.group();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no invitation to " + email);
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private Path photo() throws IOException {
        BufferedImage image = new BufferedImage(800, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x7c2d12));
        g.fillRect(0, 0, 800, 800);
        g.setColor(new Color(0xfef3c7));
        g.fillOval(200, 200, 400, 400);
        g.dispose();
        Path file = profileDir.resolve("shawl.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
