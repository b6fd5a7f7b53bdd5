package io.sphere.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium for the browser tests: Debian's chromium and chromedriver with a throw-away profile, the
 * driver's log under {@link Stack#LOGS}, screenshots under {@code sphere-e2e/target/screenshots}, and the steps every
 * browser test shares (logging in through the form, the page's path, a screenshot when a test fails). Register it
 * with {@code @RegisterExtension static final Chromium chromium = new Chromium("TestName")}: it starts before the
 * class's tests and stops after them.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Stack.ROOT.resolve("sphere-e2e/target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final String name;
    private final String[] extraArguments;
    private ChromeDriverService service;
    private WebDriver driver;
    private Path profile;

    /** {@code name} names the chromedriver log, {@code extraArguments} are added to the usual command line. */
    Chromium(String name, String... extraArguments) {
        this.name = name;
        this.extraArguments = extraArguments.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
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
                .withLogFile(Stack.LOGS.resolve(name + "-chromedriver.log").toFile())
                .build();
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900"));
        arguments.addAll(List.of(extraArguments));
        arguments.add("--user-data-dir=" + profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(arguments);
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** The usual 15-second wait. */
    WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /** Quits the browser, stops chromedriver and removes the profile, even when one of them fails. */
    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (profile != null) {
                deleteRecursively(profile);
            }
        }
    }

    /** Opens the login page at {@code login}, waits for its form and submits it; does not wait for what follows. */
    void logIn(URI login, String email, String password) {
        driver.get(login.toString());
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        submitLogin(email, password);
    }

    /** Fills the login form already on the page and submits it. */
    void submitLogin(String email, String password) {
        driver.findElement(By.cssSelector("#login-form [name=email]")).sendKeys(email);
        driver.findElement(By.cssSelector("#login-form [name=password]")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    /** The path of the current page's address. */
    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(shot.toPath());
    }

    /** Takes the screenshot of a failed test; a screenshot that fails itself is added to {@code failure}. */
    void screenshotAfter(Throwable failure, String name) {
        try {
            screenshot(name);
        } catch (RuntimeException | IOException screenshotFailed) {
            failure.addSuppressed(screenshotFailed);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
