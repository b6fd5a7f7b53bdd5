package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In real headless Chromium, a superuser opens a card's history filled through the whole pipeline (CLI change →
 * outbox → relay → RabbitMQ → packaged worker → trail), picks a moment with "view as of", and finds the card in the
 * audit search.
 */
@EndToEnd
class BrowserAuditHistoryTest {

    @RegisterExtension
    static final Stack stack = new Stack();

    @RegisterExtension
    static final Chromium chromium = new Chromium("BrowserAuditHistoryTest");

    @Test
    void historyViewAsOfAndSearchInTheBrowser() throws IOException {
        stack.cli("demo", "--cards", "2");
        WebDriverWait wait = chromium.waiting();
        try {
            chromium.logIn(stack.webUri("/login"), stack.adminEmail(), stack.adminPassword());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));

            chromium.driver().get(stack.webUri("/cards/REQ-1/history").toString());
            await("REQ-1's creation in its history").atMost(Duration.ofSeconds(60)).pollInSameThread()
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        if (!chromium.driver()
                                .findElements(By.cssSelector("li.history-entry[data-action=CARD_CREATED]"))
                                .isEmpty()) {
                            return true;
                        }
                        chromium.driver().navigate().refresh();
                        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("as-of-form")));
                        return false;
                    });
            WebElement created = chromium.driver()
                    .findElement(By.cssSelector("li.history-entry[data-action=CARD_CREATED]"));
            // The demo creates its cards as its operator, not as the superuser who ran it.
            assertThat(created.getText()).contains("(operator@example.com)", "created the card");
            String title = created.findElement(By.cssSelector("tr[data-field='card.title'] td.to")).getText();
            assertThat(title).isNotBlank();
            chromium.screenshot("audit-history");

            setMoment("2001-01-01T00:00");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("as-of-not-yet")));
            setMoment("2099-01-01T00:00");
            WebElement asOfTitle = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("asof-title")));
            assertThat(asOfTitle.getText()).contains(title);
            chromium.screenshot("audit-as-of");

            chromium.driver().get(stack.webUri("/admin/audit?card=REQ-1").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit")));
            chromium.driver().findElement(By.cssSelector("#audit td.card a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("history")));
            assertThat(chromium.path()).isEqualTo("/cards/REQ-1/history");
        } catch (RuntimeException | AssertionError e) {
            chromium.screenshotAfter(e, "audit-failure");
            throw e;
        }
    }

    /** Fills the datetime-local field the way the date picker would, then submits the form. */
    private static void setMoment(String local) {
        ((JavascriptExecutor) chromium.driver()).executeScript(
                "document.getElementById('as-of-at').value = arguments[0];",
                local);
        chromium.driver().findElement(By.cssSelector("#as-of-form button[type=submit]")).click();
    }
}
