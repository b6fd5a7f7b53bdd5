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
import io.restassured.specification.RequestSpecification;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.testing.TestDatabase;

@QuarkusTest
class CardApiTest {

    @Inject
    ApiWorld world;

    @Inject
    CardService cards;

    String operator;
    String viewer;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
        operator = world.token(world.operator);
        viewer = world.token(world.viewer);
    }

    @Test
    void aTotalBeyondTheCapIsALowerBoundAndCountsOnlyVisibleCards() {
        // SEC (not visible to the operator) gets more cards than the cap: they neither show nor count
        TestDatabase.execute("INSERT INTO card (card_type_id, number, key, title, stage) SELECT t.id, n, 'SEC-' || n,"
                + " 'Bulk ' || n, 'new' FROM card_type t, generate_series(1, 10500) n WHERE t.key = 'SEC'");
        Response few = as(operator).get("/api/v1/cards?limit=1");
        assertThat(few.<Integer>path("total")).isZero();
        assertThat(few.<Boolean>path("totalIsLowerBound")).isFalse();
        TestDatabase.execute("INSERT INTO card (card_type_id, number, key, title, stage) SELECT t.id, n, 'REQ-' || n,"
                + " 'Bulk ' || n, 'new' FROM card_type t, generate_series(1, 10001) n WHERE t.key = 'REQ'");
        Response many = as(operator).get("/api/v1/cards?limit=1");
        assertThat(many.statusCode()).as(many.asString()).isEqualTo(200);
        assertThat(many.<Integer>path("total")).isEqualTo(10_000);
        assertThat(many.<Boolean>path("totalIsLowerBound")).isTrue();
        assertThat(many.<List<String>>path("items.key")).allMatch(k -> k.startsWith("REQ-"));
    }

    @Test
    void operatorRunsACardThroughItsLife() {
        Response created = as(operator).body(Map.of("type", "REQ", "title", "Printer on floor 3 is broken", "values",
                Map.of("category", "hardware", "count", 3))).post("/api/v1/cards");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String key = created.path("key");
        assertThat(key).isEqualTo("REQ-1");
        assertThat(created.header("Location")).endsWith("/api/v1/cards/REQ-1");
        assertThat(created.<String>path("stage")).isEqualTo("new");
        assertThat(created.<List<String>>path("transitions.key")).contains("start", "reject");

        Response got = as(operator).get("/api/v1/cards/" + key);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.<String>path("fields.find { it.key == 'category' }.value")).isEqualTo("hardware");
        int version = got.path("version");

        Response listed = as(operator).queryParam("type", "REQ").queryParam("stage", "new")
                .queryParam("field.category", "hardware").queryParam("q", "printer").queryParam("limit", 1)
                .get("/api/v1/cards");
        assertThat(listed.statusCode()).as(listed.asString()).isEqualTo(200);
        assertThat(listed.<Integer>path("total")).isEqualTo(1);
        assertThat(listed.<String>path("items[0].key")).isEqualTo(key);

        Response updated = as(operator).body(Map.of("version", version, "title", "Printer on floor 3 jams",
                "values", Map.of("resolution", "new drum"), "priority", "HIGH")).put("/api/v1/cards/" + key);
        assertThat(updated.statusCode()).as(updated.asString()).isEqualTo(200);
        assertThat(updated.<String>path("priority")).isEqualTo("HIGH");
        int next = updated.path("version");
        assertThat(next).isGreaterThan(version);

        Response started = as(operator).body(Map.of("transition", "start", "version", next))
                .post("/api/v1/cards/" + key + "/transitions");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(200);
        assertThat(started.<String>path("stage")).isEqualTo("in_progress");

        Response assigned = as(operator).body(Map.of("userId", world.operator.userId()))
                .put("/api/v1/cards/" + key + "/assignee");
        assertThat(assigned.statusCode()).as(assigned.asString()).isEqualTo(200);
        assertThat(assigned.<String>path("assignee.email")).isEqualTo("olga@example.com");

        Response commented = as(operator).body(Map.of("text", "Ordered a drum <b>today</b>"))
                .post("/api/v1/cards/" + key + "/comments");
        assertThat(commented.statusCode()).as(commented.asString()).isEqualTo(201);
        assertThat(as(viewer).get("/api/v1/cards/" + key + "/comments").<List<String>>path("text"))
                .containsExactly("Ordered a drum <b>today</b>");

        assertThat(as(operator).delete("/api/v1/cards/" + key).statusCode()).isEqualTo(204);
        assertThat(as(operator).get("/api/v1/cards/" + key).statusCode()).isEqualTo(404);
    }

    @Test
    void cardsOfATypeTheCallerMayNotSeeDoNotExistForThem() {
        String secret = cards.create(world.admin, "SEC", CardInput.of("Salaries", Map.of())).key();
        Response r = as(operator).get("/api/v1/cards/" + secret);
        Response missing = as(operator).get("/api/v1/cards/SEC-999");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.asString()).isEqualTo(missing.asString());
        assertThat(as(operator).get("/api/v1/cards/" + secret + "/comments").statusCode()).isEqualTo(404);
        assertThat(as(operator).body(Map.of("text", "hi")).post("/api/v1/cards/" + secret + "/comments")
                .statusCode()).isEqualTo(404);
        assertThat(as(operator).delete("/api/v1/cards/" + secret).statusCode()).isEqualTo(404);
        assertThat(as(operator).get("/api/v1/cards").<Integer>path("total")).isZero();
        assertThat(as(operator).get("/api/v1/card-types/SEC").statusCode()).isEqualTo(404);
        assertThat(as(operator).body(Map.of("type", "SEC", "title", "x")).post("/api/v1/cards").statusCode())
                .isEqualTo(404);
        assertThat(as(operator).get("/api/v1/card-types").<List<String>>path("key")).containsExactly("REQ");
    }

    @Test
    void viewerMayReadButNotCreateEditTransitionOrDelete() {
        String key = cards.create(world.operator, "REQ", CardInput.of("Mouse", Map.of())).key();
        assertThat(as(viewer).get("/api/v1/cards/" + key).statusCode()).isEqualTo(200);
        Response create = as(viewer).body(Map.of("type", "REQ", "title", "Keyboard")).post("/api/v1/cards");
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(create.contentType()).startsWith("application/problem+json");
        assertThat(create.<String>path("type")).isEqualTo("urn:sphere:problem:access.denied");
        assertThat(as(viewer).body(Map.of("version", 0, "title", "Changed")).put("/api/v1/cards/" + key)
                .statusCode()).isEqualTo(403);
        assertThat(as(viewer).body(Map.of("transition", "start", "version", 0))
                .post("/api/v1/cards/" + key + "/transitions").statusCode()).isEqualTo(403);
        assertThat(as(viewer).delete("/api/v1/cards/" + key).statusCode()).isEqualTo(403);
        assertThat(as(viewer).get("/api/v1/users").statusCode()).isEqualTo(403);
        assertThat(as(viewer).get("/api/v1/groups").statusCode()).isEqualTo(403);
    }

    @Test
    void staleVersionIsAConflictCarryingTheCurrentCard() {
        var card = cards.create(world.operator, "REQ", CardInput.of("Mouse", Map.of()));
        cards.update(world.admin, card.key(), card.version(), CardInput.of("Mouse, wireless", Map.of()));
        Response r = as(operator).body(Map.of("version", card.version(), "title", "Mouse, wired"))
                .put("/api/v1/cards/" + card.key());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.<String>path("current.title")).isEqualTo("Mouse, wireless");
        assertThat(r.<Integer>path("current.version")).isGreaterThan((int) card.version());
    }

    @Test
    void badCardInputIsNamedFieldByField() {
        Response r = as(operator).body(Map.of("type", "REQ", "title", "", "values", Map.of("nope", 1, "count",
                "many", "category", ""))).post("/api/v1/cards");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.<List<String>>path("errors.field")).contains("title", "nope", "count", "category");
        assertThat(r.<List<String>>path("errors.code")).contains("field.unknown", "field.not-number",
                "field.required", "card.title-required");
        assertThat(r.<String>path("errors.find { it.field == 'title' }.message")).isEqualTo("Enter a title.");

        String key = cards.create(world.operator, "REQ", CardInput.of("Mouse", Map.of())).key();
        Response wrongStage = as(operator).body(Map.of("transition", "done", "version", 0))
                .post("/api/v1/cards/" + key + "/transitions");
        assertThat(wrongStage.statusCode()).isEqualTo(409);
        assertThat(wrongStage.<List<String>>path("errors.field")).containsExactly("transition");
        var started = cards.transition(world.operator, key, 0, "start");
        Response missing = as(operator).body(Map.of("transition", "done", "version", started.version()))
                .post("/api/v1/cards/" + key + "/transitions");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.<List<String>>path("errors.field")).containsExactly("resolution");
        Response noVersion = as(operator).body(Map.of("title", "x")).put("/api/v1/cards/" + key);
        assertThat(noVersion.statusCode()).isEqualTo(422);
        assertThat(noVersion.<List<String>>path("errors.field")).containsExactly("version");
    }

    @Test
    void brokenJsonIsA400NamingTheProperty() {
        Response malformed = as(operator).body("{\"type\": \"REQ\", ").post("/api/v1/cards");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.<String>path("detail")).isEqualTo("The request body is not valid JSON.");

        Response unknown = as(operator).body("{\"type\": \"REQ\", \"title\": \"x\", \"colour\": \"red\"}")
                .post("/api/v1/cards");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.<String>path("errors[0].field")).isEqualTo("colour");

        Response wrongType = as(operator).body("{\"type\": \"REQ\", \"title\": \"x\", \"values\": [1]}")
                .post("/api/v1/cards");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.<String>path("errors[0].field")).isEqualTo("values");

        Response noBody = as(operator).post("/api/v1/cards");
        assertThat(noBody.statusCode()).isEqualTo(400);
        assertThat(noBody.contentType()).startsWith("application/problem+json");
        assertThat(TestDatabase.count("SELECT count(*) FROM card")).isZero();
    }

    @Test
    void problemDetailFollowsAcceptLanguage() {
        Response r = as(operator).header("Accept-Language", "ru").get("/api/v1/cards/REQ-42");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.<String>path("detail")).isEqualTo("Карточка не найдена.");
        assertThat(r.<String>path("type")).isEqualTo("urn:sphere:problem:card.not-found");
    }

    @Test
    void administratorManagesUsersAndGroups() {
        String admin = world.token(world.admin);
        Response user = as(admin).body(Map.of("email", "petr@example.com", "displayName", "Petr", "password",
                ApiWorld.PASSWORD)).post("/api/v1/users");
        assertThat(user.statusCode()).as(user.asString()).isEqualTo(201);
        int userId = user.path("id");
        assertThat(user.asString()).doesNotContain(ApiWorld.PASSWORD);
        Response group = as(admin).body(Map.of("name", "Night shift", "description", "")).post("/api/v1/groups");
        assertThat(group.statusCode()).as(group.asString()).isEqualTo(201);
        int groupId = group.path("id");
        Response joined = as(admin).put("/api/v1/groups/" + groupId + "/members/" + userId);
        assertThat(joined.<List<String>>path("members.email")).containsExactly("petr@example.com");
        assertThat(as(admin).get("/api/v1/users/" + userId).<List<String>>path("groups.name"))
                .containsExactly("Night shift");
        Response left = as(admin).delete("/api/v1/groups/" + groupId + "/members/" + userId);
        assertThat(left.<List<String>>path("members")).isEmpty();
        assertThat(as(admin).queryParam("q", "petr").get("/api/v1/users").<Integer>path("total")).isEqualTo(1);
        assertThat(as(operator).body(Map.of("name", "Rogue")).post("/api/v1/groups").statusCode()).isEqualTo(403);
    }

    @Test
    void watchingAndUnwatchingThroughTheApi() {
        String key = cards.create(world.operator, "REQ", CardInput.of("Monitor flickers", Map.of())).key();
        Response watched = given().auth().oauth2(viewer).put("/api/v1/cards/" + key + "/watchers/me");
        assertThat(watched.statusCode()).as(watched.asString()).isEqualTo(200);
        assertThat(watched.<List<String>>path("watchers.email")).contains("victor@example.com");
        Response again = given().auth().oauth2(viewer).put("/api/v1/cards/" + key + "/watchers/me");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.<List<String>>path("watchers.email")).containsOnlyOnce("victor@example.com");
        assertThat(as(viewer).get("/api/v1/cards?scope=watching").<List<String>>path("items.key"))
                .containsExactly(key);

        Response unwatched = given().auth().oauth2(viewer).delete("/api/v1/cards/" + key + "/watchers/me");
        assertThat(unwatched.statusCode()).as(unwatched.asString()).isEqualTo(200);
        assertThat(unwatched.<List<String>>path("watchers.email")).doesNotContain("victor@example.com");
        assertThat(as(viewer).get("/api/v1/cards?scope=watching").<Integer>path("total")).isZero();
    }

    @Test
    void watchingACardTheCallerMayNotSeeIsNotFound() {
        String secret = cards.create(world.admin, "SEC", CardInput.of("Salaries", Map.of())).key();
        Response watch = given().auth().oauth2(operator).put("/api/v1/cards/" + secret + "/watchers/me");
        assertThat(watch.statusCode()).isEqualTo(404);
        assertThat(watch.contentType()).startsWith("application/problem+json");
        assertThat(watch.<String>path("type")).isEqualTo("urn:sphere:problem:card.not-found");
        assertThat(given().auth().oauth2(operator).delete("/api/v1/cards/" + secret + "/watchers/me").statusCode())
                .isEqualTo(404);
        assertThat(given().auth().oauth2(operator).put("/api/v1/cards/REQ-999/watchers/me").statusCode())
                .isEqualTo(404);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }
}
