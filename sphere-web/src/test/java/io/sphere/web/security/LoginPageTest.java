package io.sphere.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.support.TestClock;
import io.sphere.web.support.TestUsers;
import io.sphere.web.support.WebClient;

@QuarkusTest
class LoginPageTest {

    @Inject
    TestUsers users;

    @Inject
    TestClock clock;

    @BeforeEach
    void people() {
        TestDatabase.clean();
        users.superuserAndOperator();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anonymousPageRequestRedirectsToLoginAndBackAfterIt() {
        WebClient browser = new WebClient();
        Response r = browser.get("/request-log?status=5");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/login?next=%2Frequest-log%3Fstatus%3D5");

        browser.get("/login?next=%2Frequest-log%3Fstatus%3D5");
        Response login = browser.post("/login",
                Map.of("email", TestUsers.ADMIN, "password", TestUsers.PASSWORD, "next", "/request-log?status=5"));
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.header("Location")).endsWith("/request-log?status=5");
        assertThat(browser.get("/request-log?status=5").statusCode()).isEqualTo(200);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() {
        WebClient browser = new WebClient();
        Response login = browser.login(TestUsers.ADMIN, TestUsers.PASSWORD);
        Cookie cookie = login.getDetailedCookie("sphere_session");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(TestDatabase.count("SELECT count(*) FROM user_session")).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user WHERE last_login_at IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameMessage() {
        WebClient browser = new WebClient();
        String wrongPassword = browser.login(TestUsers.ADMIN, "not-the-password-at-all").asString();
        String unknownEmail = browser.login("nobody@example.com", "not-the-password-at-all").asString();
        String message = "Wrong e-mail or password, or the account is locked for a while.";
        assertThat(wrongPassword).contains(message).contains("value=\"admin@example.com\"");
        assertThat(unknownEmail).contains(message);
        assertThat(browser.cookie("sphere_session")).isNull();
        assertThat(browser.get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void loginWithoutCsrfTokenIsRejected() {
        WebClient browser = new WebClient();
        browser.get("/login");
        Response r = browser.postRaw("/login", Map.of("email", TestUsers.ADMIN, "password", TestUsers.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(browser.cookie("sphere_session")).isNull();
        assertThat(TestDatabase.count("SELECT count(*) FROM user_session")).isZero();
    }

    @Test
    void mangledCsrfTokenIsAnExpiredFormNotAnError() {
        WebClient browser = new WebClient();
        browser.get("/login");
        Response r = browser.postRaw("/login", Map.of("email", TestUsers.ADMIN, "password", TestUsers.PASSWORD,
                "csrf-token", "not\nbase64!"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("The form has expired").doesNotContain("Exception");
    }

    @Test
    void logoutWithoutCsrfTokenIsRejectedAndKeepsTheSession() {
        WebClient browser = new WebClient().loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(browser.postRaw("/logout", Map.of()).statusCode()).isEqualTo(400);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void replayedCookieIsRejectedAfterLogout() {
        WebClient browser = new WebClient().loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD);
        String stolen = browser.cookie("sphere_session");
        browser.get("/");
        Response out = browser.post("/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/login?out=true");
        assertThat(TestDatabase.count("SELECT count(*) FROM user_session")).isZero();

        Response replay = given().redirects().follow(false).cookie("sphere_session", stolen).get("/");
        assertThat(replay.statusCode()).isEqualTo(303);
        assertThat(replay.header("Location")).contains("/login");
    }

    @Test
    void sessionEndsAfterIdleTimeout() {
        WebClient browser = new WebClient().loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD);
        clock.advance(Duration.ofMinutes(29));
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        assertThat(browser.get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void sessionEndsAfterAbsoluteLifetimeEvenWhenActive() {
        WebClient browser = new WebClient().loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD);
        for (int hour = 0; hour < 11 * 3; hour++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(browser.get("/").statusCode()).as("after %d minutes", (hour + 1) * 20).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(61));
        assertThat(browser.get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void accountLocksAfterTenWrongPasswordsEvenForTheRightOne() {
        WebClient browser = new WebClient();
        for (int i = 0; i < 10; i++) {
            browser.login(TestUsers.OPERATOR, "wrong-password-number-" + i);
        }
        Response right = browser.login(TestUsers.OPERATOR, TestUsers.PASSWORD);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.asString()).contains("Wrong e-mail or password");

        clock.advance(Duration.ofMinutes(16));
        assertThat(browser.login(TestUsers.OPERATOR, TestUsers.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void loginRefusesToRedirectToAnotherSite() {
        WebClient browser = new WebClient();
        browser.get("/login");
        Response r = browser.post("/login", Map.of("email", TestUsers.ADMIN, "password", TestUsers.PASSWORD, "next",
                "//evil.example.com/steal"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).doesNotContain("evil").endsWith("/");
    }

    @Test
    void loginPageIsInRussianForARussianBrowser() {
        String page = new WebClient().language("ru-RU,ru;q=0.9,en;q=0.5").get("/login").asString();
        assertThat(page).contains("Вход в Sphere").contains("Пароль").contains("lang=\"ru\"");
    }
}
