package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

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
 * A person in real headless Chromium attaches an image to a card with the upload form (the page's script sends it
 * with a progress bar), sees the placeholder turn into the thumbnail that sphere-worker made (web → RabbitMQ →
 * worker → media folder → page), and opens the original in the viewer.
 */
@EndToEnd
class AttachmentBrowserFlowTest {

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
                .withLogFile(Stack.LOGS.resolve("AttachmentBrowserFlowTest-chromedriver.log").toFile())
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
    void attachesAnImageAndSeesItsThumbnailAppear() throws Exception {
        stack.cli("demo", "--cards", "1");
        String card = firstCardKey();
        Path image = Files.createTempFile("sphere-e2e-photo-", ".png");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        try {
            ImageIO.write(picture(1200, 800), "png", image.toFile());
            driver.get(stack.webUri("/login").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
            driver.findElement(By.cssSelector("#login-form [name=email]")).sendKeys(stack.adminEmail());
            driver.findElement(By.cssSelector("#login-form [name=password]")).sendKeys(stack.adminPassword());
            driver.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));

            driver.get(stack.webUri("/cards/" + card + "/attachments").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
            assertThat(driver.findElement(By.id("dropzone")).isDisplayed()).as("drop zone shown by the script")
                    .isTrue();
            driver.findElement(By.id("upload-files")).sendKeys(image.toString());
            driver.findElement(By.id("upload-submit")).click();

            // the script uploads with a progress bar, then shows the list again with the file in it
            wait.until(ExpectedConditions.urlContains("added=1"));
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "#attachments tbody tr")));
            assertThat(row.getText()).contains(image.getFileName().toString(), "image/png");
            assertThat(driver.findElement(By.id("attachments-notice")).getText()).isEqualTo("The file was attached.");
            screenshot("attachment-uploaded");

            // the worker makes the thumbnail; the page swaps its placeholder for it without a reload
            String id = row.getAttribute("data-id");
            WebElement thumbnail = new WebDriverWait(driver, Duration.ofSeconds(60)).until(
                    ExpectedConditions.presenceOfElementLocated(By.id("thumbnail-" + id)));
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> ((Number) ((JavascriptExecutor) d)
                    .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0;", thumbnail))
                    .intValue() > 0);
            Number width = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return arguments[0].naturalWidth;", thumbnail);
            assertThat(width.intValue()).as("thumbnail width").isEqualTo(320);
            screenshot("attachment-thumbnail");

            // the original opens in the viewer
            thumbnail.click();
            WebElement full = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("viewer-image")));
            wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0;", full)).intValue() > 0);
            assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalWidth;",
                    full)).intValue()).isEqualTo(1200);

            // and the person removes it again with the row's button (a CSRF-protected form on a page whose images
            // have loaded)
            driver.get(stack.webUri("/cards/" + card + "/attachments").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thumbnail-" + id)));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("remove-" + id))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attachments-empty")));
        } catch (RuntimeException | AssertionError e) {
            try {
                screenshot("attachment-failure");
            } catch (RuntimeException | IOException screenshotFailed) {
                e.addSuppressed(screenshotFailed);
            }
            throw e;
        } finally {
            Files.deleteIfExists(image);
        }
    }

    private static String firstCardKey() throws SQLException {
        try (Connection c = TestDatabase.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT key FROM card WHERE deleted_at IS NULL ORDER BY id LIMIT 1")) {
            assertThat(rs.next()).as("a card made by sphere-cli demo").isTrue();
            return rs.getString(1);
        }
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2a6f97));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xf4a259));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
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
