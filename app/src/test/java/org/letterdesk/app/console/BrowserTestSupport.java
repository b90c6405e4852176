package org.letterdesk.app.console;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.letterdesk.app.ApiTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real browser against the whole application on a random port (the same application context as
 * the HTTP tests). One Chromium for the whole run; each test signs in as the user it acts as.
 */
public abstract class BrowserTestSupport extends ApiTestSupport {

    /** Axe-core's counts of violations per screen and impact, for the report at the end of the run. */
    static final Map<String, Map<String, Integer>> AXE = new ConcurrentHashMap<>();
    private static String axeSource;

    protected ChromeDriver driver;
    protected Browser browser;

    @BeforeAll
    static void requireBrowser() {
        assumeTrue(Browser.available(), "Browser tests skipped: no Chromium at " + Browser.CHROMIUM
                + " or no ChromeDriver at " + Browser.CHROMEDRIVER
                + " (apt-get install -y chromium chromium-driver; .ci/run installs them)");
    }

    @BeforeEach
    void browser() throws IOException {
        browser = Browser.shared();
        driver = browser.driver;
        browser.resize(1366, 768);
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    /** Signs out whoever was signed in, then signs in through the login form. */
    protected void signIn(String user) {
        if (!driver.getCurrentUrl().startsWith(base())) {
            driver.get(base() + "/login"); // cookies can be deleted only for the site the browser is on
        }
        driver.manage().deleteAllCookies();
        driver.get(base() + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        waitUntil(d -> d.findElement(By.id("who")).getText().startsWith(user + "（"));
        waitUntil(d -> d.findElement(By.id("main")).getAttribute("data-screen") != null);
    }

    /** Opens a screen by its route (e.g. {@code register}, {@code letters/<id>}) and waits until it is drawn. */
    protected void open(String route) {
        String url = base() + "/#/" + route;
        if (driver.getCurrentUrl().equals(url)) {
            driver.navigate().refresh();
        } else if (driver.getCurrentUrl().startsWith(base() + "/#/")) {
            // As a user follows a link inside the console: the page stays, the route changes.
            driver.executeScript("document.getElementById('main').removeAttribute('data-screen');"
                    + " location.hash = arguments[0]", "#/" + route);
        } else {
            driver.get(url);
        }
        awaitScreen(route.split("[/?]")[0]);
    }

    protected void awaitScreen(String screen) {
        waitUntil(d -> screen.equals(d.findElement(By.id("main")).getAttribute("data-screen")));
    }

    protected <T> T waitUntil(Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(RuntimeException.class).until(condition::apply);
    }

    protected WebElement visible(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The refusal the console shows, as the user reads it. */
    protected String problem() {
        return visible(By.id("problem")).getText();
    }

    protected String notice() {
        return visible(By.id("notice")).getText();
    }

    /** Opens an action of the letter page (a collapsible form) and returns its form. */
    protected WebElement action(String name) {
        WebElement details = visible(By.cssSelector("details[data-action='" + name + "']"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        return details.findElement(By.tagName("form"));
    }

    protected void choose(WebElement form, String name, String value) {
        new Select(form.findElement(By.name(name))).selectByValue(value);
    }

    protected void type(WebElement form, String name, String text) {
        WebElement field = form.findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
    }

    /** Submits an action's form and waits for the page to show the letter's next version. */
    protected void submitAndAwaitNewVersion(WebElement form) {
        String before = driver.findElement(By.id("main")).getAttribute("data-version");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(d -> {
            String now = d.findElement(By.id("main")).getAttribute("data-version");
            return now != null && !now.equals(before) ? now : null;
        });
    }

    protected String status() {
        return driver.findElement(By.id("main")).getAttribute("data-status");
    }

    /**
     * Runs axe-core in the page and asserts that it finds no serious or critical violation; the counts per impact
     * are kept for the run's report.
     */
    protected void assertAccessible(String screen) {
        JavascriptExecutor js = driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
            js.executeScript(axe());
        }
        String result = (String) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact,
                      nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })))))
                  .catch(e => done(JSON.stringify({ error: String(e) })));
                """);
        JsonNode violations = json.readTree(result);
        assertThat(violations.has("error")).as("axe-core ran on %s: %s", screen, result).isFalse();
        Map<String, Integer> counts = new java.util.TreeMap<>(Map.of("critical", 0, "serious", 0, "moderate", 0,
                "minor", 0));
        for (JsonNode v : violations) {
            counts.merge(v.path("impact").asString(), 1, Integer::sum);
        }
        AXE.put(screen, counts);
        System.out.println("axe-core " + screen + ": " + counts + (violations.isEmpty() ? "" : " " + result));
        assertThat(counts.get("critical") + counts.get("serious"))
                .as("serious or critical accessibility violations on %s: %s", screen, result).isZero();
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream in = BrowserTestSupport.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("axe-core is missing from the test resources", e);
            }
        }
        return axeSource;
    }

    /**
     * A screenshot of what the browser shows, into app/target/console-screenshots; with
     * {@code -Dletterdesk.console.screenshots=<dir>} (e.g. ../docs/console) also there.
     */
    protected void screenshot(String name) throws IOException {
        driver.executeScript("window.scrollTo(0, 0)");
        shoot(name);
    }

    /** A screenshot of the part of the page around {@code element}. */
    protected void screenshot(String name, WebElement element) throws IOException {
        driver.executeScript("arguments[0].scrollIntoView({ block: 'start' })", element);
        shoot(name);
    }

    private void shoot(String name) throws IOException {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Path target = Path.of("target", "console-screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), png);
        String docs = System.getProperty("letterdesk.console.screenshots", "");
        if (!docs.isBlank()) {
            Path dir = Path.of(docs);
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), png);
        }
    }
}
