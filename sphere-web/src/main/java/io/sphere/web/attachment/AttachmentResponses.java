package io.sphere.web.attachment;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.sphere.core.attachment.AttachmentNames;
import io.sphere.core.attachment.AttachmentView;
import io.sphere.core.attachment.MediaConfig;
import io.sphere.core.attachment.MediaStore;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;

/**
 * The answer to a permitted download (the caller has checked the permission through core). Behind nginx
 * ({@code sphere.media.accel-redirect=true}) only headers: {@code X-Accel-Redirect} to the internal media location,
 * and nginx sends the bytes, ranges included. Otherwise sphere-web streams the file, honouring one byte range.
 * <p>
 * Whatever the file holds, the browser is told not to guess ({@code nosniff}), and only raster images and PDFs may
 * open in place: HTML, SVG and everything else is always a download, so an upload can never run as this site.
 */
@ApplicationScoped
public class AttachmentResponses {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final MediaConfig config;
    private final MediaStore store;

    AttachmentResponses(MediaConfig config, MediaStore store) {
        this.config = config;
        this.store = store;
    }

    public Response original(AttachmentView a, boolean forceDownload, String range) {
        boolean inline = a.inline() && !forceDownload;
        return serve(a.storageKey(), a.contentType(), AttachmentNames.contentDisposition(inline, a.name()), range);
    }

    public Response thumbnail(AttachmentView a) {
        String key = a.thumbnailKey().filter(k -> a.thumbnailReady())
                .orElseThrow(() -> new SphereException(ErrorCode.ATTACHMENT_NOT_FOUND));
        return serve(key, "image/png", AttachmentNames.contentDisposition(true, "thumbnail-" + a.id() + ".png"),
                null);
    }

    private Response serve(String key, String contentType, String disposition, String range) {
        if (config.accelRedirect()) {
            return headers(Response.ok(), contentType, disposition)
                    .header("X-Accel-Redirect", config.accelPrefix() + key).build();
        }
        Path file = store.localPath(key).orElseThrow(() -> new SphereException(ErrorCode.ATTACHMENT_NOT_FOUND));
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw new SphereException(ErrorCode.ATTACHMENT_NOT_FOUND);
        }
        long start = 0;
        long end = length - 1;
        boolean partial = false;
        if (range != null && length > 0) {
            Matcher m = RANGE.matcher(range.strip());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                try {
                    if (m.group(1).isEmpty()) {
                        start = Math.max(0, length - Long.parseLong(m.group(2)));
                    } else {
                        start = Long.parseLong(m.group(1));
                        if (!m.group(2).isEmpty()) {
                            end = Math.min(end, Long.parseLong(m.group(2)));
                        }
                    }
                } catch (NumberFormatException e) {
                    start = length;
                }
                if (start >= length || start > end) {
                    return Response.status(416).header("Content-Range", "bytes */" + length)
                            .header("X-Content-Type-Options", "nosniff").build();
                }
                partial = true;
            }
        }
        long from = start;
        long count = end - start + 1;
        StreamingOutput body = out -> {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                raf.seek(from);
                byte[] buffer = new byte[64 * 1024];
                long left = count;
                while (left > 0) {
                    int n = raf.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        };
        Response.ResponseBuilder r = headers(partial ? Response.status(206) : Response.ok(), contentType, disposition)
                .entity(body).header("Content-Length", count).header("Accept-Ranges", "bytes");
        if (partial) {
            r.header("Content-Range", "bytes " + start + "-" + end + "/" + length);
        }
        return r.build();
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder r, String contentType,
            String disposition) {
        return r.type(contentType).header("Content-Disposition", disposition)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
                .header("Cache-Control", "private, max-age=0, must-revalidate");
    }
}
