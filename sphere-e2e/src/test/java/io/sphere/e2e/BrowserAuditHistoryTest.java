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
import org.openqa.selenium.JavascriptExecutor;
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
 * In real headless Chromium, a superuser opens a card's history filled through the whole pipeline (CLI change →
 * outbox → relay → RabbitMQ → packaged worker → trail), picks a moment with "view as of", and finds the card in the
 * audit search.
 */
@EndToEnd
class BrowserAuditHistoryTest {

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
        Files.createDirectories(Stack.LOGS);
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("sphere-e2e-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort()
                .withLogFile(Stack.LOGS.resolve("BrowserAuditHistoryTest-chromedriver.log").toFile()).build();
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
    void historyViewAsOfAndSearchInTheBrowser() throws IOException {
        stack.cli("demo", "--cards", "2");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        try {
            driver.get(stack.webUri("/login").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
            driver.findElement(By.cssSelector("#login-form [name=email]")).sendKeys(stack.adminEmail());
            driver.findElement(By.cssSelector("#login-form [name=password]")).sendKeys(stack.adminPassword());
            driver.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));

            driver.get(stack.webUri("/cards/REQ-1/history").toString());
            await("REQ-1's creation in its history").atMost(Duration.ofSeconds(60)).pollInSameThread()
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        if (!driver.findElements(By.cssSelector("li.history-entry[data-action=CARD_CREATED]"))
                                .isEmpty()) {
                            return true;
                        }
                        driver.navigate().refresh();
                        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("as-of-form")));
                        return false;
                    });
            WebElement created = driver.findElement(By.cssSelector("li.history-entry[data-action=CARD_CREATED]"));
            // The demo creates its cards as its operator, not as the superuser who ran it.
            assertThat(created.getText()).contains("(operator@example.com)", "created the card");
            String title = created.findElement(By.cssSelector("tr[data-field='card.title'] td.to")).getText();
            assertThat(title).isNotBlank();
            screenshot("audit-history");

            setMoment("2001-01-01T00:00");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("as-of-not-yet")));
            setMoment("2099-01-01T00:00");
            WebElement asOfTitle = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("asof-title")));
            assertThat(asOfTitle.getText()).contains(title);
            screenshot("audit-as-of");

            driver.get(stack.webUri("/admin/audit?card=REQ-1").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit")));
            driver.findElement(By.cssSelector("#audit td.card a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("history")));
            assertThat(path()).isEqualTo("/cards/REQ-1/history");
        } catch (RuntimeException | AssertionError e) {
            try {
                screenshot("audit-failure");
            } catch (RuntimeException | IOException screenshotFailed) {
                e.addSuppressed(screenshotFailed);
            }
            throw e;
        }
    }

    /** Fills the datetime-local field the way the date picker would, then submits the form. */
    private static void setMoment(String local) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById('as-of-at').value = arguments[0];",
                local);
        driver.findElement(By.cssSelector("#as-of-form button[type=submit]")).click();
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
