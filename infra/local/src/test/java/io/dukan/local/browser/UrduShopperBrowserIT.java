package io.dukan.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.catalog.Product;
import io.dukan.core.tenant.TenantId;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * An Urdu store on a phone (390×844): the shopper's cart, checkout, confirmation and order page are Urdu and right
 * to left, with no word from the English message table (what the owner typed excepted), and money in the store's
 * locale. A screenshot of the confirmation lands in /tmp/shopper-ur.png.
 */
class UrduShopperBrowserIT extends BrowserTestBase {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void urduStore_cartCheckoutConfirmationAndOrderPage_areUrduAndRightToLeft_onAPhone() throws Exception {
        String slug = "urdu-" + Long.toString(System.currentTimeMillis(), 36);
        TenantId tenant = signUpInUrdu("Kashgar Fruit", slug, "owner@" + slug + ".example");
        Product apricots = StorefrontBrowserIT.seedApricots(tenant);
        String store =
                "http://" + slug + ".localhost:" + URI.create(cloud.baseUrl()).getPort();
        List<String> english = englishFragments();

        driver = browser(true);
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(store + "/products/" + apricots.id().value());
            waitFor("the product page", d -> d.findElement(By.id("quantity")).isDisplayed());
            type(By.id("quantity"), "2");
            driver.findElement(By.cssSelector("#buy button[type=submit]")).click();

            waitFor("the cart", d -> d.findElement(By.tagName("h1")).getText().equals("آپ کی ٹوکری"));
            assertUrdu("cart", english);
            assertThat(text(".count")).isEqualTo("2 چیزیں");
            assertThat(plain(text(".subtotal"))).isEqualTo("Rs 900.00");

            driver.findElement(By.linkText("آرڈر مکمل کریں")).click();
            waitFor("the checkout form", d -> d.findElement(By.id("line1")).isDisplayed());
            assertUrdu("checkout", english);
            assertThat(driver.findElement(By.cssSelector("#country option[selected]"))
                            .getText())
                    .isEqualTo("پاکستان");
            type(By.id("name"), "عائشہ خان");
            type(By.id("phone"), "+92 300 1234567");
            type(By.id("line1"), "مکان 12، گلی 4");
            type(By.id("city"), "ملتان");
            driver.findElement(By.xpath("//button[normalize-space()='آرڈر دیں']"))
                    .click();

            waitFor(
                    "the confirmation",
                    d -> d.findElement(By.tagName("h1")).getText().startsWith("آرڈر #"));
            assertUrdu("confirmation", english);
            assertThat(text(".ok")).isEqualTo("شکریہ! آپ کا آرڈر موصول ہو گیا ہے۔");
            assertThat(plain(text(".total"))).isEqualTo("Rs 900.00");
            assertThat(driver.findElement(By.tagName("body")).getText())
                    .contains("ابھی ادائیگی نہیں ہوئی")
                    .contains("تیار کیا جا رہا ہے");
            screenshot(Path.of("/tmp/shopper-ur.png"));

            // the order's page later (its address is what the shopper keeps): still Urdu, no "thank you" now
            String orderUrl = driver.getCurrentUrl();
            driver.manage().deleteAllCookies();
            driver.get(orderUrl);
            waitFor(
                    "the order page",
                    d -> d.findElement(By.tagName("h1")).getText().startsWith("آرڈر #"));
            assertUrdu("order page", english);

            driver.get(store + "/no-such-page");
            assertUrdu("404", english);
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("نہیں ملا");
            // the 404 itself is logged by Chromium; nothing else (no /favicon.ico request: the icon is inline)
            assertThat(consoleErrors().stream().filter(e -> !e.contains("/no-such-page - ")))
                    .as("console errors")
                    .isEmpty();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    e.getMessage() + "\nURL: " + driver.getCurrentUrl() + "\n" + driver.getPageSource(), e);
        }
    }

    private void assertUrdu(String page, List<String> english) {
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir"))
                .as(page)
                .isEqualTo("rtl");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .as(page)
                .isEqualTo("ur");
        String shown = driver.findElement(By.tagName("body")).getText() + "\n"
                + String.join(
                        "\n",
                        driver.findElements(By.cssSelector("[placeholder],[aria-label]")).stream()
                                .map(e -> e.getDomAttribute("placeholder") + " " + e.getDomAttribute("aria-label"))
                                .toList())
                + "\n" + driver.getTitle();
        String read = shown.replace("Kashgar Fruit", "").replace("Kashgar apricots", "");
        Set<String> leaked = new LinkedHashSet<>();
        for (String fragment : english) {
            if (read.contains(fragment)) {
                leaked.add(fragment);
            }
        }
        assertThat(leaked)
                .as(page + " shows English from the tables:\n" + shown)
                .isEmpty();
    }

    /** The literal parts of every English shopper message with four letters or more, minus those Urdu uses too. */
    static List<String> englishFragments() {
        Set<String> urdu = new LinkedHashSet<>(
                Messages.of(Language.UR, List.of("shop")).own().values());
        Set<String> fragments = new LinkedHashSet<>();
        for (String text : Messages.of(Language.EN, List.of("shop")).own().values()) {
            for (String part : PLACEHOLDER.split(text)) {
                String f = part.strip().replaceAll("^[\\p{Punct}“”‘’«»·—–\\s]+|[\\p{Punct}“”‘’«»·—–\\s]+$", "");
                if (f.codePoints().filter(Character::isLetter).count() >= 4
                        && urdu.stream().noneMatch(u -> u.contains(f))) {
                    fragments.add(f);
                }
            }
        }
        assertThat(fragments).contains("Your cart", "Place order", "Thank you! Your order has been placed");
        return List.copyOf(fragments);
    }

    static TenantId signUpInUrdu(String storeName, String slug, String email) throws Exception {
        return signUp(storeName, slug, email, "a long enough password 1", "ur");
    }

    private void screenshot(Path file) throws Exception {
        Number height = (Number) driver.executeScript(
                "return Math.max(document.documentElement.scrollHeight," + " document.documentElement.clientHeight);");
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", 390, "height", height, "scale", 1)));
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
