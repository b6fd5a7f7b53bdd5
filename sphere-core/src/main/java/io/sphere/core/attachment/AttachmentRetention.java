package io.sphere.core.attachment;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sphere.core.retention.RetentionConfig;

/**
 * Retention of removed attachments ({@code sphere.retention.removed-attachment-days}): once a file has been removed
 * longer than that, its bytes and thumbnail are deleted from the store and the row is marked purged. The row stays,
 * so the history still names the file and a download says "removed by retention" instead of "not found".
 * <p>
 * Each row is marked purged in its own short transaction first (a second worker running at the same moment then
 * skips it), the bytes are deleted after the commit: a crash in between leaves an unreachable file, never a row
 * that points to nothing without saying so.
 */
@ApplicationScoped
public class AttachmentRetention {

    private static final Logger LOG = Logger.getLogger(AttachmentRetention.class);
    private static final int BATCH = 200;

    /** A removed file past its retention: which one, its name and size, and when it was removed. */
    public record Purgeable(long id, String name, long size, Instant removedAt) {
    }

    private final AttachmentRepository attachments;
    private final MediaStore store;
    private final RetentionConfig config;

    AttachmentRetention(AttachmentRepository attachments, MediaStore store, RetentionConfig config) {
        this.attachments = attachments;
        this.store = store;
        this.config = config;
    }

    /** The moment before which a removed file is due; empty when removed files are kept forever. */
    public Optional<Instant> cutoff(Instant now) {
        int days = config.removedAttachmentDays();
        return days <= 0 ? Optional.empty() : Optional.of(now.minus(days, ChronoUnit.DAYS));
    }

    /** What {@link #apply} would purge at {@code now}, oldest removal first; changes nothing. */
    public List<Purgeable> plan(Instant now) {
        Optional<Instant> cutoff = cutoff(now);
        if (cutoff.isEmpty()) {
            return List.of();
        }
        return QuarkusTransaction.joiningExisting().call(() -> attachments.removedBefore(cutoff.get(),
                Integer.MAX_VALUE).stream().map(AttachmentRetention::purgeable).toList());
    }

    /** Purges every removed file past its retention and returns what it purged. */
    public List<Purgeable> apply(Instant now) {
        Optional<Instant> cutoff = cutoff(now);
        if (cutoff.isEmpty()) {
            return List.of();
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        List<Purgeable> purged = new ArrayList<>();
        List<Attachment> batch;
        long after = 0;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> attachments.removedBefore(cutoff.get(), BATCH));
            for (Attachment a : batch) {
                boolean mine = QuarkusTransaction.requiringNew()
                        .call(() -> attachments.markPurged(a.id(), cutoff.get(), at));
                if (mine) {
                    deleteQuietly(a.storageKey());
                    if (a.thumbnailKey() != null) {
                        deleteQuietly(a.thumbnailKey());
                    }
                    purged.add(purgeable(a));
                }
            }
            // Rows another worker holds are skipped; stop once a whole batch brought nothing new.
            long before = after;
            after = purged.size();
            if (after == before) {
                break;
            }
        } while (batch.size() == BATCH);
        return purged;
    }

    private static Purgeable purgeable(Attachment a) {
        return new Purgeable(a.id(), a.originalName(), a.size(), a.removedAt());
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException e) {
            LOG.warnf("Retention could not delete the stored file %s: %s", key, e.getMessage());
        }
    }
}
