package io.sphere.web.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.sphere.core.attachment.ThumbnailMessage;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.messaging.Broker;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.testing.TestImages;
import io.sphere.web.api.ApiWorld;
import io.sphere.web.support.AuditPipeline;

/** Attachments on the JSON API, against the real database, media folder and broker. */
@QuarkusTest
class AttachmentApiTest {

    static final Path MEDIA = Path.of("target/media").toAbsolutePath();

    @Inject
    AuditPipeline pipeline;
    @Inject
    ApiWorld world;

    @Inject
    CardService cards;

    @Inject
    Broker broker;

    String operator;
    String viewer;
    String card;
    String secret;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
        operator = world.token(world.operator);
        viewer = world.token(world.viewer);
        card = cards.create(world.operator, "REQ", CardInput.of("Broken printer", Map.of())).key();
        secret = cards.create(world.admin, "SEC", CardInput.of("Salaries", Map.of())).key();
    }

    @Test
    void uploadAndDownloadRoundTripKeepsEveryByte() throws Exception {
        byte[] png = TestImages.image("png", 640, 480);
        byte[] jpeg = TestImages.image("jpg", 300, 200);
        purgeThumbnailQueue();

        Response up = upload(operator, card, "printer.png", png);
        assertThat(up.statusCode()).as(up.asString()).isEqualTo(201);
        assertThat(up.header("Location")).endsWith("/api/v1/attachments/" + up.path("id"));
        Response second = upload(operator, card, "Счёт за ремонт.jpg", jpeg);
        assertThat(second.statusCode()).as(second.asString()).isEqualTo(201);
        List<Map<String, Object>> items = List.of(up.jsonPath().getMap("$"), second.jsonPath().getMap("$"));
        assertThat(items.get(0)).containsEntry("name", "printer.png").containsEntry("contentType", "image/png")
                .containsEntry("size", png.length).containsEntry("sha256", TestImages.sha256(png))
                .containsEntry("thumbnail", "PENDING");
        assertThat(items.get(1)).containsEntry("name", "Счёт за ремонт.jpg").containsEntry("contentType",
                "image/jpeg");
        int id = (Integer) items.get(0).get("id");

        // Stored under <yyyy>/<mm>/<uuid>, never under the person's name, and byte for byte the same.
        String key = storageKey(id);
        assertThat(key).matches("\\d{4}/\\d{2}/[0-9a-f-]{36}");
        assertThat(Files.readAllBytes(MEDIA.resolve(key))).isEqualTo(png);

        Response listed = as(viewer).get("/api/v1/cards/" + card + "/attachments");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.<List<String>>path("items.name")).containsExactly("printer.png", "Счёт за ремонт.jpg");
        assertThat(listed.<String>path("items[0].uploadedBy.email")).isEqualTo("olga@example.com");

        Response down = as(viewer).get("/api/v1/attachments/" + id + "/content");
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(TestImages.sha256(down.asByteArray())).isEqualTo(TestImages.sha256(png));
        assertThat(down.contentType()).isEqualTo("image/png");
        assertThat(down.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(down.header("Content-Disposition")).startsWith("inline;").contains("filename=\"printer.png\"");
        assertThat(down.header("X-Accel-Redirect")).isNull();

        Response forced = as(viewer).get("/api/v1/attachments/" + id + "/content?download=1");
        assertThat(forced.header("Content-Disposition")).startsWith("attachment;");

        // Range requests, so a large download resumes.
        Response part = as(viewer).header("Range", "bytes=10-19").get("/api/v1/attachments/" + id + "/content");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.asByteArray()).isEqualTo(Arrays.copyOfRange(png, 10, 20));
        assertThat(part.header("Content-Range")).isEqualTo("bytes 10-19/" + png.length);

        // The web told the worker: one persistent message per image, carrying the attachment id.
        List<Long> ids = drainThumbnailQueue(2);
        assertThat(ids).contains((long) id, ((Integer) items.get(1).get("id")).longValue());
    }

    @Test
    void aCardThePersonMayNotSeeIs404AndViewersMayNotChangeAnything() {
        byte[] png = TestImages.image("png", 20, 20);
        Response mine = upload(world.token(world.admin), secret, "salary.png", png);
        assertThat(mine.statusCode()).isEqualTo(201);
        int id = mine.path("id");

        assertThat(as(operator).get("/api/v1/cards/" + secret + "/attachments").statusCode()).isEqualTo(404);
        Response hidden = as(operator).get("/api/v1/attachments/" + id + "/content");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        assertThat(hidden.<String>path("type")).isEqualTo("urn:sphere:problem:card.not-found");
        assertThat(as(operator).get("/api/v1/attachments/" + id + "/thumbnail").statusCode()).isEqualTo(404);
        assertThat(upload(operator, secret, "x.png", png)
                .statusCode()).isEqualTo(404);
        assertThat(as(operator).delete("/api/v1/attachments/" + id).statusCode()).isEqualTo(404);
        assertThat(as(operator).get("/api/v1/attachments/999999/content").statusCode()).isEqualTo(404);

        Response ok = upload(operator, card, "x.png", png);
        int own = ok.path("id");
        assertThat(upload(viewer, card, "y.png", png)
                .statusCode()).isEqualTo(403);
        assertThat(as(viewer).delete("/api/v1/attachments/" + own).statusCode()).isEqualTo(403);
        assertThat(as(viewer).get("/api/v1/attachments/" + own + "/content").statusCode()).isEqualTo(200);
    }

    @Test
    void aFileOverTheLimitIs413WithAMessageInThePersonsLanguage() throws Exception {
        Path big = Files.createTempFile("sphere-big", ".bin");
        try {
            try (var out = Files.newOutputStream(big)) {
                byte[] mb = new byte[1024 * 1024];
                for (int i = 0; i < 50; i++) {
                    out.write(mb);
                }
                out.write(1);
            }
            Response r = as(operator).header("Accept-Language", "ru").contentType("application/octet-stream")
                    .queryParam("name", big.getFileName().toString()).body(big.toFile())
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

    @Test
    void htmlRenamedToPngIsStoredAsHtmlAndOnlyEverDownloaded() {
        byte[] html = ("<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(document.cookie)"
                + "</script></body></html>").getBytes(StandardCharsets.UTF_8);
        Response up = upload(operator, card, "holiday.png", html);
        assertThat(up.statusCode()).isEqualTo(201);
        assertThat(up.<String>path("contentType")).isEqualTo("text/html");
        assertThat(up.<String>path("thumbnail")).isEqualTo("NONE");
        int id = up.path("id");

        Response down = as(viewer).get("/api/v1/attachments/" + id + "/content");
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(down.contentType()).startsWith("text/html");
        assertThat(down.header("Content-Disposition")).startsWith("attachment;");
        assertThat(down.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(down.header("Content-Security-Policy")).contains("sandbox");
        assertThat(down.asByteArray()).isEqualTo(html);
    }

    @Test
    void oddNamesAreStoredAndServedHarmlessly() {
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
        Response traversal = upload(operator, card, "../../../etc/passwd", data);
        assertThat(traversal.statusCode()).isEqualTo(201);
        assertThat(traversal.<String>path("name")).isEqualTo("passwd");
        assertThat(storageKey(traversal.path("id"))).doesNotContain("passwd").doesNotContain("..");
        assertThat(Files.exists(MEDIA.resolve("../../../etc/passwd").normalize())
                && MEDIA.resolve("../../../etc/passwd").normalize().startsWith(MEDIA)).isFalse();

        // Right-to-left override: "invoice<RLO>fdp.exe" shows as "invoiceexe.pdf". Quotes and control characters
        // in names: AttachmentNamesTest.
        Response rlo = upload(operator, card, "invoice\u202Efdp.exe", data);
        assertThat(rlo.statusCode()).isEqualTo(201);
        assertThat(rlo.<String>path("name")).isEqualTo("invoicefdp.exe");
        Response down = as(viewer).get("/api/v1/attachments/" + rlo.path("id") + "/content");
        assertThat(down.header("Content-Disposition")).isEqualTo("attachment; filename=\"invoicefdp.exe\"; "
                + "filename*=UTF-8''invoicefdp.exe");
    }

    @Test
    void removingHidesTheAttachmentAndKeepsTheFile() {
        byte[] data = "keep me".getBytes(StandardCharsets.UTF_8);
        int id = upload(operator, card, "notes.txt", data)
                .path("id");
        String key = storageKey(id);
        assertThat(as(operator).delete("/api/v1/attachments/" + id).statusCode()).isEqualTo(204);
        assertThat(as(operator).get("/api/v1/cards/" + card + "/attachments").<List<?>>path("items")).isEmpty();
        assertThat(as(operator).get("/api/v1/attachments/" + id + "/content").statusCode()).isEqualTo(404);
        assertThat(TestDatabase.count("SELECT count(*) FROM attachment WHERE id = ? AND removed_at IS NOT NULL "
                + "AND removed_by = ?", (long) id, world.operator.userId())).isEqualTo(1);
        assertThat(MEDIA.resolve(key)).exists();
    }

    @Test
    void addingAndRemovingGoIntoTheCardsHistory() {
        pipeline.purge();
        int id = upload(operator, card, "scan.txt", "page one".getBytes(StandardCharsets.UTF_8)).path("id");
        assertThat(as(operator).delete("/api/v1/attachments/" + id).statusCode()).isEqualTo(204);
        pipeline.deliver();

        Response history = as(operator).get("/api/v1/cards/" + card + "/history");
        assertThat(history.statusCode()).as(history.asString()).isEqualTo(200);
        assertThat(history.<List<String>>path("items.action")).containsSequence("ATTACHMENT_REMOVED",
                "ATTACHMENT_ADDED");
        assertThat(history.<Map<String, String>>path("items[1].detail")).containsEntry("name", "scan.txt")
                .containsEntry("attachment", String.valueOf(id)).containsEntry("size", "8")
                .containsEntry("contentType", "text/plain");
        assertThat(history.<String>path("items[0].actor.email")).isEqualTo(world.operator.email());
    }

    @Test
    void noNameIs422() {
        Response r = as(operator).contentType("application/octet-stream").body(new byte[]{1})
                .post("/api/v1/cards/" + card + "/attachments");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.<String>path("type")).isEqualTo("urn:sphere:problem:attachment.missing");
    }

    static String storageKey(Object id) {
        try (var c = TestDatabase.connect();
                var ps = c.prepareStatement("SELECT storage_key FROM attachment WHERE id = ?")) {
            ps.setLong(1, ((Number) id).longValue());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response upload(String token, String card, String name, byte[] data) {
        return as(token).contentType("application/octet-stream").queryParam("name", name).body(data)
                .post("/api/v1/cards/" + card + "/attachments");
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    void purgeThumbnailQueue() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        try (var c = f.newConnection(); Channel ch = c.createChannel()) {
            broker.topology().declareThumbnail(ch);
            ch.queuePurge(broker.topology().thumbnailQueue());
        }
    }

    /** Waits up to 10 s for {@code count} messages and returns their attachment ids. */
    List<Long> drainThumbnailQueue(int count) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        List<Long> ids = new java.util.ArrayList<>();
        long until = System.currentTimeMillis() + 10_000;
        try (var c = f.newConnection(); Channel ch = c.createChannel()) {
            while (ids.size() < count && System.currentTimeMillis() < until) {
                GetResponse r;
                try {
                    r = ch.basicGet(broker.topology().thumbnailQueue(), true);
                } catch (java.io.IOException e) {
                    return ids;
                }
                if (r == null) {
                    Thread.sleep(100);
                    continue;
                }
                assertThat(r.getProps().getDeliveryMode()).as("persistent").isEqualTo(2);
                ids.add(ThumbnailMessage.decode(r.getBody()));
            }
        }
        return ids;
    }
}
