package io.sphere.core.card;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "card_watcher")
@IdClass(CardWatcher.Key.class)
class CardWatcher {

    @Id
    @Column(name = "card_id")
    private long cardId;

    @Id
    @Column(name = "user_id")
    private long userId;

    private Instant since;

    protected CardWatcher() {
    }

    static CardWatcher start(long cardId, long userId, Instant now) {
        CardWatcher w = new CardWatcher();
        w.cardId = cardId;
        w.userId = userId;
        w.since = now;
        return w;
    }

    long userId() {
        return userId;
    }

    static class Key implements Serializable {

        private long cardId;
        private long userId;

        protected Key() {
        }

        Key(long cardId, long userId) {
            this.cardId = cardId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.cardId == cardId && k.userId == userId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(cardId, userId);
        }
    }
}
