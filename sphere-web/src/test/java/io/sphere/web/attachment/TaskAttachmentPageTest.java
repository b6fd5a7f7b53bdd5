package io.sphere.web.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.attachment.AttachmentRetention;
import io.sphere.core.audit.AuditEvent;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.task.TaskInput;
import io.sphere.core.task.TaskService;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.testing.TestImages;
import io.sphere.web.api.ApiWorld;
import io.sphere.web.support.AuditPipeline;
import io.sphere.web.support.WebClient;

/**
 * The task page's attachments as a browser without JavaScript uses them (the plain multipart form, CSRF, remove),
 * and the card history's "view as of" listing the files of that moment, removed ones included, until retention.
 */
@QuarkusTest
class TaskAttachmentPageTest {

    @Inject
    ApiWorld world;
    @Inject
    CardService cards;
    @Inject
    TaskService tasks;
    @Inject
    AttachmentRetention retention;
    @Inject
    AuditPipeline pipeline;

    String card;
    long task;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        pipeline.purge();
        world.build();
        card = cards.create(world.operator, "REQ", CardInput.of("Broken printer", Map.of())).key();
        task = tasks.create(world.operator, new TaskInput(card, "Call the vendor", "", null, null, null)).id();
    }

    @Test
    void theTaskPageListsItsFilesAndTakesUploadsAndRemovals() {
        WebClient web = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        String empty = web.get("/tasks/" + task).asString();
        assertThat(empty).contains("id=\"attachments-heading\"", "id=\"upload-form\"",
                "action=\"/tasks/" + task + "/attachments\"", "data-api=\"/api/v1/tasks/" + task + "/attachments\"",
                "id=\"attachments-empty\"", "/lib/static/attachments.js");

        byte[] png = TestImages.image("png", 64, 48);
        Response posted = web.request().multiPart("csrf-token", web.csrfToken())
                .multiPart("file", "plan.png", png, "application/octet-stream")
                .multiPart("file", "<img src=x>notes.txt", "notes".getBytes(StandardCharsets.UTF_8))
                .post("/tasks/" + task + "/attachments");
        assertThat(posted.statusCode()).as(posted.asString()).isEqualTo(303);
        assertThat(posted.header("Location")).endsWith("/tasks/" + task + "#attachments");

        String html = web.get("/tasks/" + task).asString();
        assertThat(html).contains("plan.png", "image/png", "&lt;img src=x&gt;notes.txt", "thumbnail-pending-",
                "data-poll=\"/api/v1/tasks/" + task + "/attachments\"").doesNotContain("<img src=x>");
        long id = TestDatabase.count("SELECT id FROM attachment WHERE original_name = 'plan.png' AND task_id = ?",
                task);
        assertThat(web.get("/attachments/" + id + "/content").asByteArray()).isEqualTo(png);
        Response viewer = web.get("/attachments/" + id + "/view");
        assertThat(viewer.statusCode()).isEqualTo(200);
        assertThat(viewer.asString()).as("the viewer leads back to the task")
                .contains("href=\"/tasks/" + task + "#attachments\"");

        Matcher form = Pattern.compile("<form class=\"inline\" method=\"post\" action=\"/tasks/" + task
                + "/attachments/" + id + "/remove\">\\s*<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")
                .matcher(html);
        assertThat(form.find()).as(html).isTrue();
        Response removed = web.postRaw("/tasks/" + task + "/attachments/" + id + "/remove",
                Map.of(form.group(1), form.group(2)));
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(web.get("/tasks/" + task).asString()).doesNotContain("plan.png").contains("notes");

        // the card's history names the task's files
        List<AuditEvent> events = pipeline.deliver().stream().filter(e -> e.action().startsWith("ATTACHMENT_"))
                .toList();
        assertThat(events).hasSize(3).allSatisfy(e -> {
            assertThat(e.cardKey()).isEqualTo(card);
            assertThat(e.detail()).containsEntry("task", String.valueOf(task));
        });
    }

    @Test
    void whoOnlyViewsTheCardSeesTheFilesButNoFormAndOthersSeeNothing() {
        TaskAttachmentApiTest.upload(world.token(world.operator), task, "spec.txt", new byte[]{'s'});
        WebClient viewer = new WebClient().language("ru").loggedInAs("victor@example.com", ApiWorld.PASSWORD);
        String page = viewer.get("/tasks/" + task).asString();
        assertThat(page).contains("spec.txt", "Вложения").doesNotContain("id=\"upload-form\"", "id=\"remove-");
        Response refused = viewer.request().multiPart("csrf-token", viewer.csrfToken())
                .multiPart("file", "a.txt", "a".getBytes(StandardCharsets.UTF_8))
                .post("/tasks/" + task + "/attachments");
        assertThat(refused.statusCode()).isEqualTo(403);

        long hidden = tasks.create(world.admin, new TaskInput(null, "Salaries", "", null, null, null)).id();
        WebClient operator = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        Response notFound = operator.get("/tasks/" + hidden + "/attachments");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.asString()).doesNotContain("Salaries");
        operator.get("/tasks/" + task);
        Response guessed = operator.request().multiPart("csrf-token", operator.csrfToken())
                .multiPart("file", "a.txt", "a".getBytes(StandardCharsets.UTF_8))
                .post("/tasks/" + hidden + "/attachments");
        assertThat(guessed.statusCode()).isEqualTo(404);
        assertThat(TestDatabase.count("SELECT count(*) FROM attachment WHERE task_id = ?", hidden)).isZero();
    }

    @Test
    void viewAsOfListsTheFilesOfThatMomentAndOpensRemovedOnesUntilRetention() throws Exception {
        String token = world.token(world.operator);
        int id = io.restassured.RestAssured.given().header("Authorization", "Bearer " + token)
                .contentType("application/octet-stream").queryParam("name", "old-plan.txt")
                .body("version one".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/cards/" + card + "/attachments").path("id");
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token)
                .delete("/api/v1/attachments/" + id).then().statusCode(204);

        pipeline.deliver();
        WebClient viewer = new WebClient().loggedInAs("victor@example.com", ApiWorld.PASSWORD);
        String then = viewer.get("/cards/" + card + "/history?at=" + between).asString();
        assertThat(then).contains("id=\"as-of-files\"", "old-plan.txt", "id=\"as-of-file-removed-" + id + "\"",
                "href=\"/attachments/" + id + "/content?history=1\"");
        String now = viewer.get("/cards/" + card + "/history?at=" + Instant.now().plusSeconds(5)).asString();
        assertThat(now).contains("id=\"as-of-files-empty\"");

        assertThat(viewer.get("/attachments/" + id + "/content").statusCode()).isEqualTo(404);
        Response old = viewer.get("/attachments/" + id + "/content?history=1");
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.asString()).isEqualTo("version one");
        assertThat(old.header("X-Content-Type-Options")).isEqualTo("nosniff");

        retention.apply(Instant.now().plus(Duration.ofDays(366)));

        assertThat(viewer.get("/cards/" + card + "/history?at=" + between).asString())
                .contains("id=\"as-of-file-purged-" + id + "\"");
        Response gone = viewer.get("/attachments/" + id + "/content?history=1");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("text/html");
        assertThat(gone.asString()).contains("old-plan.txt", "deleted by retention");
        Response ru = new WebClient().language("ru").loggedInAs("victor@example.com", ApiWorld.PASSWORD)
                .get("/attachments/" + id + "/content?history=1");
        assertThat(ru.statusCode()).isEqualTo(410);
        assertThat(ru.asString()).contains("old-plan.txt", "по сроку хранения");
    }
}
