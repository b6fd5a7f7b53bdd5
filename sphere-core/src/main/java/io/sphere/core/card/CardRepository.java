package io.sphere.core.card;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class CardRepository implements PanacheRepository<Card> {

    Optional<Card> findLive(String key) {
        return find("key = ?1 and deletedAt is null", key).firstResultOptional();
    }

    /** The live card, locked until the end of the transaction: the version compared is then the one written. */
    Optional<Card> findLiveForUpdate(String key) {
        return find("key = ?1 and deletedAt is null", key).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Rewrites the search vector of a card from its key, title and text-like values. */
    void index(long cardId, String document) {
        getEntityManager().createNativeQuery("UPDATE card SET search = to_tsvector('simple', ?1) WHERE id = ?2")
                .setParameter(1, document).setParameter(2, cardId).executeUpdate();
    }

    /** Flags the open cards whose due date has passed; returns their keys, each flagged once. */
    @SuppressWarnings("unchecked")
    List<String> flagOverdue(Instant now) {
        return getEntityManager().createNativeQuery("""
                UPDATE card SET overdue = true
                 WHERE deleted_at IS NULL AND closed_at IS NULL AND due_at < ?1 AND NOT overdue
                RETURNING key""").setParameter(1, now).getResultList();
    }
}
