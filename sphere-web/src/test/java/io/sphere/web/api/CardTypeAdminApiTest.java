package io.sphere.web.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.cardtype.CardTypeDefinition;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.StageDefinition;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;

@QuarkusTest
class CardTypeAdminApiTest {

    @Inject
    ApiWorld world;

    @Inject
    CardTypeService types;

    private String root;
    private String olga;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
        root = world.token(world.admin);
        olga = world.token(world.operator);
    }

    @Test
    void theSuperuserCreatesATypeAndSavesVersionsAStaleOneIsRefusedWith409() {
        CardTypeDefinition definition = Fixtures.requestDefinition(List.of(world.operators.id()));
        Response created = given().auth().oauth2(root).contentType("application/json")
                .body(Map.of("key", "NEW", "name", "New process", "description", "d", "definition", definition))
                .post("/api/v1/card-types");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/card-types/NEW");
        assertThat(created.<Integer>path("definitionVersion")).isEqualTo(1);
        long version = created.<Number>path("version").longValue();

        Response updated = given().auth().oauth2(root).contentType("application/json")
                .body(Map.of("version", version, "name", "Renamed", "description", "d", "definition", definition))
                .put("/api/v1/card-types/NEW");
        assertThat(updated.statusCode()).as(updated.asString()).isEqualTo(200);
        assertThat(updated.<String>path("name")).isEqualTo("Renamed");

        Response stale = given().auth().oauth2(root).contentType("application/json")
                .body(Map.of("version", version, "name", "Stale", "description", "d", "definition", definition))
                .put("/api/v1/card-types/NEW");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.<String>path("type")).isEqualTo("urn:sphere:problem:card-type.version-conflict");
        assertThat(types.findByKey("NEW").orElseThrow().name()).isEqualTo("Renamed");

        Response noVersion = given().auth().oauth2(root).contentType("application/json")
                .body(Map.of("name", "x", "definition", definition)).put("/api/v1/card-types/NEW");
        assertThat(noVersion.statusCode()).isEqualTo(422);
        assertThat(noVersion.<String>path("errors[0].field")).isEqualTo("version");
    }

    @Test
    void invalidDefinitionsAndDuplicatesAreProblemsNamingTheirPath() {
        CardTypeDefinition good = Fixtures.requestDefinition(List.of());
        CardTypeDefinition noFinal = new CardTypeDefinition(good.fields(), good.stages().stream()
                .map(s -> new StageDefinition(s.key(), s.name(), s.initial(), false, s.sla())).toList(),
                good.transitions());
        Response invalid = given().auth().oauth2(root).contentType("application/json")
                .body(Map.of("key", "BAD", "name", "Bad", "definition", noFinal)).post("/api/v1/card-types");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.<String>path("type")).isEqualTo("urn:sphere:problem:definition.stage-no-final");
        assertThat(invalid.<String>path("errors[0].field")).isEqualTo("stages");

        Response duplicate = given().auth().oauth2(root).contentType("application/json")
                .body(Map.of("key", "REQ", "name", "Again", "definition", good)).post("/api/v1/card-types");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.<String>path("errors[0].field")).isEqualTo("key");

        Response unknownProperty = given().auth().oauth2(root).contentType("application/json")
                .body("{\"key\":\"ODD\",\"name\":\"Odd\",\"colour\":\"red\"}").post("/api/v1/card-types");
        assertThat(unknownProperty.statusCode()).isEqualTo(400);
        assertThat(TestDatabase.count("SELECT count(*) FROM card_type")).isEqualTo(2);
    }

    @Test
    void onlyTheSuperuserCreatesAndOnlyAdministratorsUpdate() {
        CardTypeDefinition definition = Fixtures.requestDefinition(List.of());
        Response create = given().auth().oauth2(olga).contentType("application/json")
                .body(Map.of("key", "OLG", "name", "Mine", "definition", definition)).post("/api/v1/card-types");
        assertThat(create.statusCode()).isEqualTo(403);
        Response update = given().auth().oauth2(olga).contentType("application/json")
                .body(Map.of("version", world.requests.version(), "name", "Mine", "definition", definition))
                .put("/api/v1/card-types/REQ");
        assertThat(update.statusCode()).isEqualTo(403);
        Response hidden = given().auth().oauth2(olga).contentType("application/json")
                .body(Map.of("version", world.secrets.version(), "name", "Mine", "definition", definition))
                .put("/api/v1/card-types/SEC");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(types.findByKey("REQ").orElseThrow().name()).isEqualTo("Request");
    }
}
