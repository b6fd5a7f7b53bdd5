package io.sphere.worker.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.attachment.AttachmentService;
import io.sphere.core.attachment.AttachmentView;
import io.sphere.core.attachment.ThumbnailMessage;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.messaging.Broker;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.testing.TestImages;
import io.sphere.core.user.UserService;
import io.sphere.core.user.UserView;

/**
 * Thumbnails made by the real worker from real files: through the queue, and through the sweep when no message
 * came. Hostile images (a header declaring 20000 × 20000 pixels, a JPEG cut in half) get no thumbnail, keep their
 * file, and do not stop the worker from making the next one.
 */
@QuarkusTest
class ThumbnailWorkerTest {

    static final Path MEDIA = Path.of("target/media").toAbsolutePath();
    /** A 1 × 1 lossless WebP (no WebP encoder in the JDK). */
    static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    @Inject
    UserService users;

    @Inject
    CardTypeService types;

    @Inject
    CardService cards;

    @Inject
    AttachmentService attachments;

    @Inject
    Broker broker;

    Actor admin;
    String card;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        users.createSuperuser("root@example.com", Fixtures.PASSWORD, false);
        UserView root = users.findByEmail("root@example.com").orElseThrow();
        admin = new Actor(root.id(), root.email(), true);
        types.create(admin, "REQ", "Request", "", Fixtures.requestDefinition(List.of()));
        card = cards.create(admin, "REQ", CardInput.of("Photos", Map.of())).key();
    }

    @Test
    void aMessageOnTheQueueMakesTheThumbnail() throws Exception {
        AttachmentView photo = add("photo.jpg", TestImages.image("jpg", 1600, 1200));
        assertThat(photo.thumbnailState().name()).isEqualTo("PENDING");
        publish(photo.id());

        String state = awaitOutcome(photo.id(), Duration.ofSeconds(15));
        assertThat(state).isEqualTo("READY");
        AttachmentView done = attachments.get(admin, photo.id());
        assertThat(done.thumbnailKey()).hasValueSatisfying(k -> assertThat(k).matches("\\d{4}/\\d{2}/[0-9a-f-]{36}"));
        var thumb = ImageIO.read(MEDIA.resolve(done.thumbnailKey().orElseThrow()).toFile());
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(320);
        assertThat(thumb.getWidth()).isEqualTo(320);
        assertThat(thumb.getHeight()).isEqualTo(240);
    }

    @Test
    void theSweepMakesThumbnailsWhoseMessageNeverCameAndSurvivesHostileImages() throws Exception {
        byte[] bomb = TestImages.pngDeclaring(20000, 20000);
        byte[] jpeg = TestImages.image("jpg", 900, 700);
        AttachmentView bombed = add("bomb.png", bomb);
        AttachmentView truncated = add("cut.jpg", TestImages.truncated(jpeg, 50));
        AttachmentView png = add("plan.png", TestImages.image("png", 200, 100));
        AttachmentView gif = add("anim.gif", TestImages.image("gif", 640, 480));
        AttachmentView bmp = add("scan.bmp", TestImages.image("bmp", 400, 400));
        AttachmentView webp = add("tiny.webp", WEBP);
        assertThat(bombed.contentType()).isEqualTo("image/png");
        assertThat(webp.contentType()).isEqualTo("image/webp");
        // as if uploaded a while ago while the broker was down: no message will ever come for them
        TestDatabase.execute("UPDATE attachment SET uploaded_at = now() - interval '1 hour'");

        assertThat(awaitOutcome(bombed.id(), Duration.ofSeconds(30))).isEqualTo("FAILED");
        assertThat(reason(bombed.id())).contains("20000 × 20000").contains("sphere.media.thumbnail.max-pixels");
        assertThat(awaitOutcome(truncated.id(), Duration.ofSeconds(30))).isEqualTo("FAILED");
        assertThat(reason(truncated.id())).isNotBlank();
        for (AttachmentView image : List.of(png, gif, bmp, webp)) {
            assertThat(awaitOutcome(image.id(), Duration.ofSeconds(30))).as(image.name()).isEqualTo("READY");
        }
        // small images are not enlarged
        var small = ImageIO.read(MEDIA.resolve(attachments.get(admin, png.id()).thumbnailKey().orElseThrow())
                .toFile());
        assertThat(small.getWidth()).isEqualTo(200);

        // The refused files stay downloadable, byte for byte.
        try (InputStream in = attachments.open(attachments.get(admin, bombed.id()))) {
            assertThat(in.readAllBytes()).isEqualTo(bomb);
        }
        assertThat(Files.size(MEDIA.resolve(bombed.storageKey()))).isEqualTo(bomb.length);
    }

    @Test
    void aMessageThatIsNotAnIdIsDeadLetteredAndTheConsumerGoesOn() throws Exception {
        try (Connection c = broker.connect("test"); Channel ch = c.createChannel()) {
            broker.topology().declareThumbnail(ch);
            ch.queuePurge(broker.topology().thumbnailDeadQueue());
            ch.basicPublish(broker.topology().thumbnailExchange(), broker.topology().thumbnailRoutingKey(),
                    MessageProperties.PERSISTENT_BASIC, "<script>".getBytes());
            await().atMost(Duration.ofSeconds(15)).until(() -> ch.messageCount(broker.topology()
                    .thumbnailDeadQueue()) == 1);
        }
        AttachmentView photo = add("after.png", TestImages.image("png", 500, 500));
        publish(photo.id());
        assertThat(awaitOutcome(photo.id(), Duration.ofSeconds(15))).isEqualTo("READY");
    }

    private AttachmentView add(String name, byte[] data) {
        return attachments.add(admin, card, name, new ByteArrayInputStream(data));
    }

    private void publish(long id) throws Exception {
        try (Connection c = broker.connect("test"); Channel ch = c.createChannel()) {
            broker.topology().declareThumbnail(ch);
            ch.basicPublish(broker.topology().thumbnailExchange(), broker.topology().thumbnailRoutingKey(),
                    MessageProperties.PERSISTENT_BASIC, ThumbnailMessage.encode(id));
        }
    }

    private static String awaitOutcome(long id, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> TestDatabase.count(
                "SELECT count(*) FROM attachment WHERE id = ? AND thumbnail_state <> 'PENDING'", id) == 1);
        for (String state : List.of("READY", "FAILED", "NONE")) {
            if (TestDatabase.count("SELECT count(*) FROM attachment WHERE id = ? AND thumbnail_state = ?", id,
                    state) == 1) {
                return state;
            }
        }
        return "?";
    }

    private static String reason(long id) {
        try (var c = TestDatabase.connect();
                var ps = c.prepareStatement("SELECT thumbnail_reason FROM attachment WHERE id = ?")) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
