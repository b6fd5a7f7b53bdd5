package io.sphere.web.security;

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

/** One CSRF token per session: a form opened in one tab still works after pages were opened in another. */
@QuarkusTest
class SessionCsrfTokenTest {

    @Inject
    TestUsers users;

    @BeforeEach
    void people() {
        TestDatabase.clean();
        users.superuserAndOperator();
    }

    @Test
    void aFormOfAnEarlierTabIsAcceptedAfterOtherPagesWereOpened() {
        WebClient browser = new WebClient().loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD);
        browser.get("/");
        String firstTab = browser.csrfToken();
        String firstCookie = browser.cookie("sphere_csrf");
        browser.get("/cards");
        browser.get("/");
        assertThat(browser.csrfToken()).isEqualTo(firstTab);
        assertThat(browser.cookie("sphere_csrf")).isEqualTo(firstCookie);

        Response r = browser.postRaw("/language", Map.of("lang", "ru", "next", "/", "csrf-token", firstTab));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.csrfToken()).isEqualTo(firstTab);
    }

    @Test
    void eachSessionHasItsOwnTokenAndAWrongOneIsStillRefused() {
        WebClient admin = new WebClient().loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD);
        WebClient operator = new WebClient().loggedInAs(TestUsers.OPERATOR, TestUsers.PASSWORD);
        admin.get("/");
        operator.get("/");
        assertThat(admin.csrfToken()).isNotEqualTo(operator.csrfToken());

        Response foreign = admin.postRaw("/language",
                Map.of("lang", "ru", "next", "/", "csrf-token", operator.csrfToken()));
        assertThat(foreign.statusCode()).isEqualTo(400);
        Response none = admin.postRaw("/language", Map.of("lang", "ru", "next", "/"));
        assertThat(none.statusCode()).isEqualTo(400);
    }

    @Test
    void anotherSessionOfTheSamePersonGetsAnotherToken() {
        WebClient first = new WebClient().loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD);
        WebClient second = new WebClient().loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD);
        first.get("/");
        second.get("/");
        assertThat(first.csrfToken()).isNotEqualTo(second.csrfToken());
    }
}
