package io.dukan.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.operator.Totp;
import io.dukan.local.LocalCloud;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.Select;

/**
 * An operator at phone width runs a wave upgrade to a broken shop build (the local cloud's "local-broken", which
 * answers every request with a 500, loaded from its own jar): the canary store fails the check request the fleet
 * worker sends it right after its deploy, the worker rolls it back on its own, and the console shows why (in the
 * operator's language), the canary put back and the other wave never started; the shopper gets the real store again.
 */
class UpgradeWavesBrowserIT extends BrowserTestBase {

    static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    static final List<String> SLUGS = List.of("karachi-kites", "lahore-lamps");
    static ScheduledExecutorService shoppers;

    /** The base's cloud, again with a 5-second watch per wave (the default 30 s is for people). */
    @BeforeAll
    static void shortWatch() throws Exception {
        cloud.close();
        Browsers.deleteQuietly(dataDir);
        dataDir = Files.createTempDirectory("dukan-browser-cloud");
        Path root = Path.of(System.getProperty("dukan.project.root", "../.."))
                .toAbsolutePath()
                .normalize();
        cloud = LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(root)
                .dataDir(dataDir)
                .port(0)
                .inMemoryDynamoDb(true)
                .upgradeWindow(Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stopShoppers() {
        if (shoppers != null) {
            shoppers.shutdownNow();
        }
    }

    @Test
    void anOperator_runsAWaveUpgrade_whoseCanaryFails_andSeesItRolledBack_onAPhone() throws Exception {
        signUp("Karachi Kites", "karachi-kites", "owner@kites.example", "kites over Clifton 2026");
        signUp("Lahore Lamps", "lahore-lamps", "owner@lamps.example", "lamps of Anarkali 2026");
        // shoppers keep using both stores: the watch judges the canary on their requests
        HttpClient http = HttpClient.newHttpClient();
        shoppers = Executors.newSingleThreadScheduledExecutor();
        shoppers.scheduleWithFixedDelay(
                () -> {
                    for (String slug : SLUGS) {
                        try {
                            http.send(
                                    HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/s/" + slug + "/"))
                                            .timeout(Duration.ofSeconds(30))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
                        } catch (Exception ignored) {
                            // a failed request is the canary's business, seen in its counts
                        }
                    }
                },
                0,
                200,
                TimeUnit.MILLISECONDS);

        Properties operator = new Properties();
        try (Reader in =
                Files.newBufferedReader(cloud.dataDir().resolve("operator.properties"), StandardCharsets.UTF_8)) {
            operator.load(in);
        }
        driver = browser();
        driver.manage().window().setSize(new Dimension(360, 800));
        String base = cloud.baseUrl();
        driver.get(base + "/operator/upgrades");
        waitFor("the operator sign-in page", d -> d.getCurrentUrl().endsWith("/operator/signin"));
        type(By.id("email"), operator.getProperty("email"));
        type(By.id("password"), operator.getProperty("password"));
        type(By.id("code"), Totp.code(operator.getProperty("totpSecret"), Instant.now()));
        driver.findElement(By.cssSelector("main form[method=post] button[type=submit]"))
                .click();
        waitFor("the stores list", d -> d.getCurrentUrl().endsWith("/operator/stores"));

        driver.findElement(By.linkText("Upgrades")).click();
        waitFor("the upgrades page", d -> d.getCurrentUrl().endsWith("/operator/upgrades"));
        assertThat(driver.getPageSource()).contains("local-1").contains("local-broken");
        assertFitsThePhone();

        new Select(driver.findElement(By.id("start-version"))).selectByValue("local-broken");
        driver.findElement(By.cssSelector("#start-upgrade button[type=submit]")).click();
        waitFor("the upgrade's page", d -> d.getCurrentUrl().matches(".*/operator/upgrades/[a-z2-7]{16}$"));
        String campaignPage = driver.getCurrentUrl();

        // the canary is deployed and watched while the shoppers' requests fail on it
        waitLong("the canary watched", () -> {
            driver.get(campaignPage);
            return driver.findElements(By.cssSelector("#wave-1 .badge.WATCHING, #wave-1 .badge.ROLLING_BACK,"
                                    + " #wave-1 .badge.ROLLED_BACK"))
                            .size()
                    == 1;
        });
        waitLong("the rollback", () -> {
            driver.get(campaignPage);
            return driver.findElement(By.id("upgrade-state")).getText().equals("Rolled back");
        });
        assertFitsThePhone();
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("operator-upgrade-rolled-back.png"), driver.getScreenshotAs(OutputType.BYTES));

        String canaryWave = driver.findElement(By.id("wave-1")).getText();
        assertThat(canaryWave).contains("Rolled back").contains("lahore-lamps").contains("put back");
        // the canary failed the check request sent right after its deploy: rolled back before any watch
        assertThat(driver.findElement(By.id("upgrade-reason")).getText())
                .contains("Store lahore-lamps answered its check request with HTTP 500")
                .contains("local-broken")
                .contains("(wave 1)");
        assertThat(driver.findElement(By.cssSelector("#wave-1 p.muted")).getText())
                .contains("answered its check request with HTTP 500");
        assertThat(driver.findElements(By.id("upgrade-due")))
                .as("a finished campaign awaits no step")
                .isEmpty();
        assertThat(driver.findElement(By.id("wave-2")).getText())
                .contains("Waiting")
                .contains("karachi-kites");
        assertThat(driver.findElements(By.cssSelector("#wave-2 .target-WAITING")))
                .hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#wave-2 .target-UPGRADED")))
                .isEmpty();

        // the shopper gets the real store again, on the version it ran before
        driver.get(base + "/s/lahore-lamps/");
        waitFor("the canary store's home page", d -> d.getTitle().contains("Lahore Lamps"));

        driver.get(base + "/operator/stores");
        assertThat(driver.findElements(By.xpath("//td[normalize-space()='local-1']")))
                .hasSize(2);
        driver.get(base + "/operator/audit");
        assertThat(driver.getPageSource()).contains("started upgrade").contains("local-broken");
    }

    /** Polls an action for up to 90 s (a wave's watch plus the worker's steps). */
    void waitLong(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + " on " + driver.getCurrentUrl() + ":\n"
                        + driver.findElement(By.tagName("main")).getText());
            }
            Thread.sleep(500);
        }
    }

    /** Nothing wider than the phone's screen (wide tables scroll inside their own box). */
    void assertFitsThePhone() {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue())
                .as("horizontal overflow at 360 px on %s", driver.getCurrentUrl())
                .isLessThanOrEqualTo(0);
    }
}
