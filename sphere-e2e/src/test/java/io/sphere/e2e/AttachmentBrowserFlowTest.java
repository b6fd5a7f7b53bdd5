package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in real headless Chromium attaches an image to a card with the upload form (the page's script sends it
 * with a progress bar), sees the placeholder turn into the thumbnail that sphere-worker made (web → RabbitMQ →
 * worker → media folder → page), and opens the original in the viewer.
 */
@EndToEnd
class AttachmentBrowserFlowTest {

    @RegisterExtension
    static final Stack stack = new Stack();

    @RegisterExtension
    static final Chromium chromium = new Chromium("AttachmentBrowserFlowTest");

    @Test
    void attachesAnImageAndSeesItsThumbnailAppear() throws Exception {
        stack.cli("demo", "--cards", "1");
        String card = firstCardKey();
        Path image = Files.createTempFile("sphere-e2e-photo-", ".png");
        WebDriverWait wait = chromium.waiting();
        try {
            ImageIO.write(picture(1200, 800), "png", image.toFile());
            chromium.logIn(stack.webUri("/login"), stack.adminEmail(), stack.adminPassword());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));

            chromium.driver().get(stack.webUri("/cards/" + card + "/attachments").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
            assertThat(chromium.driver().findElement(By.id("dropzone")).isDisplayed())
                    .as("drop zone shown by the script")
                    .isTrue();
            chromium.driver().findElement(By.id("upload-files")).sendKeys(image.toString());
            chromium.driver().findElement(By.id("upload-submit")).click();

            // the script uploads with a progress bar, then shows the list again with the file in it
            wait.until(ExpectedConditions.urlContains("added=1"));
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "#attachments tbody tr")));
            assertThat(row.getText()).contains(image.getFileName().toString(), "image/png");
            assertThat(chromium.driver().findElement(By.id("attachments-notice")).getText())
                    .isEqualTo("The file was attached.");
            chromium.screenshot("attachment-uploaded");

            // the worker makes the thumbnail; the page swaps its placeholder for it without a reload
            String id = row.getAttribute("data-id");
            WebElement thumbnail = new WebDriverWait(chromium.driver(), Duration.ofSeconds(60)).until(
                    ExpectedConditions.presenceOfElementLocated(By.id("thumbnail-" + id)));
            chromium.waiting().until(d -> ((Number) ((JavascriptExecutor) d)
                    .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0;", thumbnail))
                    .intValue() > 0);
            Number width = (Number) ((JavascriptExecutor) chromium.driver()).executeScript(
                    "return arguments[0].naturalWidth;", thumbnail);
            assertThat(width.intValue()).as("thumbnail width").isEqualTo(320);
            chromium.screenshot("attachment-thumbnail");

            // the original opens in the viewer
            thumbnail.click();
            WebElement full = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("viewer-image")));
            wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0;", full)).intValue() > 0);
            assertThat(((Number) ((JavascriptExecutor) chromium.driver()).executeScript(
                    "return arguments[0].naturalWidth;",
                    full)).intValue()).isEqualTo(1200);

            // and the person removes it again with the row's button (a CSRF-protected form on a page whose images
            // have loaded)
            chromium.driver().get(stack.webUri("/cards/" + card + "/attachments").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thumbnail-" + id)));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("remove-" + id))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attachments-empty")));
        } catch (RuntimeException | AssertionError e) {
            chromium.screenshotAfter(e, "attachment-failure");
            throw e;
        } finally {
            Files.deleteIfExists(image);
        }
    }

    /**
     * The same on a task of that card: the person creates the task with the form, drops nothing but picks the image
     * on the task page, and sees the worker's thumbnail replace the placeholder there.
     */
    @Test
    void attachesAnImageToATaskAndSeesItsThumbnailAppear() throws Exception {
        if (count("SELECT count(*) FROM card") == 0) {
            stack.cli("demo", "--cards", "1");
        }
        String card = firstCardKey();
        Path image = Files.createTempFile("sphere-e2e-task-photo-", ".png");
        WebDriverWait wait = chromium.waiting();
        try {
            ImageIO.write(picture(900, 600), "png", image.toFile());
            // the browser is shared by the class: still signed in when the card's test ran first
            chromium.driver().get(stack.webUri("/").toString());
            if (chromium.driver().findElements(By.id("welcome")).isEmpty()) {
                chromium.logIn(stack.webUri("/login"), stack.adminEmail(), stack.adminPassword());
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
            }

            chromium.driver().get(stack.webUri("/tasks/new?card=" + card).toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-title-input")))
                    .sendKeys("Photograph the printer");
            chromium.driver().findElement(By.id("create-task")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-title")));
            String taskPath = new java.net.URI(chromium.driver().getCurrentUrl()).getPath();
            assertThat(taskPath).matches("/tasks/\\d+");

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
            assertThat(chromium.driver().findElement(By.id("dropzone")).isDisplayed()).isTrue();
            chromium.driver().findElement(By.id("upload-files")).sendKeys(image.toString());
            chromium.driver().findElement(By.id("upload-submit")).click();

            wait.until(ExpectedConditions.urlContains("added=1"));
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "#attachments tbody tr")));
            assertThat(row.getText()).contains(image.getFileName().toString(), "image/png");
            assertThat(count("SELECT count(*) FROM attachment WHERE task_id = "
                    + taskPath.substring("/tasks/".length()))).isEqualTo(1);

            String id = row.getAttribute("data-id");
            WebElement thumbnail = new WebDriverWait(chromium.driver(), Duration.ofSeconds(60)).until(
                    ExpectedConditions.presenceOfElementLocated(By.id("thumbnail-" + id)));
            chromium.waiting().until(d -> ((Number) ((JavascriptExecutor) d)
                    .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0;", thumbnail))
                    .intValue() > 0);
            assertThat(((Number) ((JavascriptExecutor) chromium.driver()).executeScript(
                    "return arguments[0].naturalWidth;", thumbnail)).intValue()).as("thumbnail width")
                    .isEqualTo(320);
            chromium.screenshot("task-attachment-thumbnail");

            chromium.driver().get(stack.webUri(taskPath).toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("remove-" + id))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attachments-empty")));
        } catch (RuntimeException | AssertionError e) {
            chromium.screenshotAfter(e, "task-attachment-failure");
            throw e;
        } finally {
            Files.deleteIfExists(image);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = TestDatabase.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
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
}
