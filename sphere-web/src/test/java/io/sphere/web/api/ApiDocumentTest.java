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

/** The OpenAPI document says how to authenticate and what errors look like; CSRF refusals are problem+json. */
@QuarkusTest
class ApiDocumentTest {

    @Inject
    ApiWorld world;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
    }

    @Test
    void declaresTheBearerSchemeAndProblemJsonAnswers() {
        Response doc = given().auth().oauth2(world.token(world.operator)).queryParam("format", "json")
                .get("/q/openapi");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.<String>path("components.securitySchemes.bearer.type")).isEqualTo("http");
        assertThat(doc.<String>path("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(doc.<Object>path("security[0].bearer")).isNotNull();
        assertThat(doc.<String>path("components.schemas.Problem.properties.detail.type")).isEqualTo("string");
        assertThat(doc.<String>path("paths.'/api/v1/cards/{key}'.put.responses.'409'.content."
                + "'application/problem+json'.schema.$ref")).isEqualTo("#/components/schemas/Problem");
        assertThat(doc.<Object>path("paths.'/api/v1/card-types'.post")).isNotNull();
        assertThat(doc.<Object>path("paths.'/api/v1/users/{id}/deactivate'.post.responses.'403'")).isNotNull();
        assertThat(doc.<String>path("info.title")).isEqualTo("Sphere API");
        assertThat(doc.<java.util.Map<String, Object>>path("paths")).as("no page or /q route in the API document")
                .allSatisfy((path, item) -> assertThat(path).startsWith("/api/v1/"));
    }

    /** Where Quarkus served it, in both formats (that it is no longer built at start-up, figure 7 measures). */
    @Test
    void servesYamlByDefaultAndJsonOnRequest() {
        String token = world.token(world.operator);
        Response yaml = given().auth().oauth2(token).get("/q/openapi");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        assertThat(yaml.asString()).startsWith("---").contains("title: Sphere API").contains("/api/v1/cards/{key}:");

        Response accept = given().auth().oauth2(token).accept("application/json").get("/q/openapi");
        assertThat(accept.contentType()).startsWith("application/json");
        Response json = given().auth().oauth2(token).get("/q/openapi.json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.asString()).isEqualTo(accept.asString());
        assertThat(json.<String>path("paths.'/api/v1/cards/{key}'.get.responses.'404'.content."
                + "'application/problem+json'.schema.$ref")).isEqualTo("#/components/schemas/Problem");
        assertThat(given().auth().oauth2(token).get("/q/openapi.yml").asString()).isEqualTo(yaml.asString());

        assertThat(given().redirects().follow(false).get("/q/openapi.json").statusCode()).isNotEqualTo(200);
    }

    @Test
    void aWrongCsrfHeaderOnACookieCallIsProblemJsonInThePersonsLanguage() {
        WebClient browser = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        browser.get("/");
        Response wrong = browser.request().contentType("application/json").header("X-CSRF-TOKEN", "bm90LWl0")
                .body("{\"name\":\"evil\"}").post("/api/v1/tokens");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.<String>path("type")).isEqualTo("urn:sphere:problem:csrf.invalid");
        assertThat(wrong.<String>path("detail")).contains("X-CSRF-TOKEN");

        WebClient ru = new WebClient().language("ru").loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        ru.get("/");
        Response russian = ru.request().contentType("application/json").header("X-CSRF-TOKEN", "bm90LWl0")
                .body("{\"name\":\"evil\"}").post("/api/v1/tokens");
        assertThat(russian.statusCode()).isEqualTo(400);
        assertThat(russian.<String>path("detail")).contains("обновите страницу");

        Response right = browser.request().contentType("application/json").header("X-CSRF-TOKEN",
                browser.csrfToken()).body("{\"name\":\"fine\"}").post("/api/v1/tokens");
        assertThat(right.statusCode()).isEqualTo(201);
        assertThat(TestDatabase.count("SELECT count(*) FROM api_token WHERE name = 'evil'")).isZero();
    }
}
