package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in real headless Chromium opens Sphere, logs in, sees the welcome page, finds their own login in the
 * request log (web → RabbitMQ → worker → PostgreSQL → page) and logs out.
 */
@EndToEnd
class BrowserLoginFlowTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Stack.ROOT.resolve("sphere-e2e/target/screenshots");

    @RegisterExtension
    static final Stack stack = new Stack();

    private static ChromeDriverService service;
    private static WebDriver driver;
    private static Path profile;

    @BeforeAll
    static void startChromium() throws IOException {
        for (File file : new File[]{CHROMIUM, CHROMEDRIVER}) {
            if (!file.canExecute()) {
                throw new IllegalStateException(
                        file + " is missing: run deploy/dev-services.sh --with-chromium (installs Debian's chromium"
                                + " and chromium-driver)");
            }
        }
        Files.createDirectories(Stack.LOGS);
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("sphere-e2e-chromium-");
        // Both paths are given, so Selenium Manager is never asked to find or download a browser or driver.
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .withLogFile(Stack.LOGS.resolve("BrowserLoginFlowTest-chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    @AfterAll
    static void stopChromium() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            deleteRecursively(profile);
        }
    }

    @Test
    void logsInFindsTheLoginInTheRequestLogAndLogsOut() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        try {
            driver.get(stack.webUri("/").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
            assertThat(path()).as("an anonymous visit to / lands on").isEqualTo("/login");

            driver.findElement(By.cssSelector("#login-form [name=email]")).sendKeys(stack.adminEmail());
            driver.findElement(By.cssSelector("#login-form [name=password]")).sendKeys(stack.adminPassword());
            driver.findElement(By.id("login-submit")).click();
            WebElement welcome = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
            assertThat(welcome.getText()).contains(stack.adminDisplayName());
            assertThat(path()).isEqualTo("/");
            screenshot("welcome");

            driver.findElement(By.id("nav-request-log")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-log-filter")));
            assertThat(path()).isEqualTo("/request-log");
            // The entry travels through RabbitMQ and the worker, so it may need a few reloads to show up; until the
            // first entry arrives the page has its filter form but no table.
            await("POST /login in the request log").atMost(Duration.ofSeconds(60))
                    .pollInSameThread()
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        if (hasRequestLogEntry("POST", "/login")) {
                            return true;
                        }
                        driver.navigate().refresh();
                        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-log-filter")));
                        return false;
                    });
            screenshot("request-log");

            driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
            assertThat(path()).as("after logout").isEqualTo("/login");

            driver.get(stack.webUri("/").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
            assertThat(path()).as("a visit to / after logout lands on").isEqualTo("/login");
        } catch (RuntimeException | AssertionError e) {
            try {
                screenshot("failure");
            } catch (RuntimeException | IOException screenshotFailed) {
                e.addSuppressed(screenshotFailed);
            }
            throw e;
        }
    }

    private static boolean hasRequestLogEntry(String method, String path) {
        return driver.findElements(By.cssSelector("#request-log tr.request-log-entry")).stream()
                .anyMatch(row -> method.equals(row.findElement(By.cssSelector("td.method")).getText().trim())
                        && path.equals(row.findElement(By.cssSelector("td.path")).getText().trim()));
    }

    private static String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(shot.toPath());
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
