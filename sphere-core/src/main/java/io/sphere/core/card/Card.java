package io.sphere.core.card;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A card row. Its search vector is written with the INSERT from {@link #index(String)}; later changes rewrite it
 * with CardRepository#index, so that Hibernate's updates never touch it. It is never read back.
 */
@Entity
@Table(name = "card")
class Card {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "card_type_id")
    private long cardTypeId;

    private long number;

    private String key;

    private String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "field_values")
    private String fieldValues;

    private String stage;

    @Column(name = "assignee_id")
    private Long assigneeId;

    @Column(name = "candidate_group_id")
    private Long candidateGroupId;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    @Column(name = "due_at")
    private Instant dueAt;

    private boolean overdue;

    @Column(name = "sla_due_at")
    private Instant slaDueAt;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_by")
    private Long updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    private long version;

    @ColumnTransformer(read = "null", write = "to_tsvector('simple', coalesce(?, ''))")
    @Column(name = "search", columnDefinition = "tsvector", updatable = false)
    private String searchDocument;

    protected Card() {
    }

    static Card open(long cardTypeId, long number, String key, String stage, boolean closed, Instant slaDueAt,
            long by, Instant now) {
        Card c = new Card();
        c.slaDueAt = slaDueAt;
        c.cardTypeId = cardTypeId;
        c.number = number;
        c.key = key;
        c.stage = stage;
        c.priority = Priority.NORMAL;
        c.fieldValues = "{}";
        c.createdBy = by;
        c.createdAt = now;
        c.updatedBy = by;
        c.updatedAt = now;
        c.closedAt = closed ? now : null;
        return c;
    }

    void edit(String title, String fieldValues, Priority priority, Instant dueAt, Long candidateGroupId, long by,
            Instant now) {
        this.title = title;
        this.fieldValues = fieldValues;
        this.priority = priority;
        this.dueAt = dueAt;
        this.candidateGroupId = candidateGroupId;
        this.overdue = closedAt == null && pastDue(now);
        touch(by, now);
    }

    /** The words a new card is found by; effective for the INSERT only (see the class comment). */
    void index(String document) {
        this.searchDocument = document;
    }

    /** Sets field values alone, as a transition does with the fields it asks for. */
    void fill(String fieldValues, long by, Instant now) {
        this.fieldValues = fieldValues;
        touch(by, now);
    }

    /** Enters a stage: a final stage closes the card, any other reopens it; the stage's SLA starts now. */
    void moveTo(String stage, boolean isFinal, Instant slaDueAt, long by, Instant now) {
        this.stage = stage;
        this.slaDueAt = slaDueAt;
        if (isFinal) {
            if (closedAt == null) {
                closedAt = now;
            }
            overdue = false;
        } else {
            closedAt = null;
            overdue = pastDue(now);
        }
        touch(by, now);
    }

    void assign(Long userId, long by, Instant now) {
        this.assigneeId = userId;
        touch(by, now);
    }

    void delete(long by, Instant now) {
        this.deletedAt = now;
        touch(by, now);
    }

    /** Past the due date or the stage's SLA, whichever comes first; exactly at the moment is not yet late. */
    private boolean pastDue(Instant now) {
        return (dueAt != null && dueAt.isBefore(now)) || (slaDueAt != null && slaDueAt.isBefore(now));
    }

    private void touch(long by, Instant now) {
        this.updatedBy = by;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    long cardTypeId() {
        return cardTypeId;
    }

    long number() {
        return number;
    }

    String key() {
        return key;
    }

    String title() {
        return title;
    }

    String fieldValues() {
        return fieldValues;
    }

    String stage() {
        return stage;
    }

    Long assigneeId() {
        return assigneeId;
    }

    Long candidateGroupId() {
        return candidateGroupId;
    }

    Priority priority() {
        return priority;
    }

    Instant dueAt() {
        return dueAt;
    }

    boolean overdue() {
        return overdue;
    }

    Long createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Long updatedBy() {
        return updatedBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    boolean isDeleted() {
        return deletedAt != null;
    }

    long version() {
        return version;
    }
}
