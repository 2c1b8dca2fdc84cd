package dev.obdio.gateway;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven through Debian's chromedriver, for the dashboard's tests. Selenium
 * Manager never runs (both paths are given), so nothing is downloaded. Without the packages the
 * tests are skipped with a message, unless {@code OBDIO_REQUIRE_BROWSER=1} (CI) makes that a failure.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("obdio.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("obdio.chromedriver", "/usr/bin/chromedriver"));

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test (or fails it in CI) when chromium or chromedriver is missing. */
    static void assumeInstalled() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String message = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
        if (!present && "1".equals(System.getenv("OBDIO_REQUIRE_BROWSER"))) {
            fail(message + "; OBDIO_REQUIRE_BROWSER=1 forbids skipping");
        }
        Assumptions.assumeTrue(present, message + ": skipped");
    }

    /** A headless chromium with a fresh profile and a desktop-sized window. */
    static Browser start() throws IOException {
        Path profile = Files.createTempDirectory("obdio-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // the page's console, for the tests
        // get() returns once the document and its module scripts ran (DOMContentLoaded); the tests then
        // wait for what they check, so a slow favicon on a loaded machine costs nothing
        options.setPageLoadStrategy(PageLoadStrategy.EAGER);
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10)).pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    /** Saves a PNG of the viewport under {@code target/screenshots/NAME.png}. */
    Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a temp dir left behind
            }
        }
    }
}
