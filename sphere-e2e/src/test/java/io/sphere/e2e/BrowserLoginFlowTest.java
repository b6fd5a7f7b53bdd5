package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in real headless Chromium opens Sphere, logs in, sees the welcome page, finds their own login in the
 * request log (web → RabbitMQ → worker → PostgreSQL → page) and logs out.
 */
@EndToEnd
class BrowserLoginFlowTest {

    @RegisterExtension
    static final Stack stack = new Stack();

    @RegisterExtension
    static final Chromium chromium = new Chromium("BrowserLoginFlowTest");

    @Test
    void logsInFindsTheLoginInTheRequestLogAndLogsOut() throws IOException {
        WebDriverWait wait = chromium.waiting();
        try {
            chromium.driver().get(stack.webUri("/").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
            assertThat(chromium.path()).as("an anonymous visit to / lands on").isEqualTo("/login");

            chromium.submitLogin(stack.adminEmail(), stack.adminPassword());
            WebElement welcome = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
            assertThat(welcome.getText()).contains(stack.adminDisplayName());
            assertThat(chromium.path()).isEqualTo("/");
            chromium.screenshot("welcome");

            chromium.driver().findElement(By.id("nav-request-log")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-log-filter")));
            assertThat(chromium.path()).isEqualTo("/request-log");
            // The entry travels through RabbitMQ and the worker, so it may need a few reloads to show up; until the
            // first entry arrives the page has its filter form but no table.
            await("POST /login in the request log").atMost(Duration.ofSeconds(60))
                    .pollInSameThread()
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        if (hasRequestLogEntry("POST", "/login")) {
                            return true;
                        }
                        chromium.driver().navigate().refresh();
                        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-log-filter")));
                        return false;
                    });
            chromium.screenshot("request-log");

            chromium.driver().findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
            assertThat(chromium.path()).as("after logout").isEqualTo("/login");

            chromium.driver().get(stack.webUri("/").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
            assertThat(chromium.path()).as("a visit to / after logout lands on").isEqualTo("/login");
        } catch (RuntimeException | AssertionError e) {
            chromium.screenshotAfter(e, "failure");
            throw e;
        }
    }

    private static boolean hasRequestLogEntry(String method, String path) {
        return chromium.driver().findElements(By.cssSelector("#request-log tr.request-log-entry")).stream()
                .anyMatch(row -> method.equals(row.findElement(By.cssSelector("td.method")).getText().trim())
                        && path.equals(row.findElement(By.cssSelector("td.path")).getText().trim()));
    }
}
