package io.sphere.core.cardtype;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A card type row. Its card numbers live in {@code card_type_counter}, advanced by one atomic statement (see
 * CardTypeRepository#allocateNumber), so creating a card never rewrites this row and its definition.
 */
@Entity
@Table(name = "card_type")
class CardType {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String key;

    private String name;

    private String description;

    @JdbcTypeCode(SqlTypes.JSON)
    private String definition;

    @Column(name = "definition_version")
    private int definitionVersion;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected CardType() {
    }

    static CardType define(String key, String name, String description, String definition, Instant now) {
        CardType t = new CardType();
        t.key = key;
        t.name = name;
        t.description = description;
        t.definition = definition;
        t.definitionVersion = 1;
        t.createdAt = now;
        t.updatedAt = now;
        return t;
    }

    /** Saves a new definition; the definition version only moves when the definition itself changed. */
    void redefine(String name, String description, String definition, boolean definitionChanged, Instant now) {
        this.name = name;
        this.description = description;
        if (definitionChanged) {
            this.definition = definition;
            this.definitionVersion++;
        }
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    String key() {
        return key;
    }

    String definitionJson() {
        return definition;
    }

    int definitionVersion() {
        return definitionVersion;
    }

    long version() {
        return version;
    }

    CardTypeView view(CardTypeDefinition parsed) {
        return new CardTypeView(id, key, name, description, parsed, definitionVersion, version, createdAt,
                updatedAt);
    }
}
