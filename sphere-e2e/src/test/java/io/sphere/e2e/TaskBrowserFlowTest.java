package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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

    @RegisterExtension
    static final Stack stack = new Stack();

    @RegisterExtension
    static final Chromium chromium = new Chromium("TaskBrowserFlowTest");

    @Test
    void claimsCompletesWithTheKeyboardSetsAReminderAndSeesTheBell() throws Exception {
        WebDriverWait wait = chromium.waiting();
        try {
            joinGroup("Operators");
            chromium.logIn(stack.webUri("/login"), stack.adminEmail(), stack.adminPassword());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));

            chromium.driver().findElement(By.id("nav-tasks")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tab-mine")));
            assertThat(chromium.path()).isEqualTo("/tasks");
            assertThat(chromium.driver().findElement(By.id("bell-count")).getText()).isEqualTo("0");

            chromium.driver().findElement(By.id("new-task")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-form")));
            chromium.driver().findElement(By.id("task-title-input")).sendKeys("Call the printer vendor");
            new Select(chromium.driver().findElement(By.id("task-group-input"))).selectByVisibleText("Operators");
            chromium.driver().findElement(By.id("create-task")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-title")));
            String taskPath = chromium.path();
            assertThat(taskPath).matches("/tasks/\\d+");
            String id = taskPath.substring("/tasks/".length());

            chromium.driver().get(stack.webUri("/tasks").toString());
            WebElement groupsTab = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tab-groups")));
            assertThat(groupsTab.getText()).endsWith("1");
            groupsTab.click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("claim-" + id))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-empty")));
            assertThat(chromium.driver().findElement(By.id("tab-mine")).getText()).endsWith("1");
            chromium.screenshot("tasks-claimed");

            chromium.driver().findElement(By.id("tab-mine")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("complete-" + id)));
            // the keyboard alone: j selects the first task, x completes it
            new Actions(chromium.driver()).sendKeys("j").perform();
            wait.until(ExpectedConditions.attributeContains(By.id("task-" + id), "class", "selected"));
            new Actions(chromium.driver()).sendKeys("x").perform();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-empty")));
            assertThat(chromium.driver().findElement(By.id("tab-completed")).getText()).endsWith("1");
            chromium.screenshot("tasks-completed");

            chromium.driver().get(stack.webUri(taskPath).toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reminder-form")));
            assertThat(chromium.driver().findElement(By.id("task-status")).getText()).contains("Done");
            chromium.driver().findElement(By.id("preset-tomorrow-9")).click();
            chromium.driver().findElement(By.id("reminder-note")).sendKeys("ask about the toner");
            chromium.driver().findElement(By.id("set-reminder")).click();
            wait.until(ExpectedConditions.urlToBe(stack.webUri(taskPath).toString()));

            chromium.driver().get(stack.webUri("/reminders").toString());
            WebElement reminders = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reminders")));
            assertThat(reminders.getText()).contains("Call the printer vendor").contains("ask about the toner")
                    .contains("09:00");
            assertThat(chromium.driver().findElement(By.id("bell-count")).getText()).isEqualTo("0");
            chromium.screenshot("reminders");

            // tomorrow 9:00 has come: the worker's reminder job (every 30 s) turns it into a notification
            comeDue();
            await("the bell counts the reminder").atMost(Duration.ofSeconds(90)).pollInSameThread()
                    .pollInterval(Duration.ofSeconds(2)).until(() -> {
                        chromium.driver().navigate().refresh();
                        return "1".equals(wait.until(ExpectedConditions.presenceOfElementLocated(
                                By.id("bell-count"))).getText());
                    });
            chromium.screenshot("bell");
            chromium.driver().findElement(By.id("nav-bell")).click();
            WebElement list = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notifications")));
            assertThat(list.getText()).contains("Your reminder").contains("Call the printer vendor")
                    .contains("ask about the toner");
            list.findElement(By.cssSelector("button[id^=open-]")).click();
            wait.until(ExpectedConditions.urlToBe(stack.webUri(taskPath).toString()));
            assertThat(chromium.driver().findElement(By.id("bell-count")).getText()).isEqualTo("0");
        } catch (RuntimeException | AssertionError e) {
            chromium.screenshotAfter(e, "tasks-failure");
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
}
