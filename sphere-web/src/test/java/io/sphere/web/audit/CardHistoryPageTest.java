package io.sphere.web.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import io.sphere.web.api.ApiWorld;
import io.sphere.web.support.AuditPipeline;
import io.sphere.web.support.WebClient;

/**
 * A card's history and "view as of" on the page and the API, the administrators' search and its CSV, and who sees
 * none of it: changes are made over HTTP, relayed through the real RabbitMQ and stored as the worker stores them.
 */
@QuarkusTest
class CardHistoryPageTest {

    @Inject
    ApiWorld world;
    @Inject
    AuditPipeline pipeline;
    @Inject
    CardService cards;

    String operator;
    String key;
    String editRequestId;
    Instant betweenEdits;

    @BeforeEach
    void world() throws InterruptedException {
        TestDatabase.clean();
        pipeline.purge();
        world.build();
        operator = world.token(world.operator);
        Response created = as(operator).body(Map.of("type", "REQ", "title", "Printer broken", "values",
                Map.of("category", "hardware", "happened_at", "2026-11-01T10:15:00Z"))).post("/api/v1/cards");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        key = created.path("key");
        int version = created.path("version");
        Thread.sleep(20);
        betweenEdits = Instant.now();
        Thread.sleep(20);
        Response edited = as(operator).body(Map.of("version", version, "title", "Printer on fire", "values",
                Map.of("category", "access"), "priority", "HIGH")).put("/api/v1/cards/" + key);
        assertThat(edited.statusCode()).as(edited.asString()).isEqualTo(200);
        editRequestId = edited.header("X-Request-Id");
        int next = edited.path("version");
        assertThat(as(operator).body(Map.of("transition", "start", "version", next))
                .post("/api/v1/cards/" + key + "/transitions").statusCode()).isEqualTo(200);
        cards.create(world.admin, "SEC", CardInput.of("Salary review", Map.of()));
        pipeline.deliver();
    }

    @Test
    void historyShowsEveryChangeNewestFirstWithOldAndNewValues() {
        String page = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD).get("/cards/" + key
                + "/history").asString();
        assertThat(page).contains("History of " + key);
        int transitioned = page.indexOf("data-action=\"CARD_TRANSITIONED\"");
        int updated = page.indexOf("data-action=\"CARD_UPDATED\"");
        int created = page.indexOf("data-action=\"CARD_CREATED\"");
        assertThat(transitioned).isPositive().isLessThan(updated);
        assertThat(updated).isLessThan(created);
        String update = page.substring(updated, created);
        assertThat(update).contains("olga (olga@example.com)", "edited the card", "Printer broken",
                "Printer on fire", "Hardware", "Access", "Normal", "High");
        assertThat(page.substring(transitioned, updated)).contains("New", "In progress");
        assertThat(page).contains("2026-11-01 10:15").contains("Times are in UTC");
        assertThat(page).as("the request log is the superuser's").doesNotContain("/request-log?request=");
        assertThat(page).contains("href=\"/cards/" + key + "\"");

        String admin = new WebClient().loggedInAs("root@example.com", ApiWorld.PASSWORD).get("/cards/" + key
                + "/history").asString();
        assertThat(admin).contains("/request-log?request=" + editRequestId);

