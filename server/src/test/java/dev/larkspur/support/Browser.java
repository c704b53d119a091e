package dev.larkspur.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for the web
 * client's tests. Without them the test is skipped, unless {@code LARKSPUR_REQUIRE_BROWSER=true}
 * (CI), where their absence fails it. Screenshots go to {@code target/screenshots/<name>.png}.
 */
public final class Browser implements AutoCloseable {
    public static final Size DESKTOP = new Size(1280, 800);
    public static final Size PHONE = new Size(360, 740);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);

    public record Size(int width, int height) {}

    private final String baseUrl;
    private final ChromeDriver driver;

    private Browser(String baseUrl, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.driver = driver;
    }

    /** A new browser (own profile, own cookies) on the server, or a skipped test without Chromium. */
    public static Browser open(TestServer server, Size size) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("LARKSPUR_REQUIRE_BROWSER"))) {
            throw new AssertionError("LARKSPUR_REQUIRE_BROWSER=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(present, "no Chromium at " + CHROMIUM + " and " + CHROMEDRIVER);
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                // Tests run as root in CI, where Chromium's sandbox refuses to start.
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=" + size.width() + "," + size.height());
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        // Headless Chromium keeps windows at least 500 px wide and counts its (invisible) frame
        // in --window-size; the device metrics give the page exactly the viewport asked for.
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width",
                        size.width(),
                        "height",
                        size.height(),
                        "deviceScaleFactor",
                        1,
                        "mobile",
                        size.width() < 600));
        return new Browser(server.baseUrl(), driver);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(baseUrl + path);
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(String css) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Waits for the condition. A page that navigates or a live update that replaces an element while
     * a condition looks at it makes Chromium answer "stale element" or "node does not belong to the
     * document"; those mean "look again", not failure.
     */
    public <T> T waitFor(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NodeGone.class)
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (WebDriverException e) {
                        if (e instanceof StaleElementReferenceException
                                || String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            throw new NodeGone(e);
                        }
                        throw e;
                    }
                });
    }

    /** The element looked at left the document: the wait looks again. */
    private static final class NodeGone extends RuntimeException {
        NodeGone(Throwable cause) {
            super(cause);
        }
    }

    /** Fills the sign-in form and submits it. */
    public void signIn(String email, String password) {
        go("/login");
        find("#lk-email").sendKeys(email);
        find("#lk-password").sendKeys(password);
        var form = find("#lk-signin-form");
        find("#lk-signin-submit").click();
        // The answer replaces the page, signed in or not: wait for it, so that the next navigation
        // does not overtake the sign-in (and find itself at /login without a session).
        waitFor(ExpectedConditions.stalenessOf(form));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
