package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
 * An administrator in real headless Chromium builds a small card type in the editor: rows added by the editor's
 * own buttons (a full round trip each, nothing typed is lost), a refused save that names the unreachable stage
 * next to its row, then a save that shows the workflow diagram and the first version.
 */
@EndToEnd
class AdminEditorBrowserTest {

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
                throw new IllegalStateException(file + " is missing: run deploy/dev-services.sh --with-chromium");
            }
        }
        Files.createDirectories(Stack.LOGS);
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("sphere-e2e-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort()
                .withLogFile(Stack.LOGS.resolve("AdminEditorBrowserTest-chromedriver.log").toFile()).build();
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
    void buildsATypeInTheEditor() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        try {
            driver.get(stack.webUri("/login").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
            driver.findElement(By.cssSelector("#login-form [name=email]")).sendKeys(stack.adminEmail());
            driver.findElement(By.cssSelector("#login-form [name=password]")).sendKeys(stack.adminPassword());
            driver.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-admin"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("admin-card-types"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-type"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("type-form")));

            type("type-key", "HIRE");
            type("type-name", "Hiring");
            type("f0-key", "candidate");
            type("f0-label", "Candidate");
            driver.findElement(By.name("f0.required")).click();
            driver.findElement(By.id("add-stage")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("s2-key")));
            assertThat(value("type-name")).as("input kept across the round trip").isEqualTo("Hiring");
            assertThat(value("f0-label")).isEqualTo("Candidate");
            assertThat(driver.findElement(By.name("f0.required")).isSelected()).isTrue();
            type("s2-key", "review");
            type("s2-name", "Review");
            driver.findElement(By.id("add-transition")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("t1-key")));
            type("t1-key", "approve");
            type("t1-label", "Approve");
            type("t1-from", "review");
            type("t1-to", "done");

            driver.findElement(By.id("save-type")).click();
            WebElement refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stage-2-error")));
            assertThat(refused.getText()).contains("review");
            assertThat(value("t1-label")).isEqualTo("Approve");
            screenshot("admin-editor-refused");

            type("t0-to", "review");
            driver.findElement(By.id("save-type")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
            assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/admin/card-types/HIRE");
            WebElement diagram = driver.findElement(By.id("workflow-diagram"));
            assertThat(diagram.findElements(By.cssSelector("g.stage"))).hasSize(3);
            assertThat(driver.findElement(By.id("workflow-list")).getText()).contains("Review")
                    .contains("Approve → Done");
            assertThat(driver.findElements(By.id("version-1"))).hasSize(1);
            screenshot("admin-editor-saved");
        } catch (RuntimeException | AssertionError e) {
            try {
                screenshot("admin-editor-failure");
            } catch (RuntimeException | IOException screenshotFailed) {
                e.addSuppressed(screenshotFailed);
            }
            throw e;
        }
    }

    private static void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
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
