package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tasks in real headless Chromium against the packaged web and worker: a task offered to the person's group is
 * claimed from the inbox, completed with the keyboard, a reminder is set on it with a preset, and when its moment
 * has come the worker's reminder job turns it into a notification that the bell counts.
 */
@EndToEnd
class TaskBrowserFlowTest {

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
                .withLogFile(Stack.LOGS.resolve("TaskBrowserFlowTest-chromedriver.log").toFile())
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
    void claimsCompletesWithTheKeyboardSetsAReminderAndSeesTheBell() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        try {
            joinGroup("Operators");
            driver.get(stack.webUri("/login").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
            driver.findElement(By.cssSelector("#login-form [name=email]")).sendKeys(stack.adminEmail());
            driver.findElement(By.cssSelector("#login-form [name=password]")).sendKeys(stack.adminPassword());
            driver.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));

            driver.findElement(By.id("nav-tasks")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tab-mine")));
            assertThat(path()).isEqualTo("/tasks");
            assertThat(driver.findElement(By.id("bell-count")).getText()).isEqualTo("0");

            driver.findElement(By.id("new-task")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-form")));
            driver.findElement(By.id("task-title-input")).sendKeys("Call the printer vendor");
            new Select(driver.findElement(By.id("task-group-input"))).selectByVisibleText("Operators");
            driver.findElement(By.id("create-task")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-title")));
            String taskPath = path();
            assertThat(taskPath).matches("/tasks/\\d+");
            String id = taskPath.substring("/tasks/".length());

            driver.get(stack.webUri("/tasks").toString());
            WebElement groupsTab = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tab-groups")));
            assertThat(groupsTab.getText()).endsWith("1");
            groupsTab.click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("claim-" + id))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-empty")));
            assertThat(driver.findElement(By.id("tab-mine")).getText()).endsWith("1");
            screenshot("tasks-claimed");

            driver.findElement(By.id("tab-mine")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("complete-" + id)));
            // the keyboard alone: j selects the first task, x completes it
            new Actions(driver).sendKeys("j").perform();
            wait.until(ExpectedConditions.attributeContains(By.id("task-" + id), "class", "selected"));
            new Actions(driver).sendKeys("x").perform();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-empty")));
            assertThat(driver.findElement(By.id("tab-completed")).getText()).endsWith("1");
            screenshot("tasks-completed");

            driver.get(stack.webUri(taskPath).toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reminder-form")));
            assertThat(driver.findElement(By.id("task-status")).getText()).contains("Done");
            driver.findElement(By.id("preset-tomorrow-9")).click();
            driver.findElement(By.id("reminder-note")).sendKeys("ask about the toner");
            driver.findElement(By.id("set-reminder")).click();
            wait.until(ExpectedConditions.urlToBe(stack.webUri(taskPath).toString()));

            driver.get(stack.webUri("/reminders").toString());
            WebElement reminders = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reminders")));
            assertThat(reminders.getText()).contains("Call the printer vendor").contains("ask about the toner")
                    .contains("09:00");
            assertThat(driver.findElement(By.id("bell-count")).getText()).isEqualTo("0");
            screenshot("reminders");

            // tomorrow 9:00 has come: the worker's reminder job (every 30 s) turns it into a notification
            comeDue();
            await("the bell counts the reminder").atMost(Duration.ofSeconds(90)).pollInSameThread()
                    .pollInterval(Duration.ofSeconds(2)).until(() -> {
                        driver.navigate().refresh();
                        return "1".equals(wait.until(ExpectedConditions.presenceOfElementLocated(
                                By.id("bell-count"))).getText());
                    });
            screenshot("bell");
            driver.findElement(By.id("nav-bell")).click();
            WebElement list = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notifications")));
            assertThat(list.getText()).contains("Your reminder").contains("Call the printer vendor")
                    .contains("ask about the toner");
            list.findElement(By.cssSelector("button[id^=open-]")).click();
            wait.until(ExpectedConditions.urlToBe(stack.webUri(taskPath).toString()));
            assertThat(driver.findElement(By.id("bell-count")).getText()).isEqualTo("0");
        } catch (RuntimeException | AssertionError e) {
            try {
                screenshot("tasks-failure");
            } catch (RuntimeException | IOException screenshotFailed) {
                e.addSuppressed(screenshotFailed);
            }
            throw e;
        }
    }

    /** The superuser made by the CLI joins a group, so that the task offered to it is theirs to claim. */
    private static void joinGroup(String name) throws SQLException {
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO user_group (name) VALUES ('" + name + "')");
            st.execute("INSERT INTO group_member (group_id, user_id) SELECT g.id, u.id FROM user_group g, app_user u");
        }
    }

    private static void comeDue() throws SQLException {
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE reminder SET remind_at = now() - interval '1 second' "
                    + "WHERE status = 'PENDING'")).isEqualTo(1);
        }
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
