package io.sphere.web.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import io.sphere.core.testing.TestImages;
import io.sphere.web.support.WebClient;

/**
 * Multipart uploads on the API, and CSRF only where a browser's cookies could be abused: a request with a personal API
 * token never meets it, a request of a browser session always does.
 */
@QuarkusTest
class CardAttachmentApiTest {

    @Inject
    ApiWorld world;
    @Inject
    CardService cards;

    String operator;
    String card;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        world.build();
        operator = world.token(world.operator);
        card = cards.create(world.operator, "REQ", CardInput.of("Broken printer", Map.of())).key();
    }

    @Test
    void aTokenUploadsSeveralFilesInOneMultipartForm() {
        byte[] png = TestImages.image("png", 64, 48);
        byte[] text = "toner: empty".getBytes(StandardCharsets.UTF_8);
        Response r = given().auth().oauth2(operator).multiPart("file", "printer.png", png, "image/png")
                .multiPart("file", "notes.txt", text, "text/plain").post("/api/v1/cards/" + card + "/attachments");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        assertThat(r.<List<String>>path("items.name")).containsExactly("printer.png", "notes.txt");
        assertThat(r.<List<Integer>>path("items.size")).containsExactly(png.length, text.length);
        assertThat(r.<List<String>>path("items.contentType").get(0)).isEqualTo("image/png");
        assertThat(r.getHeader("Set-Cookie")).as("no CSRF cookie for a program").isNull();

        Response listed = given().auth().oauth2(operator).get("/api/v1/cards/" + card + "/attachments");
        assertThat(listed.<List<String>>path("items.name")).containsExactly("printer.png", "notes.txt");
    }

    @Test
    void aMultipartFormWithoutFilesIsAProblem() {
        Response r = given().auth().oauth2(operator).multiPart("note", "nothing").post("/api/v1/cards/" + card
                + "/attachments");
        assertThat(r.statusCode()).as(r.asString()).isBetween(400, 422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.<String>path("type")).isEqualTo("urn:sphere:problem:attachment.missing");
    }

    @Test
    void aFileOverTheLimitIs413NamingItAndNoneOfTheFormIsAttached() throws Exception {
        Path big = Files.createTempFile("sphere-big", ".bin");
        try {
            try (var out = Files.newOutputStream(big)) {
                byte[] mb = new byte[1024 * 1024];
                for (int i = 0; i < 50; i++) {
                    out.write(mb);
                }
                out.write(1);
            }
            Response r = given().auth().oauth2(operator).header("Accept-Language", "ru")
                    .multiPart("file", "small.txt", "ok".getBytes(StandardCharsets.UTF_8), "text/plain")
                    .multiPart("file", big.toFile(), "application/octet-stream")
                    .post("/api/v1/cards/" + card + "/attachments");
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(413);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.<String>path("type")).isEqualTo("urn:sphere:problem:attachment.too-large");
            assertThat(r.<String>path("detail")).contains("больше 50 МБ").contains(big.getFileName().toString());
        } finally {
            Files.delete(big);
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM attachment")).isZero();
    }

    /** HTTP clients send a POST without a body with a form content type, or with none: no CSRF for a token. */
    @Test
    void aTokenActionWithoutABodyIsNotRefusedByCsrf() {
        String root = world.token(world.admin);
        long id = given().auth().oauth2(root).contentType(ContentType.JSON)
                .body(Map.of("card", card, "title", "Call the vendor", "candidateGroupId", world.operators.id()))
                .post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
        Response claimed = given().auth().oauth2(operator).post("/api/v1/tasks/" + id + "/claim");
        assertThat(claimed.statusCode()).as(claimed.asString()).isEqualTo(200);
        Response completed = given().auth().oauth2(operator).contentType("application/x-www-form-urlencoded")
                .post("/api/v1/tasks/" + id + "/complete");
        assertThat(completed.statusCode()).as(completed.asString()).isEqualTo(200);
        Response reopened = given().auth().oauth2(operator).formParam("note", "again").post("/api/v1/tasks/" + id
                + "/reopen");
        assertThat(reopened.statusCode()).as(reopened.asString()).isEqualTo(200);
        assertThat(reopened.getHeader("Set-Cookie")).isNull();
        Response deleted = given().auth().oauth2(operator).delete("/api/v1/cards/" + card);
        assertThat(deleted.statusCode()).as(deleted.asString()).isEqualTo(204);
    }

    @Test
    void aBrowserSessionStillNeedsItsCsrfToken() {
        WebClient browser = new WebClient().language("ru").loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        browser.get("/cards/" + card);
        assertThat(browser.csrfToken()).isNotNull();
        byte[] png = TestImages.image("png", 20, 20);

        Response form = browser.request().multiPart("file", "a.png", png, "image/png")
                .post("/api/v1/cards/" + card + "/attachments");
        assertThat(form.statusCode()).as(form.asString()).isEqualTo(400);
        assertThat(form.contentType()).startsWith("application/problem+json");
        assertThat(form.<String>path("type")).isEqualTo("urn:sphere:problem:csrf.invalid");
        assertThat(form.<String>path("title")).isEqualTo("Неверный CSRF-токен");

        Response empty = browser.request().post("/api/v1/cards/" + card + "/attachments");
        assertThat(empty.statusCode()).as(empty.asString()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");

        Response json = browser.request().contentType(ContentType.JSON).body("{}").delete("/api/v1/cards/" + card);
        assertThat(json.statusCode()).as(json.asString()).isEqualTo(403);
        assertThat(json.contentType()).startsWith("application/problem+json");
        assertThat(TestDatabase.count("SELECT count(*) FROM attachment")).isZero();

        Response withHeader = browser.request().header("X-CSRF-TOKEN", browser.csrfToken())
                .multiPart("file", "a.png", png, "image/png").post("/api/v1/cards/" + card + "/attachments");
        assertThat(withHeader.statusCode()).as(withHeader.asString()).isEqualTo(201);
        assertThat(withHeader.<List<String>>path("items.name")).containsExactly("a.png");
    }
}
