package io.sphere.core.attachment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * The content type of an upload, from its bytes alone (Apache Tika's magic detector). Neither the name a person
 * gave the file nor the type their browser claimed is consulted: an HTML page renamed {@code .png} is text/html.
 */
public final class ContentTypes {

    private static final MimeTypes DETECTOR = MimeTypes.getDefaultMimeTypes();

    /** Raster images the worker makes thumbnails of. */
    public static final Set<String> THUMBNAILED = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp",
            "image/x-ms-bmp", "image/webp");

    /** Types a browser may show in place; everything else (HTML, SVG, scripts…) is always a download. */
    private static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp",
            "image/x-ms-bmp", "image/webp", "application/pdf");

    private ContentTypes() {
    }

    public static String detect(InputStream bytes) throws IOException {
        try (InputStream in = new BufferedInputStream(bytes)) {
            MediaType type = DETECTOR.detect(in, new Metadata());
            return type.getBaseType().toString();
        }
    }

    public static boolean thumbnailed(String contentType) {
        return THUMBNAILED.contains(contentType);
    }

    public static boolean inline(String contentType) {
        return INLINE.contains(contentType);
    }
}
