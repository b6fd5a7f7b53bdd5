package io.sphere.web.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sphere.core.attachment.AttachmentRetention;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.task.TaskInput;
import io.sphere.core.task.TaskService;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.testing.TestImages;
import io.sphere.web.api.ApiWorld;

/**
 * A task's files on the JSON API, with the task's permissions; removed files through the history's download
 * ({@code ?history=1}) and the 410 once retention purged them.
 */
@QuarkusTest
class TaskAttachmentApiTest {

    @Inject
    ApiWorld world;
    @Inject
    CardService cards;
    @Inject
    TaskService tasks;
    @Inject
    AttachmentRetention retention;

    String operator;
    String viewer;
    String card;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
        operator = world.token(world.operator);
        viewer = world.token(world.viewer);
        card = cards.create(world.operator, "REQ", CardInput.of("Broken printer", Map.of())).key();
    }

    @Test
    void aStandaloneTasksFilesAreForThoseWhoSeeTheTaskOnly() {
        long task = tasks.create(world.operator, new TaskInput(null, "Order toner", "", null, null, null)).id();
        byte[] png = TestImages.image("png", 40, 30);

        Response up = upload(operator, task, "toner.png", png);

        assertThat(up.statusCode()).as(up.asString()).isEqualTo(201);
        assertThat(up.<Integer>path("task")).isEqualTo((int) task);
        assertThat(up.<String>path("card")).isNull();
        assertThat(up.<String>path("contentType")).isEqualTo("image/png");
        int id = up.path("id");
        Response listed = as(operator).get("/api/v1/tasks/" + task + "/attachments");
        assertThat(listed.<List<String>>path("items.name")).containsExactly("toner.png");
        Response down = as(operator).get("/api/v1/attachments/" + id + "/content");
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(down.asByteArray()).isEqualTo(png);
        assertThat(down.header("X-Content-Type-Options")).isEqualTo("nosniff");

        // victor neither created nor has the task: every way in is "not found", guessing the id included
        assertThat(as(viewer).get("/api/v1/tasks/" + task + "/attachments").statusCode()).isEqualTo(404);
        Response guessed = as(viewer).get("/api/v1/attachments/" + id + "/content");
        assertThat(guessed.statusCode()).isEqualTo(404);
        assertThat(guessed.contentType()).startsWith("application/problem+json");
        assertThat(as(viewer).get("/api/v1/attachments/" + id).statusCode()).isEqualTo(404);
        assertThat(as(viewer).get("/api/v1/attachments/" + id + "/content?history=1").statusCode()).isEqualTo(404);
        assertThat(as(viewer).delete("/api/v1/attachments/" + id).statusCode()).isEqualTo(404);
        assertThat(upload(viewer, task, "x.txt", new byte[]{1}).statusCode()).isEqualTo(404);
        assertThat(as(operator).get("/api/v1/tasks/987654/attachments").statusCode()).isEqualTo(404);

        assertThat(as(operator).delete("/api/v1/attachments/" + id).statusCode()).isEqualTo(204);
        assertThat(as(operator).get("/api/v1/tasks/" + task + "/attachments").<List<?>>path("items")).isEmpty();
    }

    @Test
    void onACardsTaskViewersOfTheCardMayDownloadButNotAttach() {
        long task = tasks.create(world.operator, new TaskInput(card, "Call the vendor", "", null, null, null)).id();
        int id = upload(operator, task, "notes.txt", "call at ten".getBytes(StandardCharsets.UTF_8)).path("id");

        Response listed = as(viewer).get("/api/v1/tasks/" + task + "/attachments");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.<String>path("items[0].card")).isEqualTo(card);
        assertThat(as(viewer).get("/api/v1/attachments/" + id + "/content").asString()).isEqualTo("call at ten");
        Response refused = upload(viewer, task, "mine.txt", new byte[]{1});
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.<String>path("type")).isEqualTo("urn:sphere:problem:access.denied");
        assertThat(as(viewer).delete("/api/v1/attachments/" + id).statusCode()).isEqualTo(403);
        assertThat(TestDatabase.count("SELECT count(*) FROM attachment WHERE task_id = ?", task)).isEqualTo(1);
    }

    @Test
    void aTaskTakesSeveralFilesInOneMultipartFormAndRefusesItFromAViewer() {
        long task = tasks.create(world.operator, new TaskInput(card, "Collect quotes", "", null, null, null)).id();
        byte[] png = TestImages.image("png", 32, 24);
        byte[] text = "three quotes".getBytes(StandardCharsets.UTF_8);

        Response r = as(operator).multiPart("file", "quote.png", png, "image/png")
                .multiPart("file", "quotes.txt", text, "text/plain").post("/api/v1/tasks/" + task + "/attachments");

        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        assertThat(r.<List<String>>path("items.name")).containsExactly("quote.png", "quotes.txt");
        assertThat(r.<List<Integer>>path("items.task")).containsExactly((int) task, (int) task);
        Response refused = as(viewer).multiPart("file", "mine.txt", text, "text/plain")
                .post("/api/v1/tasks/" + task + "/attachments");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(TestDatabase.count("SELECT count(*) FROM attachment WHERE task_id = ?", task)).isEqualTo(2);
    }

    @Test
    void aRemovedFileIsDownloadableFromTheHistoryUntilRetentionThen410() {
        byte[] data = "old contract".getBytes(StandardCharsets.UTF_8);
        Response up = as(operator).contentType("application/octet-stream").queryParam("name", "contract.txt")
                .body(data).post("/api/v1/cards/" + card + "/attachments");
        int id = up.path("id");
        assertThat(as(operator).delete("/api/v1/attachments/" + id).statusCode()).isEqualTo(204);

        assertThat(as(viewer).get("/api/v1/attachments/" + id + "/content").statusCode()).isEqualTo(404);
        Response old = as(viewer).get("/api/v1/attachments/" + id + "/content?history=1");
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.asByteArray()).isEqualTo(data);
        assertThat(old.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(old.header("Content-Disposition")).startsWith("attachment;").contains("contract.txt");
        Response described = as(viewer).get("/api/v1/attachments/" + id + "?history=1");
        assertThat(described.<String>path("removedAt")).isNotNull();
        assertThat(described.<String>path("content")).endsWith("/content?history=1");

        assertThat(retention.apply(Instant.now().plus(Duration.ofDays(366)))).hasSize(1);

        Response gone = as(viewer).get("/api/v1/attachments/" + id + "/content?history=1");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.<String>path("type")).isEqualTo("urn:sphere:problem:attachment.purged");
        assertThat(gone.<String>path("detail")).contains("contract.txt", "retention");
        assertThat(TestDatabase.count("SELECT count(*) FROM attachment WHERE id = ? AND purged_at IS NOT NULL",
                (long) id)).isEqualTo(1);
    }

    static Response upload(String token, long task, String name, byte[] data) {
        return as(token).contentType("application/octet-stream").queryParam("name", name).body(data)
                .post("/api/v1/tasks/" + task + "/attachments");
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
