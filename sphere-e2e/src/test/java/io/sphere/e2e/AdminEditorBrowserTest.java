package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An administrator in real headless Chromium builds a small card type in the editor: rows added by the editor's
 * own buttons (a full round trip each, nothing typed is lost), a refused save that names the unreachable stage
 * next to its row, then a save that shows the workflow diagram and the first version.
 */
@EndToEnd
class AdminEditorBrowserTest {

    @RegisterExtension
    static final Stack stack = new Stack();

    @RegisterExtension
    static final Chromium chromium = new Chromium("AdminEditorBrowserTest");

    @Test
    void buildsATypeInTheEditor() throws IOException {
        WebDriverWait wait = chromium.waiting();
        try {
            chromium.logIn(stack.webUri("/login"), stack.adminEmail(), stack.adminPassword());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-admin"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("admin-card-types"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-type"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("type-form")));

            type("type-key", "HIRE");
            type("type-name", "Hiring");
            type("f0-key", "candidate");
            type("f0-label", "Candidate");
            chromium.driver().findElement(By.name("f0.required")).click();
            chromium.driver().findElement(By.id("add-stage")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("s2-key")));
            assertThat(value("type-name")).as("input kept across the round trip").isEqualTo("Hiring");
            assertThat(value("f0-label")).isEqualTo("Candidate");
            assertThat(chromium.driver().findElement(By.name("f0.required")).isSelected()).isTrue();
            type("s2-key", "review");
            type("s2-name", "Review");
            chromium.driver().findElement(By.id("add-transition")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("t1-key")));
            type("t1-key", "approve");
            type("t1-label", "Approve");
            type("t1-from", "review");
            type("t1-to", "done");

            chromium.driver().findElement(By.id("save-type")).click();
            WebElement refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stage-2-error")));
            assertThat(refused.getText()).contains("review");
            assertThat(value("t1-label")).isEqualTo("Approve");
            chromium.screenshot("admin-editor-refused");

            type("t0-to", "review");
            chromium.driver().findElement(By.id("save-type")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
            assertThat(URI.create(chromium.driver().getCurrentUrl()).getPath()).isEqualTo("/admin/card-types/HIRE");
            WebElement diagram = chromium.driver().findElement(By.id("workflow-diagram"));
            assertThat(diagram.findElements(By.cssSelector("g.stage"))).hasSize(3);
            assertThat(chromium.driver().findElement(By.id("workflow-list")).getText()).contains("Review")
                    .contains("Approve → Done");
            assertThat(chromium.driver().findElements(By.id("version-1"))).hasSize(1);
            chromium.screenshot("admin-editor-saved");
        } catch (RuntimeException | AssertionError e) {
            chromium.screenshotAfter(e, "admin-editor-failure");
            throw e;
        }
    }

    private static void type(String id, String text) {
        WebElement input = chromium.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static String value(String id) {
        return chromium.driver().findElement(By.id(id)).getAttribute("value");
    }
}
