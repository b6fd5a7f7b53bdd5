package io.sphere.worker.retention;

import static io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.sphere.core.attachment.AttachmentRetention;
import io.sphere.core.attachment.AttachmentRetention.Purgeable;
import io.sphere.core.retention.RetentionService;
import io.sphere.core.retention.RetentionService.Expired;
import io.sphere.worker.OneLine;
import io.sphere.worker.schema.SchemaGuard;

/**
 * Drops the request-log and audit months past their retention ({@code sphere.retention.*}) and deletes the files of
 * attachments removed longer ago than {@code sphere.retention.removed-attachment-days}, nightly. Several workers may
 * run it at once: {@code DROP TABLE IF EXISTS} makes the second drop a no-op, and each removed file is claimed by
 * exactly one of them.
 */
@ApplicationScoped
class RetentionJob {

    /** Quartz cron, UTC; {@code sphere.worker.retention.cron}. */
    private static final String CRON = "${sphere.worker.retention.cron:0 37 2 * * ?}";

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final RetentionService retention;
    private final AttachmentRetention attachments;
    private final Clock clock;

    RetentionJob(RetentionService retention, AttachmentRetention attachments, Clock clock) {
        this.retention = retention;
        this.attachments = attachments;
        this.clock = clock;
    }

    @Scheduled(cron = CRON, timeZone = "UTC", concurrentExecution = SKIP, skipExecutionIf = SchemaGuard.Refused.class)
    void run() {
        try {
            List<Expired> dropped = retention.apply(clock.instant());
            for (Expired e : dropped) {
                LOG.infof("Retention: removed %s (%s to %s, %d rows)", e.partition(), e.from(), e.to(), e.rows());
            }
        } catch (RuntimeException e) {
            LOG.errorf("Retention failed, next attempt at the next run: %s", OneLine.describe(e));
        }
        try {
            List<Purgeable> purged = attachments.apply(clock.instant());
            if (!purged.isEmpty()) {
                LOG.infof("Retention: deleted the files of %d removed attachments (%d bytes)", purged.size(),
                        purged.stream().mapToLong(Purgeable::size).sum());
            }
        } catch (RuntimeException e) {
            LOG.errorf("Retention of removed attachments failed, next attempt at the next run: %s",
                    OneLine.describe(e));
        }
    }
}
