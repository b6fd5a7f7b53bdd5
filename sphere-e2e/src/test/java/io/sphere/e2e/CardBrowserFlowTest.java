package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An operator in real headless Chromium works on the sample process that {@code sphere-cli demo} loads: creates a
 * card from the "Request" type, moves it on and finds it in the list. A person without any permission sees no card
 * and gets "not found" for the card's address.
 */
@EndToEnd
class CardBrowserFlowTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Stack.ROOT.resolve("sphere-e2e/target/screenshots");
    private static final String OPERATOR = "operator@example.com";
    private static final String NOBODY = "nobody@example.com";
    private static final int DEMO_CARDS = 3;

    @RegisterExtension
    static final Stack stack = new Stack();

    private static ChromeDriverService service;
    private static WebDriver driver;
    private static Path profile;

    @BeforeAll
    static void demoAndChromium() throws IOException, InterruptedException {
        stack.loadDemo(DEMO_CARDS);
        createPersonWithoutPermissions();
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
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .withLogFile(Stack.LOGS.resolve("CardBrowserFlowTest-chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    /** Through the JSON API as the superuser, the way an administrator's script would add a person. */
    private static void createPersonWithoutPermissions() throws IOException, InterruptedException {
        WebSession admin = new WebSession(stack);
        HttpResponse<String> login = admin.logIn(stack.adminEmail(), stack.adminPassword());
        assertThat(login.statusCode()).as("superuser login").isEqualTo(303);
        String token = WebSession.csrfToken(admin.get("/").body());
        HttpResponse<String> created = admin.postJson("/api/v1/users", "{\"email\":\"" + NOBODY
                + "\",\"displayName\":\"Nobody\",\"password\":\"" + stack.adminPassword() + "\"}", token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
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
    void operatorCreatesAndMovesACardAndAPersonWithoutPermissionSeesNothing() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        try {
            logIn(wait, OPERATOR);
            driver.findElement(By.id("nav-cards")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-filter")));
            assertThat(path()).isEqualTo("/cards");
            assertThat(driver.findElement(By.id("card-total")).getText()).isEqualTo("Cards found: " + DEMO_CARDS);

            driver.findElement(By.id("new-card")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-REQ"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-form")));
            assertThat(new Select(driver.findElement(By.id("field-category"))).getFirstSelectedOption()
                    .getAttribute("value")).as("the type's default").isEqualTo("hardware");
            driver.findElement(By.id("field-title")).sendKeys("Printer on floor 3 is jammed");
            driver.findElement(By.id("field-description"))
                    .sendKeys("Paper jam <again>, see https://example.com/manual");
            new Select(driver.findElement(By.id("field-category"))).selectByValue("software");
            screenshot("card-new");
            driver.findElement(By.id("card-save")).click();

            WebElement title = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-title")));
            assertThat(title.getText()).isEqualTo("Printer on floor 3 is jammed");
            String key = driver.findElement(By.id("card-key")).getText();
            assertThat(key).isEqualTo("REQ-" + (DEMO_CARDS + 1));
            assertThat(path()).isEqualTo("/cards/" + key);
            assertThat(driver.findElement(By.id("card-stage")).getText()).isEqualTo("New");
            assertThat(driver.findElement(By.id("value-category")).getText()).isEqualTo("Software");
            assertThat(driver.findElement(By.id("value-description")).getText())
                    .isEqualTo("Paper jam <again>, see https://example.com/manual");
            assertThat(driver.findElements(By.id("fire-reject"))).as("only managers may reject").isEmpty();

            driver.findElement(By.id("fire-start")).click();
            wait.until(ExpectedConditions.textToBe(By.id("card-stage"), "In progress"));
            assertThat(driver.findElements(By.id("card-error"))).isEmpty();
            screenshot("card-started");

            driver.findElement(By.id("nav-cards")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tab-type-REQ"))).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("tab-type-REQ"), "aria-current", "page"));
            WebElement row = driver.findElement(By.id("card-" + key));
            assertThat(row.findElement(By.cssSelector("td.stage")).getText()).isEqualTo("In progress");
            assertThat(row.findElement(By.cssSelector("td.title")).getText())
                    .isEqualTo("Printer on floor 3 is jammed");
            assertThat(driver.findElement(By.id("card-total")).getText())
                    .isEqualTo("Cards found: " + (DEMO_CARDS + 1));
            screenshot("card-list");

            driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));

            logIn(wait, NOBODY);
            driver.findElement(By.id("nav-cards")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-filter")));
            assertThat(driver.findElement(By.id("card-total")).getText()).isEqualTo("Cards found: 0");
            assertThat(driver.findElements(By.id("cards-empty"))).hasSize(1);
            assertThat(driver.findElements(By.id("new-card"))).isEmpty();
            assertThat(driver.findElements(By.id("tab-type-REQ"))).isEmpty();
            assertThat(driver.getPageSource()).doesNotContain("REQ-");

            driver.get(stack.webUri("/cards/" + key).toString());
            WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-page")));
            assertThat(error.getText()).contains("Card not found.").doesNotContain("Printer");
            screenshot("card-not-found");
        } catch (RuntimeException | AssertionError e) {
            try {
                screenshot("card-failure");
            } catch (RuntimeException | IOException screenshotFailed) {
                e.addSuppressed(screenshotFailed);
            }
            throw e;
        }
    }

    private static void logIn(WebDriverWait wait, String email) {
        driver.get(stack.webUri("/login").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        driver.findElement(By.cssSelector("#login-form [name=email]")).sendKeys(email);
        driver.findElement(By.cssSelector("#login-form [name=password]")).sendKeys(stack.adminPassword());
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
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
