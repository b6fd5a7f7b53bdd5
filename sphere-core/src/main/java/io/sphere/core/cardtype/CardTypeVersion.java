package io.sphere.core.cardtype;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Every definition a card type ever had, append-only. */
@Entity
@Table(name = "card_type_version")
@IdClass(CardTypeVersion.Key.class)
class CardTypeVersion {

    @Id
    @Column(name = "card_type_id")
    private long cardTypeId;

    @Id
    private int version;

    @JdbcTypeCode(SqlTypes.JSON)
    private String definition;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    protected CardTypeVersion() {
    }

    static CardTypeVersion record(long cardTypeId, int version, String definition, long by, Instant now) {
        CardTypeVersion v = new CardTypeVersion();
        v.cardTypeId = cardTypeId;
        v.version = version;
        v.definition = definition;
        v.createdBy = by;
        v.createdAt = now;
        return v;
    }

    int version() {
        return version;
    }

    String definitionJson() {
        return definition;
    }

    Long createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    static class Key implements Serializable {

        private long cardTypeId;
        private int version;

        protected Key() {
        }

        Key(long cardTypeId, int version) {
            this.cardTypeId = cardTypeId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.cardTypeId == cardTypeId && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(cardTypeId, version);
        }
    }
}
