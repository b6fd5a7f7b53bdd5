package io.sphere.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.sphere.core.testing.TestImages;

/** Names people give files, made harmless; content types from the bytes. Plain unit tests, no database. */
class AttachmentNamesTest {

    @Test
    void pathsControlAndBidiCharactersAreDropped() {
        assertThat(AttachmentNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentNames.clean("C:\\Users\\olga\\report.pdf")).isEqualTo("report.pdf");
        assertThat(AttachmentNames.clean("a\u0000b\u0007c\r\n.txt")).isEqualTo("abc.txt");
        assertThat(AttachmentNames.clean("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(AttachmentNames.clean("\u2066x\u2069\u200F.png")).isEqualTo("x.png");
        assertThat(AttachmentNames.clean("..")).isEqualTo("file");
        assertThat(AttachmentNames.clean("  ")).isEqualTo("file");
        assertThat(AttachmentNames.clean(null)).isEqualTo("file");
        assertThat(AttachmentNames.clean("я".repeat(300))).hasSize(255);
        assertThat(AttachmentNames.clean("Счёт №5.pdf")).isEqualTo("Счёт №5.pdf");
    }

    @Test
    void contentDispositionCannotBeBrokenOutOf() {
        assertThat(AttachmentNames.contentDisposition(false, "a\"; filename=evil.html\r\nX-Bad: 1"))
                .isEqualTo("attachment; filename=\"a__ filename=evil.htmlX-Bad: 1\"; "
                        + "filename*=UTF-8''a%22%3B%20filename%3Devil.htmlX-Bad%3A%201");
        assertThat(AttachmentNames.contentDisposition(true, "Счёт.png"))
                .isEqualTo("inline; filename=\"____.png\"; filename*=UTF-8''%D0%A1%D1%87%D1%91%D1%82.png");
    }

    @Test
    void contentTypeComesFromTheBytesNotTheName() throws Exception {
        assertThat(detect(TestImages.image("png", 4, 4))).isEqualTo("image/png");
        assertThat(detect(TestImages.image("jpg", 4, 4))).isEqualTo("image/jpeg");
        assertThat(detect(TestImages.image("gif", 4, 4))).isEqualTo("image/gif");
        assertThat(ContentTypes.thumbnailed(detect(TestImages.image("bmp", 4, 4)))).isTrue();
        assertThat(detect("<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/html");
        assertThat(detect("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("image/svg+xml");
        assertThat(ContentTypes.inline("image/svg+xml")).isFalse();
        assertThat(ContentTypes.inline("text/html")).isFalse();
        assertThat(detect("just words".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
        assertThat(detect(new byte[]{0, 1, 2, 3, (byte) 0xff})).isEqualTo("application/octet-stream");
    }

    private static String detect(byte[] bytes) throws Exception {
        return ContentTypes.detect(new ByteArrayInputStream(bytes));
    }
}
