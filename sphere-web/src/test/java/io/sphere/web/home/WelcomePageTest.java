package io.sphere.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.support.TestUsers;
import io.sphere.web.support.WebClient;

@QuarkusTest
class WelcomePageTest {

    @Inject
    TestUsers users;

    @BeforeEach
    void people() {
        TestDatabase.clean();
        users.superuserAndOperator();
    }

    @Test
    void superuserSeesTheirNameAndEverySection() {
        String page = new WebClient().loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD).get("/").asString();
        assertThat(page).contains("<h1 id=\"welcome\">Welcome, admin</h1>");
        assertThat(page).contains("id=\"nav-request-log\"").contains("id=\"section-request-log\"");
        assertThat(page).contains("name=\"csrf-token\"");
    }

    @Test
    void operatorDoesNotSeeOrOpenTheRequestLog() {
        WebClient browser = new WebClient().loggedInAs(TestUsers.OPERATOR, TestUsers.PASSWORD);
        String page = browser.get("/").asString();
        assertThat(page).contains("Welcome, Olga").doesNotContain("nav-request-log");
        Response denied = browser.get("/request-log");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.asString()).contains("You may not open this section");
    }

    @Test
    void anUnknownAddressIsAPlainNotFoundPageForSomeoneSignedIn() {
        // answered on the IO thread, where the top bar must not query the database
        for (String email : new String[]{TestUsers.ADMIN, TestUsers.OPERATOR}) {
            Response missing = new WebClient().loggedInAs(email, TestUsers.PASSWORD).get("/no/such/page");
            assertThat(missing.statusCode()).as(email).isEqualTo(404);
            assertThat(missing.asString()).as(email).contains("id=\"nav-cards\"").doesNotContain("Exception");
        }
    }

    @Test
    void welcomePageIsInRussianFromTheBrowserLanguage() {
        String page = new WebClient().language("ru").loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD).get("/")
                .asString();
        assertThat(page).contains("Добро пожаловать, admin").contains("Журнал запросов").contains("Выйти");
    }

    @Test
    void chosenLanguageIsKeptOnTheAccountAndWinsOverTheBrowser() {
        WebClient browser = new WebClient().language("en").loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD);
        browser.get("/");
        Response switched = browser.post("/language", Map.of("lang", "ru", "next", "/"));
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user WHERE email = ? AND locale = 'ru'",
                TestUsers.ADMIN)).isEqualTo(1);
        WebClient otherBrowser = new WebClient().language("en").loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(otherBrowser.get("/").asString()).contains("Добро пожаловать");
    }

    @Test
    void unknownPageGetsAFriendlyNotFoundInTheUsersLanguage() {
        Response r = new WebClient().language("ru").loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD)
                .get("/no/such/page");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.asString()).contains("Страница не найдена").doesNotContain("Exception");
    }
}
