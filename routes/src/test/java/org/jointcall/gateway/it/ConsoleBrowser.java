package org.jointcall.gateway.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver, both found at fixed paths, so Selenium
 * never downloads a browser or a driver (Selenium Manager is not consulted when both paths are given).
 * A fresh profile per browser, downloads into a directory the test reads, screenshots kept in
 * {@code target/screenshots} as build artefacts.
 */
public final class ConsoleBrowser implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));

    public final ChromeDriver driver;
    private final Path downloads;
    private final Path screenshots;

    private ConsoleBrowser(ChromeDriver driver, Path downloads, Path screenshots) {
        this.driver = driver;
        this.downloads = downloads;
        this.screenshots = screenshots;
    }

    /** Starts Chromium with a new profile under {@code workDirectory}. */
    public static ConsoleBrowser open(Path workDirectory) {
        try {
            Path profile = Files.createDirectories(workDirectory.resolve("chromium-profile"));
            Path downloads = Files.createDirectories(workDirectory.resolve("downloads"));
            Path screenshots = Files.createDirectories(Path.of(System.getProperty("gateway.screenshots", "target/screenshots")));
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=en-GB");
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toAbsolutePath().toString(),
                    "download.prompt_for_download", false,
                    "intl.accept_languages", "en-GB,en"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogFile(workDirectory.resolve("chromedriver.log").toFile())
                    .build();
            return new ConsoleBrowser(new ChromeDriver(service, options), downloads, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Chromium's directories under " + workDirectory, e);
        }
    }

    public void get(GatewayProcess gateway, String path) {
        driver.get(gateway.uri(path).toString());
    }

    /** Waits until {@code condition} gives something other than null or false, or fails naming {@code what}. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        // A view that re-renders (language switch, live update) replaces elements between finding and reading them.
        return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> what + " (page " + driver.getCurrentUrl() + ")").until(condition);
    }

    /** Waits until an element matching {@code css} is displayed and returns it. */
    public WebElement visible(String css) {
        return await(css + " displayed", d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /**
     * Form controls on the page without a label (neither a {@code <label>} nor {@code aria-label}) and table
     * headers without {@code scope}, described; empty when the page is accessible in these two respects.
     */
    @SuppressWarnings("unchecked")
    public List<String> unlabelledControlsAndHeaders() {
        return (List<String>) script("""
                const missing = [];
                document.querySelectorAll('input, select, textarea').forEach((c) => {
                  if (c.type !== 'hidden' && c.labels.length === 0 && !c.getAttribute('aria-label')) missing.push(c.outerHTML);
                });
                document.querySelectorAll('thead th, tbody th').forEach((th) => { if (!th.scope) missing.push(th.outerHTML); });
                return missing;""");
    }

    /** Waits for a finished download named {@code fileName} (Chromium writes a .crdownload until it is complete). */
    public Path download(String fileName) {
        Path file = downloads.resolve(fileName);
        await(fileName + " downloaded into " + downloads, d -> Files.isRegularFile(file)
                && !Files.exists(downloads.resolve(fileName + ".crdownload")));
        return file;
    }

    /** What the pages wrote to the browser console since the last call (script errors, failed requests), for failure diagnosis. */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = screenshots.resolve(name + ".png");
        try {
            Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            // Selenium's temporary file is private to its owner; an artefact is for anyone to read.
            return Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep screenshot " + target, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
