package io.sphere.core.cardtype;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class CardTypeRepository implements PanacheRepository<CardType> {

    Optional<CardType> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    /**
     * Takes the next card number of a type in one statement. The row lock it takes is held to the end of the
     * transaction, so concurrent creates get distinct numbers, and the counter only grows: numbers are never
     * reused, not even when the card that had one is deleted or its transaction rolls back.
     */
    long allocateNumber(long cardTypeId) {
        // the counter row is made by the first card of the type, whichever way the type itself was created
        Object n = getEntityManager().createNativeQuery("""
                INSERT INTO card_type_counter AS c (card_type_id, next_number) VALUES (?1, 2)
                ON CONFLICT (card_type_id) DO UPDATE SET next_number = c.next_number + 1
                RETURNING c.next_number - 1""").setParameter(1, cardTypeId).getSingleResult();
        return ((Number) n).longValue();
    }

    /** Live cards of a type in a stage; a stage that still has some cannot be removed. */
    long cardsInStage(long cardTypeId, String stage) {
        Object n = getEntityManager()
                .createNativeQuery(
                        "SELECT count(*) FROM card WHERE card_type_id = ?1 AND stage = ?2 AND deleted_at IS NULL")
                .setParameter(1, cardTypeId).setParameter(2, stage).getSingleResult();
        return ((Number) n).longValue();
    }
}
