package io.sphere.worker.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.sphere.core.attachment.AttachmentService;
import io.sphere.core.attachment.AttachmentService.ThumbnailJob;
import io.sphere.core.attachment.MediaConfig;
import io.sphere.core.attachment.MediaStore;
import io.sphere.core.attachment.ThumbnailState;

/** Makes the thumbnail of one attachment and records the outcome; safe to call twice for the same one. */
@ApplicationScoped
public class ThumbnailService {

    private static final Logger LOG = Logger.getLogger(ThumbnailService.class);

    private final AttachmentService attachments;
    private final Thumbnailer thumbnailer;

    ThumbnailService(AttachmentService attachments, MediaConfig media) {
        this.attachments = attachments;
        this.thumbnailer = new Thumbnailer(media.thumbnail().maxPixels(),
                media.thumbnail().maxDecodedBytes().asLongValue(), media.thumbnail().size());
    }

    /** Returns the state recorded, or empty when there was nothing to do (already done, removed, unknown id). */
    public Optional<ThumbnailState> process(long attachmentId) {
        Optional<ThumbnailJob> job = attachments.thumbnailJob(attachmentId);
        if (job.isEmpty()) {
            return Optional.empty();
        }
        MediaStore store = attachments.store();
        Thumbnailer.Outcome outcome;
        try (InputStream in = store.open(job.get().storageKey())) {
            outcome = thumbnailer.make(in);
        } catch (IOException e) {
            outcome = Thumbnailer.Outcome.refused("the file cannot be read: " + e.getMessage());
        }
        if (!outcome.made()) {
            LOG.infof("No thumbnail for attachment %d: %s", attachmentId, outcome.refusal());
            attachments.recordThumbnail(attachmentId, ThumbnailState.FAILED, null, null, null, outcome.refusal());
            return Optional.of(ThumbnailState.FAILED);
        }
        String key;
        try {
            key = store.put(new ByteArrayInputStream(outcome.png()), Long.MAX_VALUE).key();
        } catch (IOException e) {
            throw new IllegalStateException("storing the thumbnail of attachment " + attachmentId + " failed", e);
        }
        if (!attachments.recordThumbnail(attachmentId, ThumbnailState.READY, key, outcome.width(), outcome.height(),
                null)) {
            try {
                store.delete(key);
            } catch (IOException e) {
                LOG.warnf("Could not delete the surplus thumbnail %s: %s", key, e.getMessage());
            }
            return Optional.empty();
        }
        return Optional.of(ThumbnailState.READY);
    }

    /** The sweep's work list. */
    public List<Long> pending(int limit, java.time.Duration olderThan) {
        return attachments.pendingThumbnails(limit, olderThan);
    }
}
