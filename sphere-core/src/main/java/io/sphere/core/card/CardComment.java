package io.sphere.core.card;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A plain-text comment; pages escape it and make links clickable, core stores it as written. */
@Entity
@Table(name = "card_comment")
class CardComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "card_id")
    private long cardId;

    @Column(name = "author_id")
    private Long authorId;

    private String body;

    @Column(name = "created_at")
    private Instant createdAt;

    protected CardComment() {
    }

    static CardComment write(long cardId, long authorId, String body, Instant now) {
        CardComment c = new CardComment();
        c.cardId = cardId;
        c.authorId = authorId;
        c.body = body;
        c.createdAt = now;
        return c;
    }

    Long id() {
        return id;
    }

    Long authorId() {
        return authorId;
    }

    String body() {
        return body;
    }

    Instant createdAt() {
        return createdAt;
    }
}
