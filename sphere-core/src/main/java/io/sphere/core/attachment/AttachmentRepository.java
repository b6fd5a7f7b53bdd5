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