        String russian = new WebClient().language("ru").loggedInAs("victor@example.com", ApiWorld.PASSWORD)
                .get("/cards/" + key + "/history").asString();
        assertThat(russian).contains("История " + key, "Было", "Стало", "изменил(а) карточку");
    }

    @Test
    void theCardHistoryAndTasksAreTabsOfOneCard() {
        WebClient olga = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        String card = olga.get("/cards/" + key).asString();
        assertThat(card).contains("id=\"card-tab-card\" href=\"/cards/" + key + "\" aria-current=\"page\"")
                .contains("id=\"card-tab-history\" href=\"/cards/" + key + "/history\">")
                .contains("id=\"card-tab-tasks\" href=\"/cards/" + key + "/tasks\">")
                .contains("id=\"card-tab-attachments\" href=\"/cards/" + key + "/attachments\">");
        assertThat(olga.get("/cards/" + key + "/attachments").asString()).contains(
                "id=\"card-tab-attachments\" href=\"/cards/" + key + "/attachments\" aria-current=\"page\"");
        assertThat(olga.get("/cards/" + key + "/history").asString())
                .contains("id=\"card-tab-history\" href=\"/cards/" + key + "/history\" aria-current=\"page\"");
        assertThat(olga.get("/cards/" + key + "/tasks").asString())
                .contains("id=\"card-tab-tasks\" href=\"/cards/" + key + "/tasks\" aria-current=\"page\"");
    }

    @Test
    void viewAsOfReconstructsTheCardFromTheTrail() {
        WebClient olga = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        String then = olga.get("/cards/" + key + "/history?at=" + betweenEdits).asString();
        assertThat(then).contains("id=\"as-of\"");
        assertThat(rowOf(then, "asof-title")).contains("Printer broken");
        assertThat(rowOf(then, "asof-stage")).contains("New");
        assertThat(rowOf(then, "asof-field-category")).contains("Hardware");
        assertThat(rowOf(then, "asof-priority")).contains("Normal");

        String now = olga.get("/cards/" + key + "/history?at=" + Instant.now().plusSeconds(5)).asString();
        assertThat(rowOf(now, "asof-title")).contains("Printer on fire");
        assertThat(rowOf(now, "asof-stage")).contains("In progress");

        String before = olga.get("/cards/" + key + "/history?at=2001-01-01T00:00").asString();
        assertThat(before).contains("id=\"as-of-not-yet\"");

        Response bad = olga.get("/cards/" + key + "/history?at=yesterday-ish");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.asString()).contains("id=\"as-of-at-error\"").contains("value=\"yesterday-ish\"");
    }

    @Test
    void peopleWhoMayNotViewTheCardGetNothing() {
        WebClient olga = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        assertThat(olga.get("/cards/SEC-1/history").statusCode()).isEqualTo(404);
        assertThat(olga.get("/cards/SEC-1/history?at=2030-01-01T00:00").statusCode()).isEqualTo(404);
        assertThat(olga.get("/cards/NOPE-1/history").statusCode()).isEqualTo(404);
        assertThat(as(operator).get("/api/v1/cards/SEC-1/history").statusCode()).isEqualTo(404);
        Response search = as(operator).queryParam("card", "SEC-1").get("/api/v1/audit");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.<List<?>>path("items")).isEmpty();
        assertThat(as(operator).get("/api/v1/audit").<List<?>>path("items")).as("viewing is not administering")
                .isEmpty();
        assertThat(olga.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(olga.get("/admin/audit/status").statusCode()).isEqualTo(403);
    }

    @Test
    void apiHistoryPagesNewestFirst() {
        Response first = as(operator).queryParam("limit", 2).get("/api/v1/cards/" + key + "/history");
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
        assertThat(first.<List<String>>path("items.action")).containsExactly("CARD_TRANSITIONED", "CARD_UPDATED");
        assertThat(first.<String>path("items[1].requestId")).isEqualTo(editRequestId);
        assertThat(first.<String>path("items[1].changes.find { it.field == 'category' }.fromText"))
                .isEqualTo("Hardware");
        assertThat(first.<String>path("items[1].changes.find { it.field == 'category' }.to")).isEqualTo("access");
        Response rest = as(operator).queryParam("limit", 2).queryParam("cursor", first.<String>path("nextCursor"))
                .get("/api/v1/cards/" + key + "/history");
        assertThat(rest.<List<String>>path("items.action")).containsExactly("CARD_CREATED");
        assertThat(rest.<String>path("nextCursor")).isNull();

        Response bad = as(operator).queryParam("limit", 0).get("/api/v1/cards/" + key + "/history");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }

    @Test
    void administratorsSearchFilterAndExport() {
        String admin = world.token(world.admin);
        Response byField = as(admin).queryParam("field", "category").queryParam("type", "REQ").get("/api/v1/audit");
        assertThat(byField.<List<String>>path("items.action")).containsExactly("CARD_UPDATED", "CARD_CREATED");
        Response security = as(admin).queryParam("action", "API_TOKEN_CREATED").get("/api/v1/audit");
        assertThat(security.<List<String>>path("items.actor.email")).contains("olga@example.com");
        Response badTime = as(admin).queryParam("from", "last tuesday").get("/api/v1/audit");
        assertThat(badTime.statusCode()).isEqualTo(400);

        WebClient root = new WebClient().loggedInAs("root@example.com", ApiWorld.PASSWORD);
        String page = root.get("/admin/audit?card=" + key + "&action=CARD_UPDATED").asString();
        assertThat(page).contains("id=\"audit\"").contains("Printer on fire").doesNotContain("Salary review");
        assertThat(page).contains("/request-log?request=" + editRequestId);
        String invalid = root.get("/admin/audit?from=soon").asString();
        assertThat(invalid).contains("id=\"f-from-error\"").contains("value=\"soon\"");

        Response csv = root.get("/admin/audit/export.csv?card=" + key);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines.get(0)).startsWith("occurred_at,event_id,action");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"CARD_UPDATED\"", "\"category\"",
                "\"Hardware\"", "\"Access\"", editRequestId));

        String status = root.get("/admin/audit/status").asString();
        assertThat(status).contains("Events waiting in the outbox: 0").contains("Dead-lettered messages");
    }

    private static String rowOf(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id + " in the page").isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }
}
