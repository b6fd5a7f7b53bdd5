package io.sphere.web.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.testing.TestDatabase;

/** Tasks, reminders and notifications through /api/v1, with problem+json refusals. */
@QuarkusTest
class TaskApiTest {

    @Inject
    ApiWorld world;
    @Inject
    CardService cards;

    String olga;
    String victor;
    String root;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        world.build();
        cards.create(world.operator, "REQ", new CardInput("Printer", Map.of(), null, null, null, null));
        cards.create(world.admin, "SEC", new CardInput("Hidden", Map.of(), null, null, null, null));
        olga = world.token(world.operator);
        victor = world.token(world.viewer);
        root = world.token(world.admin);
    }

    /** Action calls without a body, as a program sends them: a bearer token needs no CSRF token. */
    private static io.restassured.specification.RequestSpecification json(String token) {
        return given().auth().oauth2(token);
    }

    @Test
    void createClaimCompleteAndReopenATaskOnACard() {
        long id = given().auth().oauth2(root).contentType(ContentType.JSON)
                .body(Map.of("card", "REQ-1", "title", "Call the vendor", "candidateGroupId", world.operators.id()))
                .post("/api/v1/tasks").then().statusCode(201).body("card", equalTo("REQ-1"))
                .body("status", equalTo("OPEN")).extract().jsonPath().getLong("id");
        given().auth().oauth2(olga).get("/api/v1/tasks?tab=groups").then().statusCode(200)
                .body("items.id", hasItem((int) id)).body("counts.groups", equalTo(1));
        json(olga).post("/api/v1/tasks/" + id + "/claim").then().statusCode(200)
                .body("assigneeId", equalTo((int) world.operator.userId()));
        json(olga).post("/api/v1/tasks/" + id + "/claim").then().statusCode(200);
        json(victor).post("/api/v1/tasks/" + id + "/claim").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sphere:problem:task.already-claimed"));
        json(olga).post("/api/v1/tasks/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("DONE"));
        json(olga).post("/api/v1/tasks/" + id + "/complete").then().statusCode(409)
                .body("type", equalTo("urn:sphere:problem:task.not-open"));
        json(olga).post("/api/v1/tasks/" + id + "/reopen").then().statusCode(200)
                .body("status", equalTo("OPEN"));
        given().auth().oauth2(olga).get("/api/v1/tasks?card=REQ-1").then().statusCode(200)
                .body("items.id", hasItem((int) id));
    }

    @Test
    void refusalsAreProblemsWithTheFieldAtFault() {
        given().auth().oauth2(olga).contentType(ContentType.JSON).body(Map.of("card", "SEC-1", "title", "x"))
                .post("/api/v1/tasks").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:sphere:problem:card.not-found"));
        given().auth().oauth2(olga).contentType(ContentType.JSON).body(Map.of("title", " "))
                .post("/api/v1/tasks").then().statusCode(422).body("errors[0].field", equalTo("title"));
        long secret = given().auth().oauth2(root).contentType(ContentType.JSON)
                .body(Map.of("card", "SEC-1", "title", "secret")).post("/api/v1/tasks").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(olga).get("/api/v1/tasks/" + secret).then().statusCode(404)
                .body("type", equalTo("urn:sphere:problem:task.not-found"));
        long mine = given().auth().oauth2(olga).contentType(ContentType.JSON)
                .body(Map.of("title", "mine", "assigneeId", world.operator.userId())).post("/api/v1/tasks")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(olga).contentType(ContentType.JSON)
                .body(Map.of("userId", world.viewer.userId())).post("/api/v1/tasks/" + mine + "/assign").then()
                .statusCode(422).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(olga).contentType(ContentType.JSON).body("{\"title\": \"x\", \"bogus\": 1}")
                .post("/api/v1/tasks").then().statusCode(400);
    }

    @Test
    void remindersAndNotificationsBelongToTheirOwner() {
        Response created = given().auth().oauth2(olga).contentType(ContentType.JSON)
                .body(Map.of("card", "REQ-1", "preset", "in-1-hour", "note", "check")).post("/api/v1/reminders");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = created.jsonPath().getLong("id");
        given().auth().oauth2(olga).get("/api/v1/reminders").then().statusCode(200).body("id", hasItem((int) id));
        given().auth().oauth2(victor).delete("/api/v1/reminders/" + id).then().statusCode(404)
                .body("type", equalTo("urn:sphere:problem:reminder.not-found"));
        given().auth().oauth2(olga).contentType(ContentType.JSON).body(Map.of("card", "REQ-1", "at", "yesterday"))
                .post("/api/v1/reminders").then().statusCode(422).body("errors[0].field", equalTo("at"));
        given().auth().oauth2(olga).delete("/api/v1/reminders/" + id).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));

        cards.watch(world.viewer, "REQ-1");
        cards.comment(world.operator, "REQ-1", "hello");
        given().auth().oauth2(victor).get("/api/v1/notifications").then().statusCode(200)
                .body("unread", equalTo(1)).body("items[0].kind", equalTo("COMMENT"))
                .body("items[0].link", equalTo("/cards/REQ-1"));
        long n = given().auth().oauth2(victor).get("/api/v1/notifications").jsonPath().getLong("items[0].id");
        json(olga).post("/api/v1/notifications/" + n + "/read").then().log().ifValidationFails()
                .statusCode(404);
        json(victor).post("/api/v1/notifications/read-all").then().statusCode(200)
                .body("unread", equalTo(0));
    }
}
