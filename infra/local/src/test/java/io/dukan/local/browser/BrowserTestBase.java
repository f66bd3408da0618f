package io.dukan.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.tenant.TenantId;
import io.dukan.local.LocalCloud;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What every browser test does around its own steps: a local cloud of its own for the test class (in a temporary
 * folder, deleted after), a headless Chromium with a fresh profile per {@link #browser}, quit after each test, and
 * the waits and small actions the steps are written with. The cloud is held in static fields, so browser test
 * classes must run one after another (as they do: no parallel execution is configured).
 */
abstract class BrowserTestBase {

    static final Duration WAIT = Duration.ofSeconds(20);

    static Path dataDir;
    static LocalCloud cloud;

    ChromeDriver driver;
    Path profileDir;

    @BeforeAll
    static void startCloud() throws Exception {
        Browsers.requireChromium();
        dataDir = Files.createTempDirectory("dukan-browser-cloud");
        cloud = Browsers.startCloud(dataDir);
    }

    @AfterAll
    static void stopCloud() {
        try {
            if (cloud != null) {
                cloud.close();
                cloud = null;
            }
        } finally {
            Browsers.deleteQuietly(dataDir);
        }
    }

    @AfterEach
    void quitBrowser() {
        try {
            if (driver != null) {
                driver.quit();
                driver = null;
            }
        } finally {
            Browsers.deleteQuietly(profileDir);
        }
    }

    /** A new headless Chromium (window 1280×900) with a profile of its own, its console logged. */
    ChromeDriver browser() throws IOException {
        return browser(true);
    }

    /** As {@link #browser()}; {@code javascript} false: with JavaScript off, as some shoppers' phones have it. */
    ChromeDriver browser(boolean javascript) throws IOException {
        Browsers.deleteQuietly(profileDir);
        profileDir = Files.createTempDirectory("dukan-chromium-profile");
        System.setProperty("webdriver.chrome.driver", Browsers.CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browsers.CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profileDir,
                "--window-size=1280,900");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriver chrome = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(Browsers.CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    /** A store signed up through the platform's JSON API, ACTIVE when this returns; its tenant id. */
    static TenantId signUp(String storeName, String slug, String email, String password) throws Exception {
        return signUp(storeName, slug, email, password, "en");
    }

    /** The same, for a store in {@code language}. */
    static TenantId signUp(String storeName, String slug, String email, String password, String language)
            throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/api/stores"))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"storeName\":\""
                                        + storeName + "\",\"slug\":\"" + slug + "\",\"ownerEmail\":\"" + email
                                        + "\",\"password\":\""
                                        + password + "\",\"currency\":\"PKR\",\"country\":\"PK\",\"language\":\""
                                        + language
                                        + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        assertThat(created.body()).contains("\"status\":\"VERIFICATION_SENT\"");
        // nothing is provisioned until the owner follows the link mailed to them (the local cloud's /_outbox)
        io.dukan.local.VerificationMail.verify(cloud.baseUrl(), email);
        HttpResponse<String> status = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/api/stores/" + slug))
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(status.body()).contains("\"status\":\"ACTIVE\"");
        Matcher id = Pattern.compile("\"id\":\"([a-z2-7]{16})\"").matcher(status.body());
        assertThat(id.find()).as(status.body()).isTrue();
        return new TenantId(id.group(1));
    }

    /** Searches from the storefront's header box and waits for the results page. */
    void search(String words) {
        WebElement box = driver.findElement(By.cssSelector("header input[name=q]"));
        box.clear();
        box.sendKeys(words);
        driver.findElement(By.cssSelector("header form.search button")).click();
        waitFor(
                "the search results for " + words,
                d -> d.findElement(By.tagName("h1")).getText().contains(words));
    }

    <T> T waitFor(String what, Function<WebDriver, T> condition) {
        try {
            return new org.openqa.selenium.support.ui.WebDriverWait(driver, WAIT)
                    .ignoring(StaleElementReferenceException.class)
                    .withMessage("waiting for " + what)
                    .until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what, e);
        }
    }

    void type(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** The browser console's warnings and errors (a CSP violation or a script error shows here). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .map(LogEntry::toString)
                .toList();
    }
}
