package io.sphere.web.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.support.WebClient;

@QuarkusTest
class TokenApiTest {

    @Inject
    ApiWorld world;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
    }

    @Test
    void tokenMadeInTheBrowserWorksUntilRevokedThen401() {
        WebClient browser = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        browser.get("/");
        Response created = browser.request().contentType("application/json").header("X-CSRF-TOKEN",
                browser.csrfToken()).body("{\"name\":\"laptop script\"}").post("/api/v1/tokens");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String token = created.path("token");
        int id = created.path("id");
        assertThat(token).startsWith("sph_");

        Response listed = given().auth().oauth2(token).get("/api/v1/tokens");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.<String>path("[0].name")).isEqualTo("laptop script");
        assertThat(listed.asString()).doesNotContain(token);
        assertThat(given().auth().oauth2(token).get("/api/v1/cards").statusCode()).isEqualTo(200);

        Response revoked = given().auth().oauth2(token).delete("/api/v1/tokens/" + id);
        assertThat(revoked.statusCode()).as(revoked.asString()).isEqualTo(200);
        assertThat(revoked.<Boolean>path("active")).isFalse();

        Response refused = given().auth().oauth2(token).header("Accept-Language", "ru").get("/api/v1/cards");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<Integer>path("status")).isEqualTo(401);
        assertThat(refused.<String>path("detail")).contains("API-токен");
    }

    @Test
    void cookieCallsThatChangeSomethingNeedTheCsrfHeader() {
        WebClient browser = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        browser.get("/");
        assertThat(browser.request().get("/api/v1/tokens").statusCode()).isEqualTo(200);
        Response forged = browser.request().contentType("application/json").body("{\"name\":\"evil\"}")
                .post("/api/v1/tokens");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(forged.<String>path("detail")).contains("X-CSRF-TOKEN");
        Response wrong = browser.request().contentType("application/json").header("X-CSRF-TOKEN", "bm90LWl0")
                .body("{\"name\":\"evil\"}").post("/api/v1/tokens");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(TestDatabase.count("SELECT count(*) FROM api_token")).isZero();
    }

    @Test
    void anonymousApiCallsGetProblemJson() {
        Response r = given().get("/api/v1/cards");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.<String>path("title")).isEqualTo("Not signed in");
        assertThat(given().auth().oauth2("sph_forged").get("/api/v1/cards").statusCode()).isEqualTo(401);
    }

    @Test
    void openApiDocumentListsTheCardsForSignedInPeopleOnly() {
        String token = world.token(world.operator);
        Response doc = given().auth().oauth2(token).queryParam("format", "json").get("/q/openapi");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.asString()).contains("/api/v1/cards").contains("/api/v1/card-types");
        assertThat(given().auth().oauth2(token).get("/q/swagger-ui/").statusCode()).isEqualTo(200);
        assertThat(given().redirects().follow(false).get("/q/openapi").statusCode()).isNotEqualTo(200);
    }
}
