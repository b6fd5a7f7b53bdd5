package io.sphere.worker.attachment;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import org.imgscalr.Scalr;

/**
 * Makes one thumbnail, safely. Image bombs are refused before any pixel is decoded: the dimensions come from the
 * header ({@link ImageReader#getWidth} reads only that), and an image over the pixel cap or whose decoded form would
 * need more memory than allowed gets no thumbnail. Large images are decoded subsampled, so memory stays near the
 * thumbnail's size. A damaged image (an exception, a decoder warning such as "premature end of file", even an
 * {@link OutOfMemoryError}) is an outcome with a reason, never a crash.
 */
public final class Thumbnailer {

    /** A made thumbnail (PNG bytes and size) or the reason there is none. */
    public record Outcome(byte[] png, int width, int height, String refusal) {

        static Outcome refused(String why) {
            return new Outcome(null, 0, 0, why);
        }

        public boolean made() {
            return png != null;
        }
    }

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private final long maxPixels;
    private final long maxDecodedBytes;
    private final int size;

    public Thumbnailer(long maxPixels, long maxDecodedBytes, int size) {
        this.maxPixels = maxPixels;
        this.maxDecodedBytes = maxDecodedBytes;
        this.size = size;
    }

    public Outcome make(InputStream data) {
        try (ImageInputStream in = ImageIO.createImageInputStream(data)) {
            if (in == null) {
                return Outcome.refused("no image reader");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Outcome.refused("not an image format this worker reads");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (width <= 0 || height <= 0) {
                    return Outcome.refused("the image declares no size");
                }
                if (pixels > maxPixels) {
                    return Outcome.refused(width + " × " + height + " pixels is more than the limit of " + maxPixels
                            + " (sphere.media.thumbnail.max-pixels)");
                }
                int step = Math.max(1, Math.max(width, height) / (size * 2));
                long decoded = ((long) (width / step + 1)) * (height / step + 1) * 4;
                if (decoded > maxDecodedBytes) {
                    return Outcome.refused("decoding would need " + decoded + " bytes, more than the limit of "
                            + maxDecodedBytes + " (sphere.media.thumbnail.max-decoded-bytes)");
                }
                AtomicReference<String> warning = new AtomicReference<>();
                reader.addIIOReadWarningListener(new IIOReadWarningListener() {
                    @Override
                    public void warningOccurred(ImageReader source, String message) {
                        warning.compareAndSet(null, message);
                    }
                });
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (warning.get() != null) {
                    return Outcome.refused("the image is damaged: " + warning.get());
                }
                return scaled(image);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Outcome.refused("the image cannot be read: " + describe(e));
        } catch (OutOfMemoryError e) {
            return Outcome.refused("the image needs more memory than the worker has");
        }
    }

    private Outcome scaled(BufferedImage image) throws IOException {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        BufferedImage thumb = Math.max(rgb.getWidth(), rgb.getHeight()) > size
                ? Scalr.resize(rgb, Scalr.Method.QUALITY, Scalr.Mode.AUTOMATIC, size, size)
                : rgb;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(thumb, "png", out)) {
            return Outcome.refused("no PNG writer");
        }
        return new Outcome(out.toByteArray(), thumb.getWidth(), thumb.getHeight(), null);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank()
                ? ""
                : ": " + m.lines().findFirst()
                        .orElse(""));
    }
}
