package io.sphere.core.attachment;

import java.nio.charset.StandardCharsets;

/** The message on {@code <instance>.thumbnail}: the attachment id in decimal ASCII, nothing a consumer must trust. */
public final class ThumbnailMessage {

    private ThumbnailMessage() {
    }

    public static byte[] encode(long attachmentId) {
        return Long.toString(attachmentId).getBytes(StandardCharsets.US_ASCII);
    }

    /** @throws NumberFormatException for anything but a positive decimal id */
    public static long decode(byte[] body) {
        long id = Long.parseLong(new String(body, StandardCharsets.US_ASCII).strip());
        if (id <= 0) {
            throw new NumberFormatException("not an attachment id: " + id);
        }
        return id;
    }
}
