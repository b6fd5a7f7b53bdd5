package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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

    private static final String OPERATOR = "operator@example.com";
    private static final String NOBODY = "nobody@example.com";
    private static final int DEMO_CARDS = 3;

    @RegisterExtension
    static final Stack stack = new Stack();

    @RegisterExtension
    static final Chromium chromium = new Chromium("CardBrowserFlowTest", "--lang=en-US");

    @BeforeAll
    static void demoAndAPersonWithoutPermissions() throws IOException, InterruptedException {
        stack.loadDemo(DEMO_CARDS);
        createPersonWithoutPermissions();
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

    @Test
    void operatorCreatesAndMovesACardAndAPersonWithoutPermissionSeesNothing() throws IOException {
        WebDriverWait wait = chromium.waiting();
        try {
            logIn(wait, OPERATOR);
            chromium.driver().findElement(By.id("nav-cards")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-filter")));
            assertThat(chromium.path()).isEqualTo("/cards");
            assertThat(chromium.driver().findElement(By.id("card-total")).getText())
                    .isEqualTo("Cards found: " + DEMO_CARDS);

            chromium.driver().findElement(By.id("new-card")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-REQ"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-form")));
            assertThat(new Select(chromium.driver().findElement(By.id("field-category"))).getFirstSelectedOption()
                    .getAttribute("value")).as("the type's default").isEqualTo("hardware");
            chromium.driver().findElement(By.id("field-title")).sendKeys("Printer on floor 3 is jammed");
            chromium.driver().findElement(By.id("field-description"))
                    .sendKeys("Paper jam <again>, see https://example.com/manual");
            new Select(chromium.driver().findElement(By.id("field-category"))).selectByValue("software");
            chromium.screenshot("card-new");
            chromium.driver().findElement(By.id("card-save")).click();

            WebElement title = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-title")));
            assertThat(title.getText()).isEqualTo("Printer on floor 3 is jammed");
            String key = chromium.driver().findElement(By.id("card-key")).getText();
            assertThat(key).isEqualTo("REQ-" + (DEMO_CARDS + 1));
            assertThat(chromium.path()).isEqualTo("/cards/" + key);
            assertThat(chromium.driver().findElement(By.id("card-stage")).getText()).isEqualTo("New");
            assertThat(chromium.driver().findElement(By.id("value-category")).getText()).isEqualTo("Software");
            assertThat(chromium.driver().findElement(By.id("value-description")).getText())
                    .isEqualTo("Paper jam <again>, see https://example.com/manual");
            assertThat(chromium.driver().findElements(By.id("fire-reject"))).as("only managers may reject").isEmpty();

            chromium.driver().findElement(By.id("fire-start")).click();
            wait.until(ExpectedConditions.textToBe(By.id("card-stage"), "In progress"));
            assertThat(chromium.driver().findElements(By.id("card-error"))).isEmpty();
            chromium.screenshot("card-started");

            chromium.driver().findElement(By.id("nav-cards")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tab-type-REQ"))).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("tab-type-REQ"), "aria-current", "page"));
            WebElement row = chromium.driver().findElement(By.id("card-" + key));
            assertThat(row.findElement(By.cssSelector("td.stage")).getText()).isEqualTo("In progress");
            assertThat(row.findElement(By.cssSelector("td.title")).getText())
                    .isEqualTo("Printer on floor 3 is jammed");
            assertThat(chromium.driver().findElement(By.id("card-total")).getText())
                    .isEqualTo("Cards found: " + (DEMO_CARDS + 1));
            chromium.screenshot("card-list");

            chromium.driver().findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));

            logIn(wait, NOBODY);
            chromium.driver().findElement(By.id("nav-cards")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-filter")));
            assertThat(chromium.driver().findElement(By.id("card-total")).getText()).isEqualTo("Cards found: 0");
            assertThat(chromium.driver().findElements(By.id("cards-empty"))).hasSize(1);
            assertThat(chromium.driver().findElements(By.id("new-card"))).isEmpty();
            assertThat(chromium.driver().findElements(By.id("tab-type-REQ"))).isEmpty();
            assertThat(chromium.driver().getPageSource()).doesNotContain("REQ-");

            chromium.driver().get(stack.webUri("/cards/" + key).toString());
            WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-page")));
            assertThat(error.getText()).contains("Card not found.").doesNotContain("Printer");
            chromium.screenshot("card-not-found");
        } catch (RuntimeException | AssertionError e) {
            chromium.screenshotAfter(e, "card-failure");
            throw e;
        }
    }

    private static void logIn(WebDriverWait wait, String email) {
        chromium.logIn(stack.webUri("/login"), email, stack.adminPassword());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }
}
