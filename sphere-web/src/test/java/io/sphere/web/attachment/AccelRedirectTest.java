package io.sphere.web.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.testing.TestImages;
import io.sphere.web.api.ApiWorld;

/**
 * Behind nginx: sphere-web checks the permission and answers with headers only, {@code X-Accel-Redirect} pointing
 * into the internal media location. Here the broker is unreachable too: uploads still succeed at once and the
 * attachment waits, PENDING, for the worker's sweep.
 */
@QuarkusTest
@TestProfile(AccelRedirectTest.BehindNginxWithoutBroker.class)
class AccelRedirectTest {

    public static class BehindNginxWithoutBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sphere.media.accel-redirect", "true", "sphere.broker.port", "1",
                    "sphere.request-log.spool-dir", "target/spool-accel");
        }
    }

    @Inject
    ApiWorld world;

    @Inject
    CardService cards;

    String token;
    String card;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
        token = world.token(world.operator);
        card = cards.create(world.operator, "REQ", CardInput.of("Broken printer", Map.of())).key();
    }

    @Test
    void downloadsAreHandedToNginxAfterThePermissionCheck() {
        byte[] png = TestImages.image("png", 32, 32);
        // warm up (first request, content-type detector): a text file, for which no message is published
        assertThat(AttachmentApiTest.upload(token, card, "warm.txt", new byte[]{'a'}).statusCode()).isEqualTo(201);
        long started = System.nanoTime();
        Response up = AttachmentApiTest.upload(token, card, "Фото 1.png", png);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(up.statusCode()).as(up.asString()).isEqualTo(201);
        assertThat(millis).as("upload with the broker down, ms").isLessThan(3_000);
        int id = up.path("id");
        assertThat(TestDatabase.count("SELECT count(*) FROM attachment WHERE id = ? AND thumbnail_state = 'PENDING'",
                (long) id)).isEqualTo(1);

        Response down = given().header("Authorization", "Bearer " + token)
                .get("/api/v1/attachments/" + id + "/content");
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(down.header("X-Accel-Redirect")).isEqualTo("/lib/media/" + AttachmentApiTest.storageKey(id));
        assertThat(down.contentType()).isEqualTo("image/png");
        assertThat(down.header("Content-Disposition"))
                .isEqualTo("inline; filename=\"____ 1.png\"; filename*=UTF-8''%D0%A4%D0%BE%D1%82%D0%BE%201.png");
        assertThat(down.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(down.asByteArray()).isEmpty();

        byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        int page = AttachmentApiTest.upload(token, card, "cat.png", html).path("id");
        Response api = given().header("Authorization", "Bearer " + token)
                .get("/api/v1/attachments/" + page + "/content");
        assertThat(api.header("X-Accel-Redirect")).isEqualTo("/lib/media/" + AttachmentApiTest.storageKey(page));
        assertThat(api.contentType()).startsWith("text/html");
        assertThat(api.header("Content-Disposition")).startsWith("attachment;");

        // Still no download for someone who may not view the card.
        String other = world.token(world.viewer);
        String secret = cards.create(world.admin, "SEC", CardInput.of("Salaries", Map.of())).key();
        int hidden = AttachmentApiTest.upload(world.token(world.admin), secret, "s.png", png).path("id");
        Response refused = given().header("Authorization", "Bearer " + other).get("/api/v1/attachments/" + hidden
                + "/content");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.header("X-Accel-Redirect")).isNull();
    }
}
