package io.sphere.worker.attachment;

import static io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.sphere.worker.OneLine;
import io.sphere.worker.schema.SchemaGuard;

/**
 * Makes the thumbnails whose message never arrived: the broker was down when the file was uploaded, or a worker
 * died holding the message. Attachments younger than {@code sphere.worker.thumbnail.sweep-delay} are left to the
 * message.
 */
@ApplicationScoped
class ThumbnailSweep {

    private static final String EVERY = "${sphere.worker.thumbnail.sweep-every}";
    private static final Logger LOG = Logger.getLogger(ThumbnailSweep.class);

    private final ThumbnailService thumbnails;
    private final ThumbnailConfig config;

    ThumbnailSweep(ThumbnailService thumbnails, ThumbnailConfig config) {
        this.thumbnails = thumbnails;
        this.config = config;
    }

    @Scheduled(every = EVERY, concurrentExecution = SKIP, skipExecutionIf = SchemaGuard.Refused.class)
    void sweep() {
        try {
            int made = 0;
            for (long id : thumbnails.pending(config.sweepBatch(), config.sweepDelay())) {
                if (thumbnails.process(id).isPresent()) {
                    made++;
                }
            }
            if (made > 0) {
                LOG.infof("Thumbnail sweep handled %d attachment(s)", made);
            }
        } catch (RuntimeException e) {
            LOG.errorf("Thumbnail sweep failed, next attempt at the next run: %s", OneLine.describe(e));
        }
    }
}
