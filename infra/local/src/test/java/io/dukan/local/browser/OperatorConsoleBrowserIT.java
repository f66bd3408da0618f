package io.dukan.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.operator.Totp;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/**
 * An operator at phone width (360 px) in headless Chromium against the local cloud: signs in with the first
 * operator the local cloud created (password and a TOTP code computed from its secret, as an authenticator app
 * would), finds a store, suspends it with a reason (the shopper then gets the store's "temporarily closed" page,
 * in the store's language), and reactivates it (the shopper sees the store again).
 */
class OperatorConsoleBrowserIT extends BrowserTestBase {

    static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

    @Test
    void anOperator_signsInWithTotp_findsAStore_suspendsIt_andReactivatesIt_onAPhone() throws Exception {
        signUp("Multan Mangoes", "multan-mangoes", "owner@mangoes.example", "mangoes from Multan 2026", "ur");
        Properties operator = new Properties();
        try (Reader in =
                Files.newBufferedReader(cloud.dataDir().resolve("operator.properties"), StandardCharsets.UTF_8)) {
            operator.load(in);
        }
        driver = browser();
        driver.manage().window().setSize(new Dimension(360, 800));
        String base = cloud.baseUrl();

        // the shopper's store is open (and its function warm, with "not suspended" read)
        driver.get(base + "/s/multan-mangoes/");
        waitFor("the store's home page", d -> d.getTitle().contains("Multan Mangoes"));
        assertThat(driver.getPageSource()).doesNotContain("عارضی طور پر بند");

        driver.get(base + "/operator/stores");
        waitFor("the operator sign-in page", d -> d.getCurrentUrl().endsWith("/operator/signin"));
        type(By.id("email"), operator.getProperty("email"));
        type(By.id("password"), operator.getProperty("password"));
        type(By.id("code"), Totp.code(operator.getProperty("totpSecret"), Instant.now()));
        driver.findElement(By.cssSelector("main form[method=post] button[type=submit]"))
                .click();
        waitFor("the stores list", d -> d.getCurrentUrl().endsWith("/operator/stores"));
        assertFitsThePhone();

        type(By.id("q"), "mangoes");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waitFor(
                "the search result",
                d -> d.findElements(By.linkText("Multan Mangoes")).size() == 1);
        driver.findElement(By.linkText("Multan Mangoes")).click();
        waitFor("the store's page", d -> d.getCurrentUrl().endsWith("/operator/stores/multan-mangoes"));
        assertFitsThePhone();

        type(By.id("reason"), "Reported for selling counterfeit goods; under review");
        driver.findElement(By.cssSelector("form[action$='/suspend'] button")).click();
        waitFor("the suspension", d -> d.getPageSource().contains("This store is suspended"));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("operator-store-suspended.png"), driver.getScreenshotAs(OutputType.BYTES));

        // the shopper: within the store function's 5-second suspension cache, the closed page in Urdu
        driver.get(base + "/s/multan-mangoes/");
        waitFor("the closed page", d -> {
            d.navigate().refresh();
            return d.getPageSource().contains("عارضی طور پر بند");
        });
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        Files.write(SCREENSHOTS.resolve("store-temporarily-closed.png"), driver.getScreenshotAs(OutputType.BYTES));

        driver.get(base + "/operator/stores/multan-mangoes");
        type(By.id("reason"), "Owner showed the import papers");
        driver.findElement(By.cssSelector("form[action$='/reactivate'] button")).click();
        waitFor(
                "the reactivation",
                d -> d.findElements(By.cssSelector("form[action$='/suspend']")).size() == 1);
        assertThat(driver.getPageSource()).contains("reactivated store").contains("suspended store");

        driver.get(base + "/s/multan-mangoes/");
        waitFor("the store open again", d -> {
            d.navigate().refresh();
            return !d.getPageSource().contains("عارضی طور پر بند")
                    && d.getTitle().contains("Multan Mangoes");
        });

        driver.get(base + "/operator/audit");
        assertThat(driver.getPageSource())
                .contains("Reported for selling counterfeit goods")
                .contains("Owner showed the import papers")
                .contains(operator.getProperty("email"));
        assertFitsThePhone();
    }

    /** Nothing wider than the phone's screen (wide tables scroll inside their own box). */
    void assertFitsThePhone() {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Object wide = driver.executeScript("var w = document.documentElement.clientWidth, out = [];"
                + " document.querySelectorAll('body *').forEach(function (e) {"
                + " var r = e.getBoundingClientRect(); if (r.right > w + 0.5 && out.length < 5)"
                + " out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); });"
                + " return out.join(', ');");
        assertThat(((Number) overflow).intValue())
                .as("horizontal overflow at 360 px on %s: %s", driver.getCurrentUrl(), wide)
                .isLessThanOrEqualTo(0);
    }
}
