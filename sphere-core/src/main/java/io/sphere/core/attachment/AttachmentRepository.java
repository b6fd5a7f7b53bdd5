package io.sphere.core.attachment;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class AttachmentRepository implements PanacheRepository<Attachment> {

    List<Attachment> liveOfCard(long cardId) {
        return list("cardId = ?1 and removedAt is null", Sort.by("uploadedAt").and("id"), cardId);
    }

    List<Attachment> liveOfTask(long taskId) {
        return list("taskId = ?1 and removedAt is null", Sort.by("uploadedAt").and("id"), taskId);
    }

    /** The card's own files as they were at {@code at}: uploaded by then and not yet removed then. */
    List<Attachment> ofCardAsOf(long cardId, java.time.Instant at) {
        return list("cardId = ?1 and uploadedAt <= ?2 and (removedAt is null or removedAt > ?2)",
                Sort.by("uploadedAt").and("id"), cardId, at);
    }

    /** Removed files whose bytes are still stored and that were removed before {@code cutoff}, oldest first. */
    List<Attachment> removedBefore(java.time.Instant cutoff, int limit) {
        return find("removedAt < ?1 and purgedAt is null", Sort.by("removedAt").and("id"), cutoff).page(0, limit)
                .list();
    }

    /**
     * Marks one removed file purged, once: false when another worker got there first or it is not due after all.
     * Locks nothing for long; the bytes are deleted after the commit.
     */
    boolean markPurged(long id, java.time.Instant cutoff, java.time.Instant now) {
        return getEntityManager().createNativeQuery("UPDATE attachment SET purged_at = ?2 WHERE id = ?1 "
                + "AND removed_at < ?3 AND purged_at IS NULL").setParameter(1, id).setParameter(2, now)
                .setParameter(3, cutoff).executeUpdate() == 1;
    }

    /** The human key of a live card by its id; empty for a deleted one. */
    Optional<String> cardKey(long cardId) {
        List<?> keys = getEntityManager()
                .createNativeQuery("SELECT key FROM card WHERE id = ?1 AND deleted_at IS NULL")
                .setParameter(1, cardId).getResultList();
        return keys.stream().findFirst().map(Object::toString);
    }

    /** Thumbnails still to make, oldest first, skipping rows another worker holds right now. */
    @SuppressWarnings("unchecked")
    List<Long> pending(int limit, java.time.Instant uploadedBefore) {
        List<Number> ids = getEntityManager()
                .createNativeQuery("SELECT id FROM attachment WHERE thumbnail_state = 'PENDING' AND uploaded_at <= ?2 "
                        + "ORDER BY uploaded_at, id LIMIT ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, limit).setParameter(2, uploadedBefore).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
