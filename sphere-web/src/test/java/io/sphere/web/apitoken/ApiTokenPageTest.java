package io.sphere.web.apitoken;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.support.TestUsers;
import io.sphere.web.support.WebClient;

@QuarkusTest
class ApiTokenPageTest {

    private static final Pattern TOKEN = Pattern.compile("<code id=\"new-token\">(sph_[A-Za-z0-9_-]+)</code>");
    private static final Pattern REVOKE = Pattern.compile("action=\"/profile/tokens/(\\d+)/revoke\"");

    @Inject
    TestUsers users;

    @BeforeEach
    void people() {
        TestDatabase.clean();
        users.superuserAndOperator();
    }

    @Test
    void tokenIsShownOnceWorksOnTheApiAndCanBeRevoked() {
        WebClient browser = new WebClient().loggedInAs(TestUsers.OPERATOR, TestUsers.PASSWORD);
        assertThat(browser.get("/profile/tokens").asString()).contains("id=\"tokens-empty\"");
        Response created = browser.post("/profile/tokens", Map.of("name", "<script>alert(1)</script>"));
        assertThat(created.statusCode()).isEqualTo(200);
        String page = created.asString();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        assertThat(given().auth().oauth2(token).get("/api/v1/tokens").statusCode()).isEqualTo(200);
        String again = browser.get("/profile/tokens").asString();
        assertThat(again).doesNotContain(token);

        Matcher revoke = REVOKE.matcher(again);
        assertThat(revoke.find()).isTrue();
        Response revoked = browser.post("/profile/tokens/" + revoke.group(1) + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(given().auth().oauth2(token).get("/api/v1/tokens").statusCode()).isEqualTo(401);
        assertThat(browser.get("/profile/tokens").asString()).contains("revoked");
    }

    @Test
    void formsNeedTheCsrfTokenAndThePageSpeaksRussian() {
        WebClient browser = new WebClient().language("ru").loggedInAs(TestUsers.OPERATOR, TestUsers.PASSWORD);
        String page = browser.get("/profile/tokens").asString();
        assertThat(page).contains("API-токены").contains("Создать токен");
        Response forged = browser.postRaw("/profile/tokens", Map.of("name", "evil"));
        assertThat(forged.statusCode()).isEqualTo(400);
        Response blank = browser.post("/profile/tokens", Map.of("name", " "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(TestDatabase.count("SELECT count(*) FROM api_token")).isZero();
    }
}
