package io.sphere.web.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.testing.TestImages;
import io.sphere.web.api.ApiWorld;
import io.sphere.web.support.WebClient;

/** The attachments page as a browser without JavaScript uses it: the plain multipart form, CSRF, the list. */
@QuarkusTest
class AttachmentPageTest {

    @Inject
    ApiWorld world;

    @Inject
    CardService cards;

    String card;
    String secret;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
        card = cards.create(world.operator, "REQ", CardInput.of("Broken printer", Map.of())).key();
        secret = cards.create(world.admin, "SEC", CardInput.of("Salaries", Map.of())).key();
    }

    @Test
    void operatorAttachesSeveralFilesAtOnceAndSeesThemListed() {
        WebClient web = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        Response page = web.get("/cards/" + card + "/attachments");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("id=\"upload-form\"", "enctype=\"multipart/form-data\"",
                "id=\"attachments-empty\"", "/lib/static/attachments.js");

        byte[] png = TestImages.image("png", 64, 48);
        Response posted = web.request().multiPart("csrf-token", web.csrfToken())
                .multiPart("file", "plan.png", png, "application/octet-stream")
                .multiPart("file", "<img src=x onerror=alert(1)>.txt", "notes".getBytes(StandardCharsets.UTF_8))
                .post("/cards/" + card + "/attachments");
        assertThat(posted.statusCode()).as(posted.asString()).isEqualTo(303);
        assertThat(posted.header("Location")).endsWith("/cards/" + card + "/attachments?added=2");

        String list = web.get("/cards/" + card + "/attachments?added=2").asString();
        assertThat(list).contains("2 files were attached", "plan.png", "image/png", "olga",
                "&lt;img src=x onerror=alert(1)&gt;.txt", "thumbnail-pending-");
        assertThat(list).doesNotContain("<img src=x");
        assertThat(list).as("remove buttons for a person who may edit").contains("id=\"remove-");
        long id = TestDatabase.count("SELECT id FROM attachment WHERE original_name = 'plan.png'");

        Response viewer = web.get("/attachments/" + id + "/view");
        assertThat(viewer.statusCode()).isEqualTo(200);
        assertThat(viewer.asString()).contains("id=\"viewer-image\"", "/attachments/" + id + "/content");
        Response content = web.get("/attachments/" + id + "/content");
        assertThat(content.asByteArray()).isEqualTo(png);
        assertThat(content.header("X-Content-Type-Options")).isEqualTo("nosniff");

        // submit exactly the fields the rendered remove form holds, as a browser does: after the page's images and
        // script requests, which must not have replaced the CSRF cookie the form's token belongs to
        String html = web.get("/cards/" + card + "/attachments").asString();
        assertThat(web.get("/attachments/" + id + "/content").statusCode()).isEqualTo(200);
        assertThat(web.get("/api/v1/cards/" + card + "/attachments").statusCode()).isEqualTo(200);
        java.util.regex.Matcher form = java.util.regex.Pattern
                .compile("<form class=\"inline\" method=\"post\" action=\""
                        + "/cards/" + card + "/attachments/" + id
                        + "/remove\">\\s*<input type=\"hidden\" name=\"([^\"]+)\" "
                        + "value=\"([^\"]+)\">")
                .matcher(html);
        assertThat(form.find()).as(html).isTrue();
        Response removed = web.postRaw("/cards/" + card + "/attachments/" + id + "/remove",
                Map.of(form.group(1), form.group(2)));
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(web.get("/cards/" + card + "/attachments").asString()).doesNotContain("plan.png");
    }

    @Test
    void aFileOverTheLimitGetsAMessageInThePersonsLanguage() throws Exception {
        WebClient web = new WebClient().language("ru").loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        web.get("/cards/" + card + "/attachments");
        Path big = Files.createTempFile("sphere-big", ".bin");
        try {
            try (var out = Files.newOutputStream(big)) {
                byte[] mb = new byte[1024 * 1024];
                for (int i = 0; i < 50; i++) {
                    out.write(mb);
                }
                out.write(1);
            }
            Response r = web.request().multiPart("csrf-token", web.csrfToken())
                    .multiPart("file", "video.mp4", Files.readAllBytes(big), "video/mp4")
                    .post("/cards/" + card + "/attachments");
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.contentType()).startsWith("text/html");
            assertThat(r.asString()).contains("id=\"upload-errors\"",
                    "Файл «video.mp4» больше 50 МБ и не прикреплён", "id=\"upload-form\"");
        } finally {
            Files.delete(big);
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM attachment")).isZero();
    }

    @Test
    void withoutTheCsrfTokenNothingIsAttached() {
        WebClient web = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        web.get("/cards/" + card + "/attachments");
        Response r = web.request().multiPart("file", "a.txt", "a".getBytes(StandardCharsets.UTF_8))
                .post("/cards/" + card + "/attachments");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(TestDatabase.count("SELECT count(*) FROM attachment")).isZero();
    }

    @Test
    void viewersSeeNoFormAndOthersSeeNothing() {
        WebClient viewer = new WebClient().loggedInAs("victor@example.com", ApiWorld.PASSWORD);
        Response page = viewer.get("/cards/" + card + "/attachments");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).doesNotContain("id=\"upload-form\"");
        viewer.get("/cards/" + card + "/attachments");
        Response refused = viewer.request().multiPart("csrf-token", viewer.csrfToken())
                .multiPart("file", "a.txt", "a".getBytes(StandardCharsets.UTF_8))
                .post("/cards/" + card + "/attachments");
        assertThat(refused.statusCode()).isEqualTo(403);

        WebClient operator = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        Response hidden = operator.get("/cards/" + secret + "/attachments");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.asString()).doesNotContain("Salaries");
    }
}
